package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's webhook, run the way Telegram runs it (https://core.telegram.org/bots/api#setwebhook; retry rules of
 * {@code WebhookActor} in https://github.com/tdlib/telegram-bot-api). Each update is POSTed as JSON with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header when a secret is set. An update the bot does not answer with 2xx is
 * sent again after 1 s, then 2 s, 4 s... up to 60 s apart (or after the bot's own {@code Retry-After}), until it is
 * 24 hours old on the sandbox clock. The updates of one chat go out in order: a later one waits behind an earlier
 * one that is being retried. Updates that come while no webhook is set wait for {@code setWebhook}. Updates of a type
 * outside {@code allowed_updates} are never sent (by default all but {@code chat_member}, {@code message_reaction}
 * and {@code message_reaction_count}).
 *
 * <p>The bot may answer an update with a Bot API call of its own: a 2xx whose JSON body names the {@code method} and
 * holds its parameters is run as that call, and its result is not told to anyone
 * (https://core.telegram.org/bots/api#making-requests-when-getting-updates).
 */
final class TelegramWebhook {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
    static final Duration UPDATE_LIFETIME = Duration.ofHours(24);
    private static final String NO_WEBHOOK = "no webhook is set: the update waits until the bot calls setWebhook";
    private static final String CLOSED = "the emulator is closed: nothing is sent any more";
    static final Set<String> UPDATE_TYPES = Set.of("message", "edited_message", "channel_post", "edited_channel_post",
            "business_connection", "business_message", "edited_business_message", "deleted_business_messages",
            "message_reaction", "message_reaction_count", "inline_query", "chosen_inline_result", "callback_query",
            "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member",
            "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost");
    private static final Set<String> NOT_BY_DEFAULT = Set.of("chat_member", "message_reaction",
            "message_reaction_count");
    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);

    /**
     * What became of an update's first attempt: sent and answered 2xx, or why not (the bot's status, 0 when it was
     * not reached or not tried). An update not delivered stays pending, except one left out by allowed_updates. An
     * update queued behind others of its chat that are going out for the first time has its first attempt when they
     * are taken; behind one that failed (pending, being retried), it is not tried now.
     */
    record Delivery(long updateId, boolean delivered, int botStatus, String error) {
    }

    /** The webhook as {@code setWebhook} left it; an empty url means none. */
    record Settings(String url, String secret, Set<String> allowedUpdates, int maxConnections) {
        static final Settings NONE = new Settings("", "", Set.of(), 0);
    }

    private static final class Pending {
        final long updateId;
        final long chatId;
        final byte[] body;
        final Instant created;
        Duration delay = FIRST_RETRY;
        int failures;
        boolean inFlight;
        ScheduledFuture<?> retry;
        /** What became of its first attempt, or why it had none. */
        final CompletableFuture<Delivery> firstAttempt = new CompletableFuture<>();

        Pending(long updateId, long chatId, byte[] body, Instant created) {
            this.updateId = updateId;
            this.chatId = chatId;
            this.body = body;
            this.created = created;
        }
    }

    private final ManualClock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** One timer thread for the retries of every sandbox in the process (tests start many). */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "telegram-webhook-retry");
        thread.setDaemon(true);
        return thread;
    });
    private Settings settings = Settings.NONE;
    /** Runs a Bot API call the bot made in its answer to an update: method name and parameters. */
    private volatile BiConsumer<String, TelegramParams> replyCalls = (method, params) -> { };
    private final Map<Long, Deque<Pending>> queues = new LinkedHashMap<>();
    private Instant lastErrorDate;
    private String lastErrorMessage;
    private long delivered;
    private boolean closed;

    TelegramWebhook(ManualClock clock) {
        this.clock = clock;
    }

    /** Queues an update for its chat and sends it now if nothing of that chat is ahead of it. */
    synchronized CompletableFuture<Delivery> submit(long chatId, long updateId, String type, ObjectNode update) {
        if (!allows(type)) {
            return CompletableFuture.completedFuture(new Delivery(updateId, false, 0,
                    "the bot's allowed_updates leave out " + type + " updates"));
        }
        Pending pending = new Pending(updateId, chatId, JsonIo.write(update).getBytes(StandardCharsets.UTF_8),
                clock.instant());
        Deque<Pending> queue = queues.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        queue.addLast(pending);
        if (settings.url().isEmpty()) {
            settle(pending, NO_WEBHOOK);
        } else if (queue.peekFirst() == pending) {
            attempt(pending);
        } else if (queue.stream().anyMatch(ahead -> ahead.failures > 0)) {
            settleWaiting(queue);
        }
        return pending.firstAttempt;
    }

    /** The update had no attempt, for {@code reason}; it stays pending. */
    private static void settle(Pending pending, String reason) {
        pending.firstAttempt.complete(new Delivery(pending.updateId, false, 0, reason));
    }

    /** Every update of the chat still waiting for its first attempt waits behind a pending one: not tried now. */
    private static void settleWaiting(Deque<Pending> queue) {
        int ahead = 0;
        for (Pending waiting : queue) {
            if (ahead > 0 && !waiting.firstAttempt.isDone()) {
                settle(waiting, "waits behind " + ahead + " earlier update(s) of this chat that the bot has not taken");
            }
            ahead++;
        }
    }

    private boolean allows(String type) {
        Set<String> allowed = settings.allowedUpdates();
        return allowed.isEmpty() ? !NOT_BY_DEFAULT.contains(type) : allowed.contains(type);
    }

    /** Sends the update (its chat's first); called holding the lock, the answer is handled without it. */
    private CompletableFuture<Delivery> attempt(Pending pending) {
        if (closed) {
            settle(pending, CLOSED);
            return pending.firstAttempt;
        }
        pending.inFlight = true;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pending.body));
        if (!settings.secret().isEmpty()) {
            request.header(SECRET_HEADER, settings.secret());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    Delivery delivery = answered(pending, response, failure);
                    if (delivery.delivered()) {
                        runReplyCall(response);
                    }
                    pending.firstAttempt.complete(delivery);
                    return delivery;
                });
    }

    /** Where to run the Bot API calls bots make in their answers to updates. */
    void onReplyCall(BiConsumer<String, TelegramParams> calls) {
        this.replyCalls = calls;
    }

    private void runReplyCall(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") || response.body() == null || response.body().length() > TelegramParams.MAX_BYTES) {
            return;
        }
        TelegramParams params = TelegramParams.fromJson(response.body());
        if (!params.get("method").isEmpty()) {
            replyCalls.accept(params.get("method"), params);
        }
    }

    private synchronized Delivery answered(Pending pending, HttpResponse<String> response, Throwable failure) {
        pending.inFlight = false;
        int status = response == null ? 0 : response.statusCode();
        if (failure == null && status >= 200 && status < 300) {
            delivered++;
            removeAndSendNext(pending);
            return new Delivery(pending.updateId, true, status, null);
        }
        String error = failure != null ? "Connection failed: " + failure.getClass().getSimpleName()
                : "Wrong response from the webhook: " + status;
        lastErrorDate = clock.instant();
        lastErrorMessage = error;
        LOG.info("webhook delivery of update {} failed: {}", pending.updateId, error);
        if (clock.instant().isAfter(pending.created.plus(UPDATE_LIFETIME))) {
            LOG.warn("dropping update {}: not taken within {}", pending.updateId, UPDATE_LIFETIME);
            removeAndSendNext(pending);
        } else {
            scheduleRetry(pending, response);
            settleWaiting(queues.get(pending.chatId));
        }
        return new Delivery(pending.updateId, false, status, error);
    }

    private void scheduleRetry(Pending pending, HttpResponse<String> response) {
        long botRetryAfter = response == null ? 0 : response.headers().firstValue("Retry-After")
                .map(TelegramParams::parseLong).orElse(0L);
        Duration wait;
        if (botRetryAfter > 0) {
            wait = Duration.ofSeconds(Math.min(botRetryAfter, 3600));
        } else {
            if (pending.failures > 0) {
                pending.delay = pending.delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
                        ? LONGEST_RETRY : pending.delay.multipliedBy(2);
            }
            wait = pending.delay;
        }
        pending.failures++;
        pending.retry = TIMER.schedule(() -> retry(pending), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void retry(Pending pending) {
        Deque<Pending> queue = queues.get(pending.chatId);
        if (queue != null && queue.peekFirst() == pending && !pending.inFlight && !settings.url().isEmpty()) {
            attempt(pending);
        }
    }

    private void removeAndSendNext(Pending pending) {
        Deque<Pending> queue = queues.get(pending.chatId);
        if (queue == null) {
            return;
        }
        queue.remove(pending);
        Pending next = queue.peekFirst();
        if (next == null) {
            queues.remove(pending.chatId);
        } else if (settings.url().isEmpty()) {
            queue.forEach(waiting -> settle(waiting, NO_WEBHOOK));
        } else if (!next.inFlight) {
            attempt(next);
        }
    }

    /** Sends every chat's first pending update now instead of at its retry time; answers how many went out. */
    synchronized int redeliverNow() {
        int sent = 0;
        if (settings.url().isEmpty()) {
            return 0;
        }
        for (Deque<Pending> queue : queues.values()) {
            Pending head = queue.peekFirst();
            if (head != null && !head.inFlight) {
                if (head.retry != null) {
                    head.retry.cancel(false);
                }
                attempt(head);
                sent++;
            }
        }
        return sent;
    }

    /** {@code setWebhook} with a URL already checked; answers whether anything changed. */
    synchronized boolean set(Settings next, boolean dropPending) {
        boolean changed = !next.equals(settings) || dropPending;
        settings = next;
        if (dropPending) {
            dropPending();
        }
        redeliverNow();
        return changed;
    }

    /** {@code deleteWebhook}; answers whether there was one. */
    synchronized boolean delete(boolean dropPending) {
        boolean had = !settings.url().isEmpty();
        settings = new Settings("", "", settings.allowedUpdates(), 0);
        if (dropPending) {
            dropPending();
        }
        return had;
    }

    private void dropPending() {
        queues.values().forEach(queue -> queue.forEach(p -> {
            if (p.retry != null) {
                p.retry.cancel(false);
            }
            settle(p, "dropped: the bot dropped its pending updates");
        }));
        queues.clear();
    }

    /**
     * Stops sending: the retries waiting are dropped, the calls in flight cut off, and nothing is sent after this, so
     * no update reaches a bot started later (the retry timer is shared by every sandbox in the process).
     */
    synchronized void close() {
        closed = true;
        queues.values().forEach(queue -> queue.forEach(p -> {
            if (p.retry != null) {
                p.retry.cancel(false);
            }
        }));
        http.shutdownNow();
    }

    synchronized Settings settings() {
        return settings;
    }

    /** The allowed update types named in {@code allowedUpdates} (a JSON array), or the current ones when it names none. */
    synchronized Set<String> allowedUpdates(JsonNode allowedUpdates) {
        if (allowedUpdates == null || !allowedUpdates.isArray()) {
            return settings.allowedUpdates();
        }
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode type : allowedUpdates) {
            if (!type.isTextual()) {
                return settings.allowedUpdates();
            }
            String name = type.asText().toLowerCase(Locale.ROOT);
            if (UPDATE_TYPES.contains(name)) {
                types.add(name);
            }
        }
        return Set.copyOf(types);
    }

    synchronized int pendingCount() {
        int count = 0;
        for (Deque<Pending> queue : queues.values()) {
            count += queue.size();
        }
        return count;
    }

    synchronized long deliveredCount() {
        return delivered;
    }

    /** https://core.telegram.org/bots/api#webhookinfo */
    synchronized ObjectNode info() {
        ObjectNode info = JsonIo.object();
        info.put("url", settings.url());
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", pendingCount());
        if (lastErrorDate != null) {
            info.put("last_error_date", lastErrorDate.getEpochSecond());
            info.put("last_error_message", lastErrorMessage);
        }
        if (!settings.url().isEmpty()) {
            info.put("max_connections", settings.maxConnections());
            info.put("ip_address", "127.0.0.1");
        }
        if (!settings.allowedUpdates().isEmpty()) {
            List<String> sorted = settings.allowedUpdates().stream().sorted().toList();
            sorted.forEach(info.putArray("allowed_updates")::add);
        }
        return info;
    }
}
