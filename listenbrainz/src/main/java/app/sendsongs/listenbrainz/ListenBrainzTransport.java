package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.shared.RetryAfter;
import app.sendsongs.exchange.BoundedExchange;
import app.sendsongs.exchange.ExchangeFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every request to ListenBrainz through the shared {@link ListenBrainzRateLimiter}, tells the limiter what
 * each answer's {@code X-RateLimit-*} headers say, waits out a 429 and tries again (up to {@value #ATTEMPTS} times),
 * and turns server errors, timeouts, oversized and non-JSON answers into exceptions. Each exchange, body included,
 * must end within the request timeout and stay under {@value #MAX_ANSWER_BYTES} bytes. Only the {@code what} label
 * is logged, never a token.
 */
final class ListenBrainzTransport {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A thousand listens with their metadata are about 2 MB. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;
    static final int ATTEMPTS = 3;

    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(ListenBrainzClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final ListenBrainzRateLimiter limiter;
    private final Duration requestTimeout;

    ListenBrainzTransport(HttpClient http, ListenBrainzRateLimiter limiter, Duration requestTimeout) {
        this.http = http;
        this.limiter = limiter;
        this.requestTimeout = requestTimeout;
    }

    /** GETs {@code url}, with {@code Authorization: Token <token>} when a token is given. */
    ListenBrainzReply get(String url, String token, String what) throws MusicServiceException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET();
        if (token != null) {
            builder.header("Authorization", "Token " + token);
        }
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            limiter.acquire();
            HttpResponse<byte[]> response = send(request, what);
            observeRateHeaders(response.headers());
            if (response.statusCode() != 429) {
                return reply(response, what);
            }
            Duration wait = limiter.rateLimited(seconds(response.headers(), "X-RateLimit-Reset-In"));
            LOG.warn("ListenBrainz rate limit on {}, attempt {} of {}; holding all calls for {} s", what, attempt,
                    ATTEMPTS, wait.toSeconds());
            if (attempt == ATTEMPTS) {
                throw new MusicServiceException("ListenBrainz rate limit on " + what + " " + ATTEMPTS
                        + " times in a row; retry after " + wait.toSeconds() + " s", Optional.of(wait));
            }
        }
    }

    private ListenBrainzReply reply(HttpResponse<byte[]> response, String what) throws MusicServiceException {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        LOG.debug("ListenBrainz {} -> HTTP {}", what, status);
        if (status >= 500) {
            LOG.warn("ListenBrainz server error on {}: HTTP {}", what, status);
            throw new MusicServiceException("ListenBrainz server error on " + what + ": HTTP " + status,
                    response.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now())));
        }
        if (body == null || !body.isObject()) {
            LOG.warn("ListenBrainz {} answered HTTP {} with something that is not a JSON object", what, status);
            throw new MusicServiceException("ListenBrainz " + what + " answered HTTP " + status
                    + " with something that is not a JSON object", Optional.empty());
        }
        return new ListenBrainzReply(status, body);
    }

    private void observeRateHeaders(HttpHeaders headers) {
        Optional<Long> remaining = number(headers, "X-RateLimit-Remaining");
        Optional<Duration> resetIn = seconds(headers, "X-RateLimit-Reset-In");
        if (remaining.isPresent() && resetIn.isPresent()) {
            limiter.observe(remaining.get(), resetIn.get());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) throws MusicServiceException {
        try {
            return BoundedExchange.send(http, request, requestTimeout, MAX_ANSWER_BYTES);
        } catch (ExchangeFailure e) {
            LOG.warn("ListenBrainz {} on {}", e.getMessage(), what);
            throw new MusicServiceException("ListenBrainz " + e.getMessage() + " (" + what + ")", Optional.empty());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A header of whole seconds; empty when missing, negative or not a number. */
    private static Optional<Duration> seconds(HttpHeaders headers, String name) {
        return number(headers, name).map(Duration::ofSeconds);
    }

    private static Optional<Long> number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::trim).map(Long::parseLong).filter(n -> n >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
