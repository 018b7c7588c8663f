package app.sendsongs.bench.load;

import java.util.Arrays;
import java.util.List;

/** Every latency of a phase, in nanoseconds; percentiles by the nearest-rank method. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(List<Latencies> parts) {
        Latencies all = new Latencies();
        all.values = new long[Math.max(1, parts.stream().mapToInt(Latencies::count).sum())];
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, all.values, all.size, part.size);
            all.size += part.size;
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, of a merged (sorted) set; 0 when empty. */
    double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }
}
