package app.sendsongs.bench.watch;

import app.sendsongs.bench.BenchArgs;
import app.sendsongs.core.watch.WatchSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The watch simulator's settings. */
public record WatchOptions(int users, int days, int sharesPerDay, long seed, String schedule, Duration grace,
                           SourceMix sources, Path charts) {

    public static final String HELP = """
            bench watch [options]
              --users N           people, each sending and receiving songs (default 2000)
              --days N            days on which songs are sent, after a day of listening only; watching goes on
                                  7 days more and the grace period (default 14)
              --shares-per-day N  songs each person sends a day (default 5)
              --seed N            random seed of the population and its listening (default 1)
              --schedule S        our listen-check schedule, as WATCH_SCHEDULE (default 5m/1h,1h/7d)
              --grace D           our last check's delay after the watch period, as WATCH_GRACE (default 2h)
              --sources MIX       the listening source people connected, in percent of them
                                  (default spotify:60,lastfm:20,listenbrainz:20)
              --charts DIR        where the charts (PNG) are written (default bench-charts)
            """;

    public WatchOptions {
        if (users < 2 || days < 1 || sharesPerDay < 1) {
            throw new IllegalArgumentException("need 2 people or more, 1 day or more, 1 share a day or more");
        }
        WatchSchedule.parse(schedule).withGrace(grace);
    }

    /** With the default grace period and mix of sources. */
    public WatchOptions(int users, int days, int sharesPerDay, long seed, String schedule, Path charts) {
        this(users, days, sharesPerDay, seed, schedule, WatchSchedule.DEFAULT_GRACE, SourceMix.DEFAULT, charts);
    }

    public static WatchOptions defaults() {
        return new WatchOptions(2000, 14, 5, 1, "5m/1h,1h/7d", Path.of("bench-charts"));
    }

    /** Our schedule, with its grace period. */
    WatchSchedule watchSchedule() {
        return WatchSchedule.parse(schedule).withGrace(grace);
    }

    /** @throws IllegalArgumentException for an unknown option or a bad value */
    public static WatchOptions parse(String[] args) {
        BenchArgs a = BenchArgs.parse(args, Set.of("--users", "--days", "--shares-per-day", "--seed", "--schedule",
                "--grace", "--sources", "--charts"));
        WatchOptions d = defaults();
        String grace = a.text("--grace", null);
        String sources = a.text("--sources", null);
        return new WatchOptions(a.integer("--users", d.users), a.integer("--days", d.days),
                a.integer("--shares-per-day", d.sharesPerDay), a.number("--seed", d.seed),
                a.text("--schedule", d.schedule), grace == null ? d.grace : WatchSchedule.parseDuration(grace),
                sources == null ? d.sources : SourceMix.parse(sources),
                Path.of(a.text("--charts", d.charts.toString())));
    }
}
