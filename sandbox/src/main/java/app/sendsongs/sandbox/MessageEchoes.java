package app.sendsongs.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code message_echoes} webhook events of the emulated Messenger: when the app is subscribed to
 * {@code message_echoes}, every message the page sends through the Send API is echoed to the bot's webhook
 * as a messaging event from the page to the person, with {@code is_echo}, the app's id, the message's
 * {@code mid}, its {@code metadata} when it was sent with one, and its text (or its template as an
 * attachment). As Messenger does, events that pile up are delivered several to a POST, each POST signed
 * like every other webhook call; a POST the bot does not answer with 200 within 20 seconds is delivered
 * again, after 1, 2, 4 ... seconds, at most a minute apart, until it is taken or
 * {@value #MOST_ATTEMPTS} attempts have failed.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/message-echoes">message_echoes</a>
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/webhooks">Webhooks: a call not answered 200 is
 * retried; one failing for 8 hours is disabled</a>
 */
final class MessageEchoes {
    private static final Logger LOG = LoggerFactory.getLogger(MessageEchoes.class);
    /** The emulated app's id, as echoes carry it. */
    static final long APP_ID = 1_517_776_481_860_111L;
    static final int MOST_ATTEMPTS = 500;
    private static final int MOST_EVENTS_PER_POST = 50;
    private static final Duration COLLECT_EVERY = Duration.ofMillis(10);
    private static final Duration MOST_BETWEEN_ATTEMPTS = Duration.ofMinutes(1);
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Supplier<String> botWebhookUrl;
    private final WebhookSigner signer;
    private final String pageId;
    private final Queue<ObjectNode> waiting = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run).build(); // as the bot's adapters
    /** The sender's thread, joined on close: its executor says it terminated while the thread may still be ending. */
    private volatile Thread senderThread;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "messenger-echoes");
        thread.setDaemon(true);
        senderThread = thread;
        return thread;
    });

    MessageEchoes(Supplier<String> botWebhookUrl, WebhookSigner signer, String pageId) {
        this.botWebhookUrl = botWebhookUrl;
        this.signer = signer;
        this.pageId = pageId;
        sender.scheduleWithFixedDelay(this::deliverWaiting, COLLECT_EVERY.toMillis(), COLLECT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Echoes a message the page sent to {@code psid}. */
    void echo(String psid, MessengerEmulator.InboxMessage sent) {
        ObjectNode event = JsonIo.object();
        event.putObject("sender").put("id", pageId);
        event.putObject("recipient").put("id", psid);
        event.put("timestamp", sent.at().toEpochMilli());
        ObjectNode message = event.putObject("message");
        message.put("is_echo", true).put("app_id", APP_ID);
        JsonNode metadata = sent.message().get("metadata");
        if (metadata != null && metadata.isTextual()) {
            message.put("metadata", metadata.asText());
        }
        message.put("mid", sent.messageId());
        JsonNode attachment = sent.message().get("attachment");
        if (attachment != null) {
            message.putArray("attachments").add(attachment.deepCopy());
        } else {
            message.put("text", sent.message().path("text").asText(""));
        }
        waiting.add(event);
    }

    private void deliverWaiting() {
        while (!waiting.isEmpty()) {
            List<ObjectNode> batch = new ArrayList<>();
            for (ObjectNode event = waiting.poll(); event != null; event = waiting.poll()) {
                batch.add(event);
                if (batch.size() == MOST_EVENTS_PER_POST) {
                    break;
                }
            }
            deliver(body(batch), batch.size(), 1);
        }
    }

    /** Posts one webhook call; if the bot does not take it, schedules it again. */
    private void deliver(byte[] body, int events, int attempt) {
        String url = botWebhookUrl.get();
        boolean taken = false;
        if (url != null && !url.isBlank()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(WEBHOOK_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header(WebhookSigner.HEADER, signer.sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                taken = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException | IllegalArgumentException e) {
                LOG.debug("echo delivery failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (taken) {
            return;
        }
        if (attempt >= MOST_ATTEMPTS) {
            LOG.warn("{} message echoes given up after {} attempts", events, attempt);
            return;
        }
        long wait = Math.min(MOST_BETWEEN_ATTEMPTS.toMillis(), 1_000L << Math.min(attempt - 1, 16));
        sender.schedule(() -> deliver(body, events, attempt + 1), wait, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops posting: what was not taken yet is dropped with the emulator. Returns once the posting thread has
     * ended, so that nothing reaches a bot started after this.
     */
    void close() {
        sender.shutdownNow();
        http.shutdownNow();
        try {
            Thread thread = senderThread;
            if (!sender.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    || thread != null && !thread.join(STOP_WAIT)) {
                LOG.warn("the echoes' thread did not stop within {}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] body(List<ObjectNode> events) {
        ObjectNode root = JsonIo.object();
        root.put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", pageId);
        entry.put("time", events.getLast().path("timestamp").asLong());
        ArrayNode messaging = entry.putArray("messaging");
        events.forEach(messaging::add);
        try {
            return JsonIo.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
