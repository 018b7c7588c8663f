package app.sendsongs.bench.watch;

import app.sendsongs.sandbox.SandboxUser;
import app.sendsongs.sandbox.SpotifyEmulator;
import app.sendsongs.core.music.SourceKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The seed's listen watching, the baseline: each song is watched on its own, checked right away
 * at delivery, then every 5 minutes for an hour, then hourly until 7 days; each check refreshes
 * the token and reads the newest page of recently-played, and the song counts as played when the
 * page holds it played at or after its delivery. It knows only Spotify: it reads everyone's Spotify history,
 * whatever source they connected, as if they had all connected Spotify.
 */
final class SeedPolicy {
    private static final int FIVE_MINUTE_CHECKS = 12;

    private final World world;
    private final SpotifyEmulator spotify;
    private final int[] checksDone;
    private final long[] toldAt;
    private final long[] callsBySong;
    private final PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    long refreshes;
    long recentlyPlayed;
    long checks;

    SeedPolicy(World world, SpotifyEmulator spotify) {
        this.world = world;
        this.spotify = spotify;
        this.checksDone = new int[world.sent.length];
        this.toldAt = new long[world.sent.length];
        this.callsBySong = new long[world.sent.length];
        Arrays.fill(toldAt, -1);
    }

    void delivered(int song) {
        due.add(new long[] {world.sent[song].deliveredAt(), song});
    }

    /** Runs every check due at {@code now} (ms after the start). */
    void runDue(long now) {
        while (!due.isEmpty() && due.peek()[0] <= now) {
            int song = (int) due.poll()[1];
            if (!check(song, now)) {
                long next = world.sent[song].deliveredAt() + offset(++checksDone[song]);
                if (next <= world.sent[song].deliveredAt() + World.WATCH_PERIOD) {
                    due.add(new long[] {next, song});
                }
            }
        }
    }

    private boolean check(int song, long now) {
        checks++;
        refreshes++;
        recentlyPlayed++;
        callsBySong[song] += 2;
        World.Sent sent = world.sent[song];
        String track = world.tracks.get(sent.track()).id();
        SandboxUser.Page page = spotify.user(world.people[sent.receiver()].psid())
                .recentlyPlayed(Long.MIN_VALUE, Long.MAX_VALUE, 50);
        long from = World.START.toEpochMilli() + sent.deliveredAt();
        for (SandboxUser.Play play : page.plays()) {
            if (play.trackId().equals(track) && play.playedAt().toEpochMilli() >= from) {
                toldAt[song] = now;
                return true;
            }
        }
        return false;
    }

    /** The n-th check's time after delivery: 0, then 5 minutes apart to the hour, then hourly. */
    private static long offset(int n) {
        return n <= FIVE_MINUTE_CHECKS ? n * 5 * World.MINUTE : (n - FIVE_MINUTE_CHECKS + 1) * 60 * World.MINUTE;
    }

    PolicyResult result() {
        Map<SourceKind, Long> bySource = new EnumMap<>(SourceKind.class);
        for (int song = 0; song < callsBySong.length; song++) {
            bySource.merge(world.people[world.sent[song].receiver()].source(), callsBySong[song], Long::sum);
        }
        Map<SourceKind, PolicyResult.SourceCalls> calls = new EnumMap<>(SourceKind.class);
        bySource.forEach((kind, n) -> calls.put(kind, new PolicyResult.SourceCalls(n, -1)));
        return new PolicyResult("seed (baseline)", refreshes, recentlyPlayed, 0, checks, toldAt, calls);
    }
}
