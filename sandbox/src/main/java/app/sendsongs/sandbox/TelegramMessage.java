package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A message in a sandbox chat, sent by a person or by the bot. The bot may edit its own: text, entities and inline
 * keyboard change, {@code editDate} is set. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramMessage {
    final long chatId;
    final long messageId;
    /** The sender's user id; {@link TelegramEmulator#BOT_ID} for the bot's own messages. */
    final long fromId;
    final Instant date;
    TelegramFormattedText text;
    /** The inline keyboard, {@code {"inline_keyboard":[[...]]}}, or null. */
    ObjectNode keyboard;
    /** The link the chat shows a preview of under the message (see {@link TelegramLinkPreview}), or null. */
    String linkPreview;
    Instant editDate;
    /** The message this one answers, or null. */
    TelegramMessage replyTo;
    /** What a person sent instead of text, by the Message field that holds it ({@link TelegramMedia}), or null. */
    String media;
    /** A sticker's emoji, with {@link #media} {@code sticker}. */
    String mediaEmoji;

    TelegramMessage(long chatId, long messageId, long fromId, Instant date, TelegramFormattedText text,
                    ObjectNode keyboard) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.fromId = fromId;
        this.date = date;
        this.text = text;
        this.keyboard = keyboard;
    }

    boolean fromBot() {
        return fromId == TelegramEmulator.BOT_ID;
    }

    /** https://core.telegram.org/bots/api#message, given the JSON of its sender and chat. */
    ObjectNode toJson(ObjectNode from, ObjectNode chat) {
        ObjectNode node = JsonIo.object();
        node.put("message_id", messageId);
        node.set("from", from);
        node.set("chat", chat);
        node.put("date", date.getEpochSecond());
        if (editDate != null) {
            node.put("edit_date", editDate.getEpochSecond());
        }
        node.put("text", text.text());
        if (!text.entities().isEmpty()) {
            node.set("entities", text.entitiesJson());
        }
        if (keyboard != null) {
            node.set("reply_markup", keyboard.deepCopy());
        }
        return node;
    }
}
