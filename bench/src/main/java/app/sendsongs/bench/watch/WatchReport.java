package app.sendsongs.bench.watch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The simulator's figures for both policies, their ratios, and the checks of the run's correctness. */
public record WatchReport(WatchOptions options, int people, int songs, long plays, long listens,
                          Figures seed, Figures ours, List<String> oursMissed, long failedSends, long refusedTokens,
                          long unmatchedNotices) {
    private static final int MISSES_SHOWN = 10;

    /**
     * One policy's figures. {@code wronglyTold}: told of a play that was not the listen (should be 0);
     * {@code latenciesMillis}: every detected listen's detection latency, sorted.
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

    WatchReport(WatchOptions options, World world, PolicyResult seed, PolicyResult ours, long failedSends,
                long refusedTokens, long unmatchedNotices) {
        this(options, world.people.length, world.sent.length, world.playCount(), world.listens(),
                figures(world, seed), figures(world, ours), missed(world, ours), failedSends, refusedTokens,
                unmatchedNotices);
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
                described.add(String.format(Locale.ROOT, "%s (%s): delivered %s, played %s; %d plays before it, "
                                + "%d in the hour after", world.people[sent.receiver()].name(),
                        world.people[sent.receiver()].listener(), World.instant(sent.deliveredAt()),
                        World.instant(sent.listenAt()), before, hourAfter));
            }
        }
        return described;
    }

    private static Figures figures(World world, PolicyResult result) {
        long detected = 0;
        long missed = 0;
        long wrong = 0;
        long[] latencies = new long[world.sent.length];
        int n = 0;
        for (int i = 0; i < world.sent.length; i++) {
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
                percentileMinutes(latencies, n, 95), world.sent.length, Arrays.copyOf(latencies, n));
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

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Watch simulator: %,d people, %d songs a day each for %d days "
                        + "after a day of listening, watched 7 days more (seed %d, our schedule %s)%n", people,
                options.sharesPerDay(),
                options.days(), options.seed(), options.schedule()));
        out.append(String.format(Locale.ROOT, "%,d songs sent, %,d plays, %,d songs played by their receiver "
                + "within 7 days%n%n", songs, plays, listens));
        out.append(String.format(Locale.ROOT, "%-36s %16s %16s %12s%n", "", seed.name(), ours.name(),
                "ours/seed"));
        row(out, "Spotify watch calls", seed.watchCalls(), ours.watchCalls());
        row(out, "  token refreshes", seed.refreshes(), ours.refreshes());
        row(out, "  recently-played calls", seed.recentlyPlayed(), ours.recentlyPlayed());
        row(out, "listen checks", seed.checks(), ours.checks());
        row(out, "watch calls per song sent", seed.callsPerSong(), ours.callsPerSong());
        row(out, "watch calls per detected listen", seed.callsPerDetected(), ours.callsPerDetected());
        row(out, "listens detected", seed.detected(), ours.detected());
        row(out, "detection latency p50 (minutes)", seed.p50Minutes(), ours.p50Minutes());
        row(out, "detection latency p95 (minutes)", seed.p95Minutes(), ours.p95Minutes());
        out.append(String.format(Locale.ROOT, "%-36s %16d %16d%n", "listens missed", seed.missed(), ours.missed()));
        out.append(String.format(Locale.ROOT, "%-36s %16s %,16d%n", "track lookups (sending, not watching)", "-",
                ours.trackLookups()));
        oursMissed.forEach(miss -> out.append("  missed by ours: ").append(miss).append('\n'));
        out.append(String.format(Locale.ROOT, "%ncorrectness: %s (songs not sent %d, expired tokens used %d, "
                        + "notices matching no song %d, told wrongly %d / %d)%n", correct() ? "ok" : "FAILED",
                failedSends, refusedTokens, unmatchedNotices, seed.wronglyTold(), ours.wronglyTold()));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, double seed, double ours) {
        boolean whole = seed == Math.rint(seed) && ours == Math.rint(ours) && seed > 1000;
        String format = whole ? "%-36s %,16.0f %,16.0f %12.3f%n" : "%-36s %16.2f %16.2f %12.3f%n";
        out.append(String.format(Locale.ROOT, format, label, seed, ours, ours / seed));
    }
}
