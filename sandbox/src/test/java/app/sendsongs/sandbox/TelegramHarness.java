package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The sandbox on a Javalin at a free port with a stand-in bot webhook at {@code /bot-webhook} that records every
 * update and its secret header, answering 200 unless told otherwise. Calls go over real HTTP.
 */
final class TelegramHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API = "/sandbox/telegram/bot" + TelegramEmulator.BOT_TOKEN + "/";

    record Received(JsonNode update, String secret) {
    }

    record Response(int status, JsonNode json, Map<String, List<String>> headers) {
        String description() {
            return json.path("description").asText();
        }

        JsonNode result() {
            return json.path("result");
        }
    }

    final ManualClock clock = new ManualClock(START);
    final Sandbox sandbox = new Sandbox(SandboxConfig.defaults(null), clock);
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Statuses the stand-in bot answers, one per update, before it goes back to 200. */
    final ConcurrentLinkedQueue<Integer> botStatuses = new ConcurrentLinkedQueue<>();
    /** The JSON body the stand-in bot answers an update with (a Bot API call in its answer), or null for none. */
    volatile Function<JsonNode, String> botAnswer = update -> null;
    final Javalin app;
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    TelegramHarness() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.post("/bot-webhook", ctx -> {
            JsonNode update = JSON.readTree(ctx.bodyAsBytes());
            received.add(new Received(update, ctx.header("X-Telegram-Bot-Api-Secret-Token")));
            Integer status = botStatuses.poll();
            ctx.status(status == null ? 200 : status);
            String answer = botAnswer.apply(update);
            if (answer != null) {
                ctx.contentType("application/json").result(answer);
            }
        });
        app.start(0);
        base = "http://localhost:" + app.port();
    }

    String webhookUrl() {
        return base + "/bot-webhook";
    }

    /** Sets the webhook with a secret, as a bot does at start. */
    void setWebhook(String secret) {
        Response set = api("setWebhook", Map.of("url", webhookUrl(), "secret_token", secret));
        if (set.status() != 200) {
            throw new AssertionError(set.json().toString());
        }
    }

    /** A Bot API call with a JSON body. */
    Response api(String method, Map<String, ?> params) {
        return post(API + method, json(params), "application/json");
    }

    /** A Bot API call with a form body. */
    Response apiForm(String method, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(API + method, form, "application/x-www-form-urlencoded");
    }

    Response post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response control(String path, Map<String, ?> body) {
        return post(path, json(body), "application/json");
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A person writes to the bot in their private chat. */
    Response says(long user, String text) {
        return control("/sandbox/telegram/send", Map.of("from", user, "text", text, "first_name", "User" + user));
    }

    /** A person writes in a group. */
    Response saysIn(long group, long user, String text) {
        return control("/sandbox/telegram/send", Map.of("from", user, "chat", group, "text", text));
    }

    JsonNode chat(long chatId) {
        return get("/sandbox/telegram/chat/" + chatId).json();
    }

    /** The updates the stand-in bot received, waiting up to {@code timeout} for at least {@code count}. */
    List<Received> awaitReceived(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(received);
    }

    /**
     * As {@link #awaitReceived}, then until the emulator has taken the stand-in bot's answers too: the bot records an
     * update before it answers, and a chat's next update waits while one of that chat is unanswered.
     */
    List<Received> awaitTaken(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> taken = awaitReceived(count, timeout);
        while (get("/sandbox/telegram/stats").json().path("updates_pending").asInt() > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return taken;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            return new Response(response.statusCode(), json, response.headers().map());
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
}
