package app.sendsongs.server.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * {@code GET /metrics}, for a Prometheus server that sends {@code Authorization: Bearer <METRICS_TOKEN>}. Without
 * a token configured the route does not exist (404); a missing or wrong token is answered 401. The tokens are
 * compared as SHA-256 digests in constant time, so neither their content nor their length shows in the timing.
 */
public final class MetricsEndpoint {
    /** Prometheus' text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final ServerMetrics metrics;
    private final byte[] tokenDigest;

    private MetricsEndpoint(ServerMetrics metrics, String token) {
        this.metrics = metrics;
        this.tokenDigest = sha256(token);
    }

    /** Mounts the route when a token is configured; without one, nothing is mounted. */
    public static void mount(Javalin http, ServerMetrics metrics, Optional<String> token) {
        token.filter(t -> !t.isBlank()).ifPresent(t -> {
            MetricsEndpoint endpoint = new MetricsEndpoint(metrics, t);
            http.get("/metrics", endpoint::serve);
        });
    }

    private void serve(Context ctx) {
        String authorization = ctx.header("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        byte[] given = sha256(bearer ? authorization.substring(BEARER.length()).strip() : "");
        if (!(MessageDigest.isEqual(given, tokenDigest) & bearer)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ctx.status(HttpStatus.UNAUTHORIZED).result("a bearer token is needed");
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
