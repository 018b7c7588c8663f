package app.sendsongs.bench.watch;

import java.time.Clock;
import java.util.Arrays;

/** Calls to one service, counted by simulated day, for the busiest day's figure. */
final class DailyCalls {
    private final Clock clock;
    private long[] byDay = new long[32];
    private long total;

    DailyCalls(Clock clock) {
        this.clock = clock;
    }

    void count() {
        int day = (int) Math.max(0, (clock.millis() - World.START.toEpochMilli()) / World.DAY);
        if (day >= byDay.length) {
            byDay = Arrays.copyOf(byDay, Math.max(day + 1, byDay.length * 2));
        }
        byDay[day]++;
        total++;
    }

    long total() {
        return total;
    }

    /** The most calls on one day. */
    long busiestDay() {
        return Arrays.stream(byDay).max().orElse(0);
    }
}
