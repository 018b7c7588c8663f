package app.sendsongs.bench.watch;

import app.sendsongs.core.music.SourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The simulator's figures for both policies, their ratios, the same for the songs of each listening source, and
 * the checks of the run's correctness.
 */
public record WatchReport(WatchOptions options, int people, int songs, long plays, long listens,
                          Figures seed, Figures ours, List<SourceFigures> sources, List<String> oursMissed,
                          List<String> oursToldWrongly, long failedSends, long refusedTokens, long unmatchedNotices) {
    private static final int MISSES_SHOWN = 10;

    /**
     * One policy's figures. {@code wronglyTold}: told of a play that was not the listen (should be 0);
     * {@code latenciesMillis}: every detected listen's detection latency, sorted. For ours, {@code recentlyPlayed}
     * counts the history reads of every source (Spotify's recently-played, Last.fm's and ListenBrainz's pages).
     */
    public record Figures(String name, long refreshes, long recentlyPlayed, long trackLookups, long checks,
                          long detected, long missed, long wronglyTold, double p50Minutes, double p95Minutes,
                          int songs, long[] latenciesMillis) {
        public long watchCalls() {
            return refreshes + recentlyPlayed;
        }

        public double callsPerSong() {
            return (double) watchCalls() / songs;
        }

        public double callsPerDetected() {
            return detected == 0 ? Double.NaN : (double) watchCalls() / detected;
        }
    }

    /**
     * The songs sent to the receivers on one source: {@code seed} as the seed watched them (on Spotify), {@code ours}
     * as we did (on their source; its watch calls are {@code oursCalls}, with {@code busiestDayCalls} on the
     * busiest day).
     */
    public record SourceFigures(SourceKind source, long people, Figures seed, Figures ours, long seedCalls,
                                long oursCalls, long busiestDayCalls) {
        public double seedCallsPerSong() {
            return (double) seedCalls / seed.songs();
        }

        public double oursCallsPerSong() {
            return (double) oursCalls / ours.songs();
        }

        /** Our calls to the source per person on it, on the busiest day. */
        public double callsPerPersonDay() {
            return people == 0 ? Double.NaN : (double) busiestDayCalls / people;
        }

        /** How many people one server can watch within the source's rate limit, when it is known. */
        public OptionalLong peopleWithinLimit() {
            OptionalLong limit = dailyLimit(source);
            if (limit.isEmpty() || people == 0 || busiestDayCalls == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) (limit.getAsLong() / callsPerPersonDay()));
        }
    }

    /**
     * The calls a day one server may make to a source. Last.fm: about five a second per IP
     * (www.last.fm/api/intro), of which the adapter uses four. ListenBrainz publishes no figure (its headers state
     * the window); its server allows 30 per 10 s per IP (brainzutils' default) and gives a user's token no window of
     * its own, so that is one budget for the whole server. Spotify publishes
     * none either (a rolling 30-second window per app); in development mode only five people can use an app at all.
     */
    static OptionalLong dailyLimit(SourceKind source) {
        return switch (source) {
            case LASTFM -> OptionalLong.of(4L * 86_400);
            case LISTENBRAINZ -> OptionalLong.of(3L * 86_400);
            case SPOTIFY -> OptionalLong.empty();
        };
    }

    private static String limitNote(SourceKind source) {
        return switch (source) {
            case LASTFM -> "4/s";
            case LISTENBRAINZ -> "30/10 s per IP";
            case SPOTIFY -> "unpublished";
        };
    }

    WatchReport(WatchOptions options, World world, PolicyResult seed, PolicyResult ours, long failedSends,
                long refusedTokens, long unmatchedNotices) {
        this(options, world.people.length, world.sent.length, world.playCount(), world.listens(),
                figures(world, seed, song -> true), figures(world, ours, song -> true), bySource(world, seed, ours),
                missed(world, ours), toldWrongly(world, ours), failedSends, refusedTokens, unmatchedNotices);
    }

    private static List<SourceFigures> bySource(World world, PolicyResult seed, PolicyResult ours) {
        List<SourceFigures> sources = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            long people = world.peopleOn(kind);
            if (people == 0) {
                continue;
            }
            IntPredicate on = song -> world.people[world.sent[song].receiver()].source() == kind;
            PolicyResult.SourceCalls seedCalls = seed.bySource().getOrDefault(kind, new PolicyResult.SourceCalls(0, -1));
            PolicyResult.SourceCalls ourCalls = ours.bySource().getOrDefault(kind, new PolicyResult.SourceCalls(0, 0));
            sources.add(new SourceFigures(kind, people, figures(world, seed, on), figures(world, ours, on),
                    seedCalls.calls(), ourCalls.calls(), ourCalls.busiestDay()));
        }
        return sources;
    }

    /** Our misses, described: who the receiver was and how many plays they made in the hour after the listen. */
    private static List<String> missed(World world, PolicyResult result) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < world.sent.length && described.size() < MISSES_SHOWN; i++) {
            World.Sent sent = world.sent[i];
            if (sent.listenAt() >= 0 && result.toldAt()[i] < 0) {
                World.Plays plays = world.plays[sent.receiver()];
                long before = Arrays.stream(plays.at()).filter(t -> t < sent.listenAt()).count();
                long hourAfter = Arrays.stream(plays.at())
                        .filter(t -> t > sent.listenAt() && t <= sent.listenAt() + 60 * World.MINUTE).count();
                described.add(String.format(Locale.ROOT, "%s (%s, %s): delivered %s, played %s; %d plays before it, "
                                + "%d in the hour after", world.people[sent.receiver()].name(),
                        world.people[sent.receiver()].listener(), world.people[sent.receiver()].source().displayName(),
                        World.instant(sent.deliveredAt()), World.instant(sent.listenAt()), before, hourAfter));
            }
        }
        return described;
    }

    /**
     * Our notices that were wrong, described: when the song was delivered and told, the listen (if any), and the
     * receiver's plays of the track from delivery to the notice.
     */
    private static List<String> toldWrongly(World world, PolicyResult result) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < world.sent.length && described.size() < MISSES_SHOWN; i++) {
            World.Sent sent = world.sent[i];
            long told = result.toldAt()[i];
            if (told >= 0 && (sent.listenAt() < 0 || told < sent.listenAt())) {
                World.Person receiver = world.people[sent.receiver()];
                World.Plays plays = world.plays[sent.receiver()];
                List<String> playsOfIt = new ArrayList<>();
                for (int p = 0; p < plays.at().length && plays.at()[p] <= told; p++) {
                    if (plays.track()[p] == sent.track() && plays.at()[p] >= sent.deliveredAt() - World.DAY) {
                        playsOfIt.add(World.instant(plays.at()[p]).toString());
                    }
                }
                described.add(String.format(Locale.ROOT, "%s (%s, %s): delivered %s, told %s, listen %s; its plays "
                                + "from a day before delivery to the notice: %s", receiver.name(), receiver.listener(),
                        receiver.source().displayName(), World.instant(sent.deliveredAt()), World.instant(told),
                        sent.listenAt() < 0 ? "none within 7 days" : World.instant(sent.listenAt()).toString(),
                        playsOfIt.isEmpty() ? "none" : String.join(", ", playsOfIt)));
            }
        }
        return described;
    }

    /** The figures of the songs {@code counted} (calls are the policy's in all). */
    private static Figures figures(World world, PolicyResult result, IntPredicate counted) {
        long detected = 0;
        long missed = 0;
        long wrong = 0;
        int songs = 0;
        long[] latencies = new long[world.sent.length];
        int n = 0;
        for (int i = 0; i < world.sent.length; i++) {
            if (!counted.test(i)) {
                continue;
            }
            songs++;
            long listen = world.sent[i].listenAt();
            long told = result.toldAt()[i];
            if (told >= 0 && (listen < 0 || told < listen)) {
                wrong++;
            } else if (told >= 0) {
                detected++;
                latencies[n++] = told - listen;
            } else if (listen >= 0) {
                missed++;
            }
        }
        Arrays.sort(latencies, 0, n);
        return new Figures(result.name(), result.refreshes(), result.recentlyPlayed(), result.trackLookups(),
                result.checks(), detected, missed, wrong, percentileMinutes(latencies, n, 50),
                percentileMinutes(latencies, n, 95), songs, Arrays.copyOf(latencies, n));
    }

    /** Nearest rank. */
    private static double percentileMinutes(long[] sorted, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * n);
        return sorted[Math.min(n, Math.max(1, rank)) - 1] / 60_000.0;
    }

    /** Every song was sent, every notice belonged to a song, no token was used expired, none told wrongly. */
    public boolean correct() {
        return failedSends == 0 && refusedTokens == 0 && unmatchedNotices == 0 && seed.wronglyTold() == 0
                && ours.wronglyTold() == 0;
    }

    /** The figures of one source's songs, if anyone is on it. */
    public Optional<SourceFigures> source(SourceKind kind) {
        return sources.stream().filter(s -> s.source() == kind).findFirst();
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Watch simulator: %,d people, %d songs a day each for %d days "
                        + "after a day of listening, watched 7 days more (seed %d, our schedule %s, grace %s, "
                        + "sources %s)%n", people, options.sharesPerDay(), options.days(), options.seed(),
                options.schedule(), options.grace(), options.sources()));
        out.append(String.format(Locale.ROOT, "%,d songs sent, %,d plays, %,d songs played by their receiver "
                + "within 7 days%n%n", songs, plays, listens));
        out.append(String.format(Locale.ROOT, "%-36s %16s %16s %12s%n", "", seed.name(), ours.name(),
                "ours/seed"));
        row(out, "watch calls", seed.watchCalls(), ours.watchCalls());
        row(out, "  token refreshes", seed.refreshes(), ours.refreshes());
        row(out, "  history reads", seed.recentlyPlayed(), ours.recentlyPlayed());
        row(out, "listen checks", seed.checks(), ours.checks());
        row(out, "watch calls per song sent", seed.callsPerSong(), ours.callsPerSong());
        row(out, "watch calls per detected listen", seed.callsPerDetected(), ours.callsPerDetected());
        row(out, "listens detected", seed.detected(), ours.detected());
        row(out, "detection latency p50 (minutes)", seed.p50Minutes(), ours.p50Minutes());
        row(out, "detection latency p95 (minutes)", seed.p95Minutes(), ours.p95Minutes());
        out.append(String.format(Locale.ROOT, "%-36s %16d %16d%n", "listens missed", seed.missed(), ours.missed()));
        out.append(String.format(Locale.ROOT, "%-36s %16s %,16d%n", "track lookups (sending, not watching)", "-",
                ours.trackLookups()));
        formatSources(out);
        oursMissed.forEach(miss -> out.append("  missed by ours: ").append(miss).append('\n'));
        oursToldWrongly.forEach(wrong -> out.append("  told wrongly by ours: ").append(wrong).append('\n'));
        out.append(String.format(Locale.ROOT, "%ncorrectness: %s (songs not sent %d, expired tokens used %d, "
                        + "notices matching no song %d, told wrongly %d / %d)%n", correct() ? "ok" : "FAILED",
                failedSends, refusedTokens, unmatchedNotices, seed.wronglyTold(), ours.wronglyTold()));
        return out.toString();
    }

    /** The songs of each source's receivers: the seed read them on Spotify, ours on that source. */
    private void formatSources(StringBuilder out) {
        out.append(String.format(Locale.ROOT, "%nBy the receiver's listening source (the seed reads Spotify for "
                + "everyone)%n%-40s", ""));
        sources.forEach(s -> out.append(String.format(Locale.ROOT, " %16s", s.source().displayName())));
        out.append('\n');
        line(out, "people", s -> String.format(Locale.ROOT, "%,d", s.people()));
        line(out, "songs sent to them", s -> String.format(Locale.ROOT, "%,d", s.ours().songs()));
        line(out, "listens within 7 days", s -> String.format(Locale.ROOT, "%,d",
                s.ours().detected() + s.ours().missed()));
        line(out, "listens missed: seed / ours", s -> String.format(Locale.ROOT, "%,d / %,d", s.seed().missed(),
                s.ours().missed()));
        line(out, "watch calls: seed / ours", s -> String.format(Locale.ROOT, "%,d / %,d", s.seedCalls(),
                s.oursCalls()));
        line(out, "watch calls per song: seed / ours", s -> String.format(Locale.ROOT, "%.2f / %.2f",
                s.seedCallsPerSong(), s.oursCallsPerSong()));
        line(out, "  ours / seed", s -> String.format(Locale.ROOT, "%.3f", s.oursCallsPerSong()
                / s.seedCallsPerSong()));
        line(out, "latency p50 (min): seed / ours", s -> String.format(Locale.ROOT, "%.2f / %.2f",
                s.seed().p50Minutes(), s.ours().p50Minutes()));
        line(out, "  ours / seed", s -> String.format(Locale.ROOT, "%.3f", s.ours().p50Minutes()
                / s.seed().p50Minutes()));
        line(out, "latency p95 (min): seed / ours", s -> String.format(Locale.ROOT, "%.2f / %.2f",
                s.seed().p95Minutes(), s.ours().p95Minutes()));
        line(out, "our calls per person, busiest day", s -> String.format(Locale.ROOT, "%.1f",
                s.callsPerPersonDay()));
        line(out, "rate limit", s -> limitNote(s.source()));
        line(out, "people one server can watch in it", s -> s.peopleWithinLimit().isPresent()
                ? String.format(Locale.ROOT, "%,d", s.peopleWithinLimit().getAsLong())
                : s.source() == SourceKind.SPOTIFY ? "5 (dev. mode)" : "-");
    }

    private void line(StringBuilder out, String label, Function<SourceFigures, String> cell) {
        out.append(String.format(Locale.ROOT, "%-40s", label));
        sources.forEach(s -> out.append(String.format(Locale.ROOT, " %16s", cell.apply(s))));
        out.append('\n');
    }

    private static void row(StringBuilder out, String label, double seed, double ours) {
        boolean whole = seed == Math.rint(seed) && ours == Math.rint(ours) && seed > 1000;
        String format = whole ? "%-36s %,16.0f %,16.0f %12.3f%n" : "%-36s %16.2f %16.2f %12.3f%n";
        out.append(String.format(Locale.ROOT, format, label, seed, ours, ours / seed));
    }
}
