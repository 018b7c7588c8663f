package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The updates going to the bot's webhook (https://core.telegram.org/bots/api#update): each gets the next
 * {@code update_id} when made. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramUpdates {
    private static final long FIRST_UPDATE_ID = 254_000_001L;

    private final ManualClock clock;
    private final TelegramWebhook webhook;
    private long nextUpdateId = FIRST_UPDATE_ID;

    /** https://core.telegram.org/bots/api#update: a fresh {@code update_id} and one field named by its type. */
    record Update(long id, String type, ObjectNode json) {
    }

    TelegramUpdates(ManualClock clock, TelegramWebhook webhook) {
        this.clock = clock;
        this.webhook = webhook;
    }

    Update update(String type, ObjectNode content) {
        ObjectNode json = JsonIo.object();
        long id = nextUpdateId++;
        json.put("update_id", id);
        json.set(type, content);
        return new Update(id, type, json);
    }

    CompletableFuture<TelegramWebhook.Delivery> submit(long chat, Update update) {
        return webhook.submit(chat, update.id(), update.type(), update.json());
    }

    CompletableFuture<List<TelegramWebhook.Delivery>> submitAll(long chat, List<Update> updates) {
        List<CompletableFuture<TelegramWebhook.Delivery>> deliveries = new ArrayList<>();
        for (Update update : updates) {
            deliveries.add(submit(chat, update));
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                .thenApply(done -> deliveries.stream().map(CompletableFuture::join).toList());
    }

    /** Sends the bot one {@code message} update of the chat: a service message, say. */
    CompletableFuture<List<TelegramWebhook.Delivery>> submitMessage(long chat, ObjectNode message) {
        return submitAll(chat, List.of(update("message", message)));
    }

    /** https://core.telegram.org/bots/api#chatmemberupdated for the bot itself. */
    ObjectNode memberChange(ObjectNode chat, TelegramUser by, String oldStatus, String newStatus) {
        ObjectNode change = JsonIo.object();
        change.set("chat", chat);
        change.set("from", by.toJson());
        change.put("date", clock.instant().getEpochSecond());
        change.putObject("old_chat_member").put("status", oldStatus).set("user", TelegramEmulator.botJson());
        change.putObject("new_chat_member").put("status", newStatus).set("user", TelegramEmulator.botJson());
        return change;
    }
}
