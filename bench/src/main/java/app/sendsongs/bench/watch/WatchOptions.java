package app.sendsongs.bench.watch;

import app.sendsongs.bench.BenchArgs;
import app.sendsongs.core.watch.WatchSchedule;
import java.nio.file.Path;
import java.util.Set;

/** The watch simulator's settings. */
public record WatchOptions(int users, int days, int sharesPerDay, long seed, String schedule, Path charts) {

    public static final String HELP = """
            bench watch [options]
              --users N           people, each sending and receiving songs (default 2000)
              --days N            days on which songs are sent, after a day of listening only; watching goes on
                                  7 days more (default 14)
              --shares-per-day N  songs each person sends a day (default 5)
              --seed N            random seed of the population and its listening (default 1)
              --schedule S        our listen-check schedule, as WATCH_SCHEDULE (default 5m/1h,1h/7d)
              --charts DIR        where the charts (PNG) are written (default bench-charts)
            """;

    public WatchOptions {
        if (users < 2 || days < 1 || sharesPerDay < 1) {
            throw new IllegalArgumentException("need 2 people or more, 1 day or more, 1 share a day or more");
        }
        WatchSchedule.parse(schedule);
    }

    public static WatchOptions defaults() {
        return new WatchOptions(2000, 14, 5, 1, "5m/1h,1h/7d", Path.of("bench-charts"));
    }

    /** @throws IllegalArgumentException for an unknown option or a bad value */
    public static WatchOptions parse(String[] args) {
        BenchArgs a = BenchArgs.parse(args, Set.of("--users", "--days", "--shares-per-day", "--seed", "--schedule",
                "--charts"));
        WatchOptions d = defaults();
        return new WatchOptions(a.integer("--users", d.users), a.integer("--days", d.days),
                a.integer("--shares-per-day", d.sharesPerDay), a.number("--seed", d.seed),
                a.text("--schedule", d.schedule), Path.of(a.text("--charts", d.charts.toString())));
    }
}
