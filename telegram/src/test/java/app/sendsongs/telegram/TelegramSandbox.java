package app.sendsongs.telegram;

import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox emulators on a Javalin at a free port, driven over HTTP through their control API, with a minimal bot
 * front door at {@code /telegram}: this module's {@link WebhookSecret} check, then its {@link UpdateParser}, recording
 * what it parsed (403 for a wrong secret, 400 for a body that is no update, nothing recorded then).
 */
final class TelegramSandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = new ManualClock(START);
    final Sandbox sandbox = new Sandbox(SandboxConfig.defaults(null), clock);
    final WebhookSecret secret = WebhookSecret.random();
    final UpdateParser parser = new UpdateParser(TelegramEmulator.BOT_USERNAME, clock);
    final List<TelegramUpdate> updates = new CopyOnWriteArrayList<>();
    final Javalin app;
    final String base;
    final SandboxControl control;
    private final HttpClient http = HttpClient.newHttpClient();

    TelegramSandbox() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.post("/telegram", ctx -> {
            if (!secret.matches(ctx.header(WebhookSecret.HEADER))) {
                ctx.status(403).result("forbidden");
                return;
            }
            try {
                updates.add(parser.parse(ctx.bodyAsBytes()));
                ctx.result("ok");
            } catch (MalformedUpdateException e) {
                ctx.status(400).result(e.getMessage());
            }
        });
        app.start(0);
        base = "http://localhost:" + app.port();
        control = new SandboxControl(base);
    }

    TelegramConfig config() {
        return new TelegramConfig(base + "/sandbox/telegram", TelegramEmulator.BOT_TOKEN);
    }

    /** The adapter with a real-time limiter that waits up to {@code maxWait}. */
    TelegramBotApi api(Duration maxWait) {
        return new TelegramBotApi(config(), HttpClient.newHttpClient(),
                new TelegramRateLimiter(InstantSource.system(), Thread::sleep, maxWait));
    }

    TelegramBotApi api() {
        return api(Duration.ofSeconds(3));
    }

    URI webhookUrl() {
        return URI.create(base + "/telegram");
    }

    /** A Bot API call straight to the emulator, bypassing the adapter. */
    JsonNode rawCall(String method, Map<String, ?> params) {
        return post("/sandbox/telegram/bot" + TelegramEmulator.BOT_TOKEN + "/" + method, params, Map.of()).body();
    }

    record Answer(int status, JsonNode body) {
    }

    Answer post(String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body instanceof byte[] bytes ? bytes
                            : JSON.writeValueAsBytes(body)));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json;
            try {
                json = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(text);
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 5 s for the front door to have parsed {@code count} updates. */
    List<TelegramUpdate> awaitUpdates(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (updates.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(updates);
    }

    @Override
    public void close() {
        app.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
    }
}
