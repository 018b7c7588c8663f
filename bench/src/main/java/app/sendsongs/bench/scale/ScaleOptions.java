package app.sendsongs.bench.scale;

import app.sendsongs.bench.BenchArgs;
import java.util.Set;

/** The scale test's settings. */
public record ScaleOptions(int small, int large, int claim, int warmupRounds, int rounds, int hours,
                           String serverHeap, long seed) {

    public static final String HELP = """
            bench scale [options]
              --small N          pending watches of the baseline database (default 10000)
              --large N          pending watches of the large database (default 1000000)
              --claim N          due checks found and claimed at once (default 1000)
              --warmup-rounds N  claims before measuring, on each database (default 10)
              --rounds N         measured claims on each database (default 30)
              --hours N          hours the server's clock is moved on, one at a time, while its memory is read (default 12)
              --server-heap S    the server's -Xmx (default 256m, as docs/operations.md recommends)
              --seed N           random seed of the due times (default 1)
            """;

    public ScaleOptions {
        if (small < 1 || large < small || claim < 1 || warmupRounds < 0 || rounds < 1 || hours < 0) {
            throw new IllegalArgumentException("need 1 <= small <= large, a claim of 1 or more, 1 round or more");
        }
    }

    public static ScaleOptions defaults() {
        return new ScaleOptions(10_000, 1_000_000, 1000, 10, 30, 12, "256m", 1);
    }

    /** @throws IllegalArgumentException for an unknown option or a bad value */
    public static ScaleOptions parse(String[] args) {
        BenchArgs a = BenchArgs.parse(args, Set.of("--small", "--large", "--claim", "--warmup-rounds", "--rounds",
                "--hours", "--server-heap", "--seed"));
        ScaleOptions d = defaults();
        return new ScaleOptions(a.integer("--small", d.small), a.integer("--large", d.large),
                a.integer("--claim", d.claim), a.integer("--warmup-rounds", d.warmupRounds),
                a.integer("--rounds", d.rounds), a.integer("--hours", d.hours), a.text("--server-heap", d.serverHeap),
                a.number("--seed", d.seed));
    }
}
