package app.sendsongs.bench.watch;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.sandbox.Catalogue;
import app.sendsongs.sandbox.CatalogueTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The simulated population, generated in advance from one seed so both policies watch exactly
 * the same world: the tracks, the people and their habits, every song sent (when, by whom, to
 * whom) and every play. A sent song's "listen" is the receiver's first play of it at or after its
 * delivery and within its 7 days: what a watching policy should detect. Each person connected one listening
 * source; their plays reach Spotify as they happen, and also Last.fm or ListenBrainz when that is their source.
 */
final class World {
    static final Instant START = Instant.parse("2030-01-07T00:00:00Z");
    static final long MINUTE = 60_000;
    static final long DAY = 1440 * MINUTE;
    static final long WATCH_PERIOD = 7 * DAY;
    static final int TRACKS = 50_000;
    /** Spotify records a play only after 30 seconds of it. */
    static final long SHORTEST_PLAY = 30_000;
    /** People have listened for a day before the first song is sent: they come with a Spotify history. */
    static final int FIRST_SENDING_DAY = 1;

    /** {@code source}: where their plays are read from (everyone's also reach Spotify, which the seed reads). */
    record Person(String psid, String name, Listener listener, SourceKind source) {
    }

    /** One song sent; {@code listenAt} is the ground truth, ms after START, or -1 when not played within 7 days. */
    record Sent(int minute, int sender, int receiver, int track, long listenAt) {
        long deliveredAt() {
            return minute * MINUTE;
        }
    }

    /** A person's plays, ms after START ascending, with the track of each. */
    record Plays(long[] at, int[] track) {
    }

    final List<CatalogueTrack> tracks;
    final Person[] people;
    final Sent[] sent;
    final Plays[] plays;
    final int minutes;

    private World(List<CatalogueTrack> tracks, Person[] people, Sent[] sent, Plays[] plays, int minutes) {
        this.tracks = tracks;
        this.people = people;
        this.sent = sent;
        this.plays = plays;
        this.minutes = minutes;
    }

    /** The people on {@code source}. */
    long peopleOn(SourceKind source) {
        return Arrays.stream(people).filter(p -> p.source() == source).count();
    }

    /**
     * When play {@code i} of a person reaches Last.fm or ListenBrainz: when it ends, at the end of its track or
     * at the next play, whichever is first (players submit a play once it is over; its timestamp is its start).
     */
    long appearsAt(Plays plays, int i) {
        long end = plays.at()[i] + tracks.get(plays.track()[i]).durationMs();
        return i + 1 < plays.at().length ? Math.min(end, plays.at()[i + 1]) : end;
    }

    int playCount() {
        return Arrays.stream(plays).mapToInt(p -> p.at().length).sum();
    }

    long listens() {
        return Arrays.stream(sent).filter(s -> s.listenAt() >= 0).count();
    }

    static Instant instant(long msAfterStart) {
        return START.plusMillis(msAfterStart);
    }

    static World generate(WatchOptions options) {
        Random random = new Random(options.seed());
        List<CatalogueTrack> tracks = tracks(random);
        Person[] people = new Person[options.users()];
        // a generator of its own: the listening is the same whatever the mix of sources
        SourceKind[] sources = options.sources().assign(people.length, new Random(options.seed() * 31 + 17));
        for (int i = 0; i < people.length; i++) {
            people[i] = new Person("psid-" + i, "Person " + i, Listener.draw(random.nextDouble()), sources[i]);
        }
        int minutes = (int) (((FIRST_SENDING_DAY + options.days()) * DAY + WATCH_PERIOD) / MINUTE);
        int[][] planned = planSends(random, options);
        PlayLog[] logs = new PlayLog[people.length];
        for (int i = 0; i < people.length; i++) {
            logs[i] = new PlayLog();
            background(random, logs[i], people[i].listener(), tracks, minutes * MINUTE);
        }
        for (int[] send : planned) {
            playSentSong(random, logs[send[2]], people[send[2]].listener(), send, tracks, minutes * MINUTE);
        }
        Plays[] plays = Arrays.stream(logs).map(PlayLog::settle).toArray(Plays[]::new);
        Sent[] sent = Arrays.stream(planned).map(p -> new Sent(p[0], p[1], p[2], p[3],
                firstPlay(plays[p[2]], p[3], p[0] * MINUTE))).toArray(Sent[]::new);
        return new World(tracks, people, sent, plays, minutes);
    }

    /** Durations drawn from the sandbox catalogue's real ones, so track lengths are realistic. */
    private static List<CatalogueTrack> tracks(Random random) {
        long[] durations = Catalogue.loadDefault().all().stream().mapToLong(CatalogueTrack::durationMs).toArray();
        List<CatalogueTrack> tracks = new ArrayList<>(TRACKS);
        for (int i = 0; i < TRACKS; i++) {
            long duration = Math.round(durations[random.nextInt(durations.length)] * (0.9 + 0.2 * random.nextDouble()));
            tracks.add(new CatalogueTrack(spotifyId(random), "Song " + i, List.of("Band " + (i % 3000)), duration,
                    null, null, null));
        }
        return tracks;
    }

    private static String spotifyId(Random random) {
        String base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(base62.charAt(random.nextInt(base62.length())));
        }
        return id.toString();
    }

    /** {minute, sender, receiver, track} for each song sent, in time order: during the day, 8:00 to 23:00. */
    private static int[][] planSends(Random random, WatchOptions options) {
        List<int[]> sends = new ArrayList<>();
        for (int day = FIRST_SENDING_DAY; day < FIRST_SENDING_DAY + options.days(); day++) {
            for (int sender = 0; sender < options.users(); sender++) {
                for (int n = 0; n < options.sharesPerDay(); n++) {
                    int receiver = random.nextInt(options.users() - 1);
                    sends.add(new int[] {day * 1440 + 8 * 60 + random.nextInt(15 * 60), sender,
                            receiver >= sender ? receiver + 1 : receiver, random.nextInt(TRACKS)});
                }
            }
        }
        sends.sort((a, b) -> Integer.compare(a[0], b[0]));
        return sends.toArray(int[][]::new);
    }

    /** Sessions on each day, starting between 7:00 and midnight; half an hour long typically, some for hours. */
    private static void background(Random random, PlayLog log, Listener listener, List<CatalogueTrack> tracks,
                                   long end) {
        for (long day = 0; day * DAY < end; day++) {
            int sessions = poisson(random, listener.sessionsPerDay);
            for (int s = 0; s < sessions; s++) {
                long start = day * DAY + 7 * 60 * MINUTE + (long) (random.nextDouble() * 17 * 60 * MINUTE);
                session(random, log, listener.skips, tracks, start, sessionLength(random, listener), end);
            }
        }
    }

    private static long sessionLength(Random random, Listener listener) {
        if (listener.skips) {
            return (30 + random.nextInt(121)) * MINUTE;
        }
        double minutes = Math.exp(Math.log(30) + 0.8 * random.nextGaussian());
        return (long) (Math.min(240, Math.max(5, minutes)) * MINUTE);
    }

    /**
     * The receiver plays the song sent to them (or not), {@code meanDelay} after delivery on
     * average, in a session: a skipping listener in one of their fast sessions around it, others
     * going on for a while with more tracks.
     */
    private static void playSentSong(Random random, PlayLog log, Listener listener, int[] send,
                                     List<CatalogueTrack> tracks, long end) {
        if (random.nextDouble() >= listener.playsSent) {
            return;
        }
        long delivered = send[0] * MINUTE;
        long at = delivered + SHORTEST_PLAY + (long) (-Math.log(1 - random.nextDouble()) * listener.meanDelay.toMillis());
        if (at >= end) {
            return;
        }
        if (listener.skips) {
            long start = Math.max(delivered, at - (long) (random.nextDouble() * 40 * MINUTE));
            session(random, log, true, tracks, start, (60 + random.nextInt(91)) * MINUTE, end);
        } else {
            long after = at + tracks.get(send[3]).durationMs();
            session(random, log, false, tracks, after, (long) (random.nextDouble() * 30 * MINUTE), end);
        }
        log.add(at, send[3], true);
    }

    private static void session(Random random, PlayLog log, boolean skips, List<CatalogueTrack> tracks, long start,
                                long length, long end) {
        long stop = Math.min(end, start + length);
        for (long at = start; at < stop; ) {
            int track = random.nextInt(tracks.size());
            log.add(at, track, false);
            at += skips ? SHORTEST_PLAY + random.nextInt(30_001) : tracks.get(track).durationMs();
        }
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static long firstPlay(Plays plays, int track, long from) {
        int i = Arrays.binarySearch(plays.at(), from);
        if (i < 0) {
            i = -i - 1;
        }
        while (i > 0 && plays.at()[i - 1] == from) {
            i--;
        }
        for (; i < plays.at().length && plays.at()[i] < from + WATCH_PERIOD; i++) {
            if (plays.track()[i] == track) {
                return plays.at()[i];
            }
        }
        return -1;
    }

    /** Plays being generated, packed as (ms after START) << 24 | sent-song flag << 23 | track. */
    private static final class PlayLog {
        private long[] packed = new long[256];
        private int size;

        void add(long at, int track, boolean sentSong) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = at << 24 | (sentSong ? 1L << 23 : 0) | track;
        }

        /**
         * In time order, keeping plays at least 30 seconds apart as Spotify records them (where
         * sessions overlap, the later play gives way, unless it is the sent song).
         */
        Plays settle() {
            long[] sorted = Arrays.copyOf(packed, size);
            Arrays.sort(sorted);
            long[] at = new long[size];
            int[] track = new int[size];
            boolean[] sentSong = new boolean[size];
            int kept = 0;
            for (long p : sorted) {
                long time = p >>> 24;
                boolean sent = (p & 1L << 23) != 0;
                if (kept > 0 && time - at[kept - 1] < SHORTEST_PLAY) {
                    if (!sent) {
                        continue;
                    }
                    if (!sentSong[kept - 1]) {
                        kept--;
                    }
                }
                at[kept] = time;
                track[kept] = (int) (p & 0x7fffffL);
                sentSong[kept] = sent;
                kept++;
            }
            return new Plays(Arrays.copyOf(at, kept), Arrays.copyOf(track, kept));
        }
    }
}
