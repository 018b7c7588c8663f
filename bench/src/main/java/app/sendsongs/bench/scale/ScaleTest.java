package app.sendsongs.bench.scale;

import app.sendsongs.bench.TempDirectory;
import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStores;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The store at scale: how long finding and claiming a batch of due checks takes with 10,000
 * pending watches and with 1,000,000 (same code, same query, measured in one run), whether the
 * queries search in due order, and how much resident memory the server needs while it ticks
 * on the large database.
 */
public final class ScaleTest {
    private ScaleTest() {
    }

    /** {@code bench scale [options]}; exit code 0 when the test ran correctly (targets are reported, not enforced). */
    public static int main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(ScaleOptions.HELP);
            return 0;
        }
        ScaleOptions options;
        try {
            options = ScaleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + ScaleOptions.HELP);
            return 2;
        }
        Path dir = TempDirectory.create("send-songs-scale");
        try {
            ScaleReport report = run(options, dir, System.out);
            System.out.println();
            System.out.print(report.format());
            return report.correct() ? 0 : 1;
        } finally {
            TempDirectory.deleteQuietly(dir);
        }
    }

    static ScaleReport run(ScaleOptions options, Path dir, PrintStream progress) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        progress.printf("loading %,d and %,d pending watches...%n", options.small(), options.large());
        PendingWatches.Loaded small = PendingWatches.create(dir.resolve("small.db"), options.small(), start,
                options.seed());
        PendingWatches.Loaded large = PendingWatches.create(dir.resolve("large.db"), options.large(), start,
                options.seed());
        progress.println("timing claims on each...");
        // first on a throw-away copy, so the JIT has warmed up before either is measured
        ClaimTimer.measure(PendingWatches.create(dir.resolve("warm-up.db"), options.small(), start, options.seed())
                .file(), options.small(), start, options);
        ClaimTimer.Timing smallTiming = ClaimTimer.measure(small.file(), small.count(), start, options);
        ClaimTimer.Timing largeTiming = ClaimTimer.measure(large.file(), large.count(), start, options);
        progress.printf("running the server on the large database for %d clock hours...%n", options.hours());
        TickingServer.Run server = TickingServer.run(large.file(), options, dir.resolve("server.log"));
        int checks = PendingWatches.dueBy(options.large(), start, options.seed(), server.clockEnd());
        return new ScaleReport(options, smallTiming, largeTiming, large, server, checks,
                noneDue(large.file(), server.clockEnd()));
    }

    private static boolean noneDue(Path file, Instant at) {
        try (Stores stores = SqliteStores.open(file, TokenCipher.random())) {
            return stores.watches().claimDueWatches(at, 1, at).isEmpty();
        }
    }
}
