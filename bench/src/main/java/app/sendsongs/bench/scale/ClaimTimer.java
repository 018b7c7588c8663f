package app.sendsongs.bench.scale;

import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Times {@link SqliteStore#claimDueWatches} taking a batch of due checks from a database of
 * pending watches, as the tick does: rounds at moving times, each claiming the earliest due and
 * leasing them for two minutes (so claims go on through the whole index and come round again).
 */
final class ClaimTimer {
    private static final Duration ROUND = Duration.ofMinutes(3);
    private static final Duration LEASE = Duration.ofMinutes(2);

    /**
     * The measured claims of one database.
     *
     * @param plan        how SQLite runs the due query there
     * @param shortClaims rounds that claimed fewer than asked although enough were due (must be 0)
     */
    record Timing(int pending, double medianMillis, double p90Millis, double meanMillis, List<String> plan,
                  int shortClaims) {
        boolean walksTheDueIndex() {
            return plan.stream().anyMatch(step -> step.contains("watches_by_due"))
                    && plan.stream().noneMatch(step -> step.contains("SCAN watches") || step.contains("TEMP B-TREE"));
        }
    }

    private ClaimTimer() {
    }

    static Timing measure(Path file, int pending, Instant start, ScaleOptions options) {
        try (SqliteStore store = SqliteStore.open(file, TokenCipher.random())) {
            List<String> plan = store.dueWatchesQueryPlan();
            Instant first = start.plus(PendingWatches.SPREAD);
            int expected = Math.min(options.claim(), pending);
            int shortClaims = 0;
            for (int round = 0; round < options.warmupRounds(); round++) {
                shortClaims += claim(store, first.plus(ROUND.multipliedBy(round)), options.claim()) < expected ? 1 : 0;
            }
            double[] millis = new double[options.rounds()];
            for (int round = 0; round < options.rounds(); round++) {
                Instant now = first.plus(ROUND.multipliedBy(options.warmupRounds() + round));
                long began = System.nanoTime();
                int claimed = claim(store, now, options.claim());
                millis[round] = (System.nanoTime() - began) / 1e6;
                shortClaims += claimed < expected ? 1 : 0;
            }
            Arrays.sort(millis);
            return new Timing(pending, percentile(millis, 50), percentile(millis, 90),
                    Arrays.stream(millis).average().orElse(0), plan, shortClaims);
        }
    }

    private static int claim(SqliteStore store, Instant now, int limit) {
        return store.claimDueWatches(now, limit, now.plus(LEASE)).size();
    }

    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
