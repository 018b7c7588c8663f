package app.sendsongs.lastfm;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.exchange.BoundedExchange;
import app.sendsongs.exchange.ExchangeFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Last.fm web service: every call signed, sent as a POST form (so session keys and tokens never sit in
 * a URL), through the shared {@link LastfmRateLimiter}; an error 29 holds every call and the call is tried again,
 * up to {@value #ATTEMPTS} times. Each exchange, body included, must end within the request timeout
 * ({@link #REQUEST_TIMEOUT} unless told otherwise) and stay under {@value #MAX_ANSWER_BYTES} bytes. Only the
 * method name is logged, never a parameter.
 */
final class LastfmTransport {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** 200 extended tracks are under 400 KB; ten times that is no answer Last.fm means to send. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    static final int ATTEMPTS = 3;

    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(LastfmClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final LastfmRateLimiter limiter;
    private final LastfmConfig config;
    private final Duration requestTimeout;

    LastfmTransport(HttpClient http, LastfmRateLimiter limiter, LastfmConfig config, Duration requestTimeout) {
        this.http = http;
        this.limiter = limiter;
        this.config = config;
        this.requestTimeout = requestTimeout;
    }

    /** Calls {@code method} with {@code params}; adds {@code api_key}, {@code api_sig} and {@code format=json}. */
    LastfmReply call(String method, Map<String, String> params) throws MusicServiceException {
        Map<String, String> form = new TreeMap<>(params);
        form.put("method", method);
        form.put("api_key", config.apiKey());
        form.put("api_sig", LastfmSignature.sign(form, config.sharedSecret()));
        form.put("format", "json");
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + "/2.0/"))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            limiter.acquire();
            LastfmReply reply = exchange(request, method);
            if (reply.error().filter(e -> e.code() == LastfmError.RATE_LIMIT_EXCEEDED).isEmpty()) {
                limiter.answered();
                return reply;
            }
            Duration backoff = limiter.rateLimited();
            LOG.warn("Last.fm rate limit (error 29) on {}, attempt {} of {}; holding all calls for {} ms", method,
                    attempt, ATTEMPTS, backoff.toMillis());
            if (attempt == ATTEMPTS) {
                throw new MusicServiceException("Last.fm rate limit on " + method + " (error 29) " + ATTEMPTS
                        + " times in a row; retry after " + backoff.toSeconds() + " s", Optional.of(backoff));
            }
        }
    }

    private LastfmReply exchange(HttpRequest request, String method) throws MusicServiceException {
        HttpResponse<byte[]> response = send(request, method);
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        LOG.debug("Last.fm {} -> HTTP {}", method, status);
        boolean lastfmError = body != null && LastfmError.in(body, status).isPresent();
        if (status >= 500 && !lastfmError) {
            LOG.warn("Last.fm server error on {}: HTTP {}", method, status);
            throw new MusicServiceException("Last.fm server error on " + method + ": HTTP " + status, Optional.empty());
        }
        if (body == null || !body.isObject()) {
            LOG.warn("Last.fm {} answered HTTP {} with something that is not a JSON object", method, status);
            throw new MusicServiceException("Last.fm " + method + " answered HTTP " + status
                    + " with something that is not a JSON object", Optional.empty());
        }
        return new LastfmReply(status, body);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String method) throws MusicServiceException {
        try {
            return BoundedExchange.send(http, request, requestTimeout, MAX_ANSWER_BYTES);
        } catch (ExchangeFailure e) {
            LOG.warn("Last.fm {} on {}", e.getMessage(), method);
            throw new MusicServiceException("Last.fm " + e.getMessage() + " (" + method + ")", Optional.empty());
        }
    }

    /** The answer as JSON; null when it is not JSON at all. */
    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
