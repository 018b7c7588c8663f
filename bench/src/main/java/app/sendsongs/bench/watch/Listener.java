package app.sendsongs.bench.watch;

import java.time.Duration;

/**
 * How a simulated person listens: how often and how long their sessions are, how fast plays
 * follow each other in them, and whether and how soon they play a song sent to them.
 *
 * @param share           the part of the population that listens like this
 * @param playsSent       the chance they play a song sent to them (at some point, maybe after its 7 days)
 * @param meanDelay       the mean of the (exponential) time from delivery to that play
 * @param sessionsPerDay  the mean number of listening sessions a day besides those
 * @param skips           true: each play lasts 30 to 60 seconds (skipping through, over 50 plays an hour);
 *                        false: tracks play to their end
 */
enum Listener {
    WITHIN_MINUTES(0.25, 0.95, Duration.ofMinutes(15), 2.0, false),
    WITHIN_DAYS(0.35, 0.85, Duration.ofHours(36), 2.0, false),
    NEVER(0.25, 0.0, Duration.ZERO, 1.5, false),
    OVER_FIFTY_AN_HOUR(0.15, 0.9, Duration.ofHours(6), 3.0, true);

    final double share;
    final double playsSent;
    final Duration meanDelay;
    final double sessionsPerDay;
    final boolean skips;

    Listener(double share, double playsSent, Duration meanDelay, double sessionsPerDay, boolean skips) {
        this.share = share;
        this.playsSent = playsSent;
        this.meanDelay = meanDelay;
        this.sessionsPerDay = sessionsPerDay;
        this.skips = skips;
    }

    static Listener draw(double uniform) {
        double sum = 0;
        for (Listener kind : values()) {
            sum += kind.share;
            if (uniform < sum) {
                return kind;
            }
        }
        return values()[values().length - 1];
    }
}
