package app.sendsongs.metrics;

import java.time.Duration;
import java.util.Map;

/**
 * The waits an adapter's rate limiter makes a call take before it goes out ({@value #WAITS}, by service): the
 * limiters of Last.fm and ListenBrainz wait through a sleeper of the caller's choosing, and a runtime gives them
 * one of these. (Spotify's limiter does not wait: while Spotify's {@code Retry-After} lasts it refuses the call,
 * which shows as a failed listen check.)
 */
public final class LimiterWaits {
    public static final String WAITS = "send_songs.limiter.wait";

    private final Meters meters;
    private final String service;

    public LimiterWaits(Meters meters, String service) {
        this.meters = meters;
        this.service = service;
    }

    /** Waits {@code duration} and records how long the wait really was (an interrupted one too). */
    public void sleep(Duration duration) throws InterruptedException {
        long started = System.nanoTime();
        try {
            Thread.sleep(duration);
        } finally {
            meters.time(WAITS, Map.of("service", service), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
