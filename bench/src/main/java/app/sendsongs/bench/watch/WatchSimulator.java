package app.sendsongs.bench.watch;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.sandbox.CatalogueTrack;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.sandbox.SpotifyEmulator;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Benchmark 1, the watch simulator: one generated population (see {@link World}) watched in
 * virtual time, minute by minute, by the seed's policy and by ours side by side. The seed reads
 * everyone's emulated Spotify history (last 50 plays per person, the sandbox's page choice); ours reads
 * each person's own source: that Spotify history, or their emulated Last.fm scrobbles or ListenBrainz
 * listens, where a play appears once it is over.
 */
public final class WatchSimulator {
    private WatchSimulator() {
    }

    public static int main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(WatchOptions.HELP);
            return 0;
        }
        WatchOptions options;
        try {
            options = WatchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + WatchOptions.HELP);
            return 2;
        }
        WatchReport report = run(options, System.out);
        System.out.println();
        System.out.print(report.format());
        WatchCharts.write(report, options.charts()).forEach(chart -> System.out.println("chart: " + chart));
        return report.correct() ? 0 : 1;
    }

    public static WatchReport run(WatchOptions options, PrintStream progress) {
        long began = System.nanoTime();
        World world = World.generate(options);
        progress.printf("generated %,d people, %,d songs sent, %,d plays, %,d listens within 7 days (%.1f s)%n",
                world.people.length, world.sent.length, world.playCount(), world.listens(),
                (System.nanoTime() - began) / 1e9);
        ManualClock clock = new ManualClock(World.START);
        Sandbox sandbox = new Sandbox(SandboxConfig.defaults(null), clock);
        sandbox.spotify().catalogue().add(world.tracks);
        SeedPolicy seed = new SeedPolicy(world, sandbox.spotify());
        try (OurPolicy ours = new OurPolicy(world, sandbox, clock, options.watchSchedule())) {
            // the last checks of the last songs come a grace period after their watch period, or a little later
            // with a check of the receiver's due soon after
            WatchSchedule schedule = options.watchSchedule();
            long afterLastSong = schedule.grace().plus(schedule.lastCheckMayWait()).toMillis();
            int minutes = world.minutes + (int) ((afterLastSong + World.MINUTE - 1) / World.MINUTE);
            simulate(world, minutes, clock, sandbox, seed, ours, progress);
            progress.printf("simulated %.1f days in %.1f s%n", minutes / 1440.0, (System.nanoTime() - began) / 1e9);
            return new WatchReport(options, world, seed.result(), ours.result(), ours.failedSends,
                    ours.refusedTokens(), ours.unmatchedNotices());
        }
    }

    private static void simulate(World world, int minutes, ManualClock clock, Sandbox sandbox, SeedPolicy seed,
                                 OurPolicy ours, PrintStream progress) {
        SpotifyEmulator spotify = sandbox.spotify();
        int[] nextPlay = new int[world.people.length];
        int[] nextScrobble = new int[world.people.length];
        int nextSong = 0;
        for (int minute = 0; minute <= minutes; minute++) {
            long now = minute * World.MINUTE;
            clock.set(World.instant(now));
            for (int person = 0; person < world.people.length; person++) {
                World.Plays plays = world.plays[person];
                while (nextPlay[person] < plays.at().length && plays.at()[nextPlay[person]] <= now) {
                    int i = nextPlay[person]++;
                    spotify.play(world.people[person].psid(), world.tracks.get(plays.track()[i]).id(),
                            World.instant(plays.at()[i]));
                }
                SourceKind source = world.people[person].source();
                if (source != SourceKind.SPOTIFY) {
                    while (nextScrobble[person] < plays.at().length
                            && world.appearsAt(plays, nextScrobble[person]) <= now) {
                        scrobble(world, sandbox, world.people[person], plays, nextScrobble[person]++);
                    }
                }
            }
            while (nextSong < world.sent.length && world.sent[nextSong].minute() == minute) {
                ours.send(nextSong);
                seed.delivered(nextSong);
                nextSong++;
            }
            ours.tick();
            seed.runDue(now);
            if (minute > 0 && minute % 1440 == 0) {
                progress.printf("day %d of %d: %,d checks by the seed's policy, %,d by ours%n", minute / 1440,
                        minutes / 1440, seed.checks, ours.checks);
            }
        }
    }

    /**
     * A play reaches the person's Last.fm (a scrobble by the track's artist and title) or ListenBrainz (a listen
     * with its Spotify id), stamped with its start as they are.
     */
    private static void scrobble(World world, Sandbox sandbox, World.Person person, World.Plays plays, int i) {
        CatalogueTrack track = world.tracks.get(plays.track()[i]);
        Instant startedAt = World.instant(plays.at()[i]);
        if (person.source() == SourceKind.LASTFM) {
            sandbox.lastfm().scrobble(person.psid(), track.artists().getFirst(), track.name(), null, null, startedAt);
        } else {
            sandbox.listenBrainz().listen(person.psid(), track.artists().getFirst(), track.name(), null, track.id(),
                    null, null, startedAt);
        }
    }
}
