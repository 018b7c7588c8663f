package app.sendsongs.bench.scale;

import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.store.sqlite.SqliteStores;
import app.sendsongs.store.sqlite.SqliteWatches;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Times {@link SqliteWatches#claimDueWatches} taking a batch of due checks from a database of
 * pending watches, as the tick does: rounds at moving times, each claiming the earliest due and
 * leasing them for two minutes, then (not timed) completing each claimed check with its next
 * check one round later, as the tick does once it has looked at the receiver's plays. So claims
 * go on through the whole due order and come round again, and every measured claim, at either
 * size, takes watches that wait for their check, not leases left to expire.
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
        boolean readsInDueOrder() {
            return plan.stream().anyMatch(step -> step.contains("SEARCH watch_queue USING PRIMARY KEY"))
                    && plan.stream().noneMatch(step -> step.contains("SCAN") || step.contains("TEMP B-TREE"));
        }
    }

    private ClaimTimer() {
    }

    static Timing measure(Path file, int pending, Instant start, ScaleOptions options) {
        try (SqliteStores store = SqliteStores.file(file, TokenCipher.random())) {
            SqliteWatches watches = store.watches();
            List<String> plan = watches.dueWatchesQueryPlan();
            Instant first = start.plus(PendingWatches.SPREAD);
            int expected = Math.min(options.claim(), pending);
            int shortClaims = 0;
            for (int round = 0; round < options.warmupRounds(); round++) {
                Round done = round(watches, first.plus(ROUND.multipliedBy(round)), options.claim());
                shortClaims += done.claimed() < expected ? 1 : 0;
            }
            double[] millis = new double[options.rounds()];
            for (int round = 0; round < options.rounds(); round++) {
                Instant now = first.plus(ROUND.multipliedBy(options.warmupRounds() + round));
                Round done = round(watches, now, options.claim());
                millis[round] = done.claimNanos() / 1e6;
                shortClaims += done.claimed() < expected ? 1 : 0;
            }
            Arrays.sort(millis);
            return new Timing(pending, percentile(millis, 50), percentile(millis, 90),
                    Arrays.stream(millis).average().orElse(0), plan, shortClaims);
        }
    }

    /** How many watches a round claimed, and how long the claim alone took. */
    private record Round(int claimed, long claimNanos) {
    }

    private static Round round(SqliteWatches watches, Instant now, int limit) {
        long began = System.nanoTime();
        List<Watch> claimed = watches.claimDueWatches(now, limit, now.plus(LEASE));
        long took = System.nanoTime() - began;
        for (Watch watch : claimed) {
            if (!watches.rescheduleWatch(watch, now.plus(ROUND), now)) {
                throw new IllegalStateException("a claimed watch could not be rescheduled: " + watch.receiver());
            }
        }
        return new Round(claimed.size(), took);
    }

    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
