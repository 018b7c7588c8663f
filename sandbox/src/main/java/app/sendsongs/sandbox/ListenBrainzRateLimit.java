package app.sendsongs.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ListenBrainz's rate limit (brainzutils {@code ratelimit}, https://listenbrainz.readthedocs.io/en/latest/users/api/index.html#rate-limiting):
 * fixed windows of {@code window} seconds aligned on the epoch, a count per caller (a whitelisted token, else
 * the IP: a user's own token does not count apart) per window, and the {@code X-RateLimit-*} numbers every answer
 * carries. Every request counts, the
 * refused ones too. Real time, like every rate limit of the sandbox.
 */
final class ListenBrainzRateLimit {

    /** One request's standing: what the headers say, and whether it is over the limit. */
    record Standing(int limit, long remaining, long reset, long resetIn, boolean over) {
    }

    private final int perToken;
    private final int perIp;
    private final int windowSeconds;
    private final Clock clock;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    ListenBrainzRateLimit(int perToken, int perIp, int windowSeconds, Clock clock) {
        if (perToken < 1 || perIp < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("limits and window must be at least 1");
        }
        this.perToken = perToken;
        this.perIp = perIp;
        this.windowSeconds = windowSeconds;
        this.clock = clock;
    }

    /** Counts a request of a caller known by a whitelisted token ({@code byToken}) or by IP. */
    Standing count(String caller, boolean byToken) {
        long now = clock.millis() / 1000;
        long reset = now / windowSeconds * windowSeconds + windowSeconds;
        counts.keySet().removeIf(key -> Long.parseLong(key.substring(0, key.indexOf(' '))) < reset);
        long current = counts.merge(reset + " " + caller, 1L, Long::sum);
        int limit = byToken ? perToken : perIp;
        return new Standing(limit, Math.max(limit - current, 0), reset, reset - now, current > limit);
    }

    int perIp() {
        return perIp;
    }
}
