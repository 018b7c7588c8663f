package app.sendsongs.bench.scale;

import java.util.Locale;

/**
 * The scale test's figures.
 *
 * @param checksRun   due checks the server ran while its clock moved (counted from the generated due times)
 * @param noneLeftDue after the server stopped, no watch due by its last clock time was left unclaimed
 */
record ScaleReport(ScaleOptions options, ClaimTimer.Timing small, ClaimTimer.Timing large, PendingWatches.Loaded fill,
                   TickingServer.Run server, int checksRun, boolean noneLeftDue) {
    static final double CLAIM_RATIO_TARGET = 1.5;
    static final double RESIDENT_TARGET_MIB = 300;

    double ratio() {
        return large.medianMillis() / small.medianMillis();
    }

    double peakResidentMib() {
        return Math.max(server.maxSampledKib(), server.atEnd().peakResidentKib()) / 1024.0;
    }

    /** The test ran as it should: the index was used, every claim was full, every due check was run. */
    boolean correct() {
        return small.readsInDueOrder() && large.readsInDueOrder() && small.shortClaims() == 0
                && large.shortClaims() == 0 && noneLeftDue;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scale: finding and claiming %,d due checks (%d measured claims after "
                + "%d warm-up claims per database)%n%n", options.claim(), options.rounds(), options.warmupRounds()));
        out.append("| pending watches | median (ms) | p90 (ms) | mean (ms) |\n| ---: | ---: | ---: | ---: |\n");
        for (ClaimTimer.Timing t : new ClaimTimer.Timing[] {small, large}) {
            out.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f |%n", t.pending(), t.medianMillis(),
                    t.p90Millis(), t.meanMillis()));
        }
        out.append(String.format(Locale.ROOT, "%nratio %,d / %,d (medians): %.2f (target <= %.1f: %s)%n",
                large.pending(), small.pending(), ratio(), CLAIM_RATIO_TARGET,
                ratio() <= CLAIM_RATIO_TARGET ? "met" : "NOT met"));
        out.append("query plan: ").append(String.join("; ", large.plan())).append(large.readsInDueOrder()
                ? " (searches in due order)\n" : " (does NOT search in due order: a scan or a sort)\n");
        out.append(String.format(Locale.ROOT, "loading %,d watches through the bulk path: %.1f s (%,.0f per second)%n",
                fill.count(), fill.nanos() / 1e9, fill.count() / (fill.nanos() / 1e9)));
        out.append(String.format(Locale.ROOT, "%nserver (demo wiring, -Xmx%s) on the %,d-watch database, clock moved "
                        + "%d h an hour at a time: %,d due checks run in %.1f s (%.1f s of CPU)%n",
                options.serverHeap(), large.pending(), options.hours(), checksRun, server.wallSeconds(),
                server.cpuSeconds()));
        out.append(String.format(Locale.ROOT, "resident memory: %.0f MiB at the end, %.0f MiB at most "
                        + "(target < %.0f MiB: %s)%n", server.atEnd().residentMib(), peakResidentMib(),
                RESIDENT_TARGET_MIB, peakResidentMib() < RESIDENT_TARGET_MIB ? "met" : "NOT met"));
        out.append(noneLeftDue ? "every watch that fell due was claimed and checked\n"
                : "SOME WATCHES THAT FELL DUE WERE NOT CHECKED\n");
        return out.toString();
    }
}
