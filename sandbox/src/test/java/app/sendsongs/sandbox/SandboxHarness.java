package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A Javalin on a free port with the sandbox routes and a fake bot webhook that records what it gets. */
final class SandboxHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    record Received(byte[] body, String signature) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    final ManualClock clock = new ManualClock(START);
    final SandboxConfig config = SandboxConfig.defaults(null);
    final Sandbox sandbox = new Sandbox(config, clock);
    final List<Received> webhooks = new CopyOnWriteArrayList<>();
    volatile int webhookStatus = 200;
    final Javalin app;
    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SandboxHarness() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.post("/webhook", ctx -> {
            webhooks.add(new Received(ctx.bodyAsBytes(), ctx.header("X-Hub-Signature-256")));
            ctx.status(webhookStatus).result("EVENT_RECEIVED");
        });
        app.start(0);
        base = "http://localhost:" + app.port();
        sandbox.botWebhookUrl(base + "/webhook");
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + bearer).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** POST of an HTML form ({@code application/x-www-form-urlencoded}). */
    Response postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form))));
    }

    static String formEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Response delete(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST /sandbox/accounts/api/token with HTTP Basic client auth (null secret: no header). */
    Response token(Map<String, String> form, String clientId, String secret) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/sandbox/accounts/api/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded));
        if (secret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    Response token(Map<String, String> form) {
        return token(form, config.spotifyClientId(), config.spotifyClientSecret());
    }

    /** Runs the consent for a sandbox user and exchanges the code: the token response. */
    JsonNode connect(String user, String scope) {
        String redirect = "http://127.0.0.1/callback";
        Response authorize = get("/sandbox/accounts/authorize?response_type=code&client_id=" + config.spotifyClientId()
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&state=s1&sandbox_user=" + user);
        String location = authorize.header("Location");
        String code = URLDecoderHelper.param(location, "code");
        Response token = token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect));
        if (token.status() != 200) {
            throw new IllegalStateException(token.body());
        }
        return token.json();
    }

    String connectToken(String user) {
        return connect(user, "user-read-recently-played").path("access_token").asText();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
    }

    static final class URLDecoderHelper {
        static String param(String url, String name) {
            String query = URI.create(url).getRawQuery();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (pair.substring(0, eq).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}
