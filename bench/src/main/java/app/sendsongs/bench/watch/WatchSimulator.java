package app.sendsongs.bench.watch;

import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.sandbox.SpotifyEmulator;
import java.io.PrintStream;
import java.util.List;

/**
 * Benchmark 1, the watch simulator: one generated population (see {@link World}) watched in
 * virtual time, minute by minute, by the seed's policy and by ours side by side, both reading the
 * same emulated Spotify histories (last 50 plays per person, the sandbox's page choice).
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
        SpotifyEmulator spotify = new Sandbox(SandboxConfig.defaults(null), clock).spotify();
        spotify.catalogue().add(world.tracks);
        SeedPolicy seed = new SeedPolicy(world, spotify);
        try (OurPolicy ours = new OurPolicy(world, spotify, clock, WatchSchedule.parse(options.schedule()))) {
            simulate(world, clock, spotify, seed, ours, progress);
            progress.printf("simulated %d days in %.1f s%n", world.minutes / 1440, (System.nanoTime() - began) / 1e9);
            return new WatchReport(options, world, seed.result(), ours.result(), ours.failedSends,
                    ours.refusedTokens(), ours.unmatchedNotices());
        }
    }

    private static void simulate(World world, ManualClock clock, SpotifyEmulator spotify, SeedPolicy seed,
                                 OurPolicy ours, PrintStream progress) {
        int[] nextPlay = new int[world.people.length];
        int nextSong = 0;
        for (int minute = 0; minute <= world.minutes; minute++) {
            long now = minute * World.MINUTE;
            clock.set(World.instant(now));
            for (int person = 0; person < world.people.length; person++) {
                World.Plays plays = world.plays[person];
                while (nextPlay[person] < plays.at().length && plays.at()[nextPlay[person]] <= now) {
                    int i = nextPlay[person]++;
                    spotify.play(world.people[person].psid(), world.tracks.get(plays.track()[i]).id(),
                            World.instant(plays.at()[i]));
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
                        world.minutes / 1440, seed.checks, ours.checks);
            }
        }
    }
}
