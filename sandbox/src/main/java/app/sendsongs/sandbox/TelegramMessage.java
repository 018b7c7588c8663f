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
    /**
     * The message's {@code message_thread_id}, or null: the forum topic it is in, or in a supergroup the reply thread
     * it answers (the id of the thread's first message), https://core.telegram.org/bots/api#message.
     */
    Long threadId;
    /** Sent in a forum topic ({@code is_topic_message}); a reply thread's {@link #threadId} is none. */
    boolean topicMessage;

    TelegramMessage(long chatId, long messageId, long fromId, Instant date, TelegramFormattedText text,
                    ObjectNode keyboard) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.fromId = fromId;
        this.date = date;
        this.text = text;
        this.keyboard = keyboard;
    }

    /** Puts the message in the forum topic {@code topic}. */
    void inTopic(long topic) {
        threadId = topic;
        topicMessage = true;
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
        if (threadId != null) {
            node.put("message_thread_id", threadId);
        }
        if (topicMessage) {
            node.put("is_topic_message", true);
        }
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
