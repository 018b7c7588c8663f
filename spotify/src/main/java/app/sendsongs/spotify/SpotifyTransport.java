package app.sendsongs.spotify;

import app.sendsongs.core.shared.RetryAfter;

import app.sendsongs.core.music.MusicServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every request to Spotify, accounts service and Web API alike, through the shared {@link SpotifyRateLimiter},
 * and turns rate limits, server errors, timeouts and network failures into exceptions. Only the {@code what} label
 * (method and path) is logged, never a request, so tokens stay out of the logs.
 */
final class SpotifyTransport {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Wait assumed for a 429 that did not say how long (Spotify normally does). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyClient.class);

    private final HttpClient http;
    private final SpotifyRateLimiter limiter;

    SpotifyTransport(HttpClient http, SpotifyRateLimiter limiter) {
        this.http = http;
        this.limiter = limiter;
    }

    /** A request to {@code url} that waits {@link #REQUEST_TIMEOUT} at most and asks for JSON. */
    static HttpRequest.Builder jsonRequest(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    /** Sends through the limiter; turns 429 and 5xx into exceptions, returns every other answer. */
    SpotifyReply send(HttpRequest request, String what) throws MusicServiceException {
        limiter.acquire();
        HttpResponse<String> response = exchange(request, what);
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        LOG.debug("Spotify {} -> HTTP {}", what, status);
        if (status == 429) {
            throw rateLimited(response, body, what);
        }
        if (status >= 500) {
            throw serverError(response, body, what);
        }
        return new SpotifyReply(status, body);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws MusicServiceException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.warn("Spotify did not answer {} in time", what);
            throw new MusicServiceException("Spotify did not answer in time (" + what + ")", Optional.empty());
        } catch (IOException e) {
            LOG.warn("Spotify unreachable on {}: {}", what, e.getClass().getSimpleName());
            throw new MusicServiceException("Spotify could not be reached (" + what + "): "
                    + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MusicServiceException("interrupted while calling Spotify (" + what + ")", e);
        }
    }

    /** Holds every later call for the wait Spotify asked for, and says so. */
    private MusicServiceException rateLimited(HttpResponse<String> response, String body, String what) {
        Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
        boolean quota = "QUOTA_EXCEEDED".equalsIgnoreCase(SpotifyError.parse(body).reason());
        limiter.blockFor(wait, quota);
        LOG.warn("Spotify rate limit on {}{}; holding all calls for {} s", what, quota ? " (quota exceeded)" : "",
                wait.toSeconds());
        String message = "Spotify rate limit on " + what + "; retry after " + wait.toSeconds() + " s";
        if (quota) {
            return new QuotaExceededException(message + " (quota exceeded)", Optional.of(wait));
        }
        return new MusicServiceException(message, Optional.of(wait));
    }

    private static MusicServiceException serverError(HttpResponse<String> response, String body, String what) {
        int status = response.statusCode();
        String describe = SpotifyError.parse(body).describe();
        LOG.warn("Spotify server error on {}: HTTP {} {}", what, status, describe);
        return new MusicServiceException("Spotify server error on " + what + ": HTTP " + status + " " + describe,
                retryAfter(response));
    }

    /** The wait the answer asks for; empty when it has no readable {@code Retry-After}. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, Instant.now()));
    }
}
