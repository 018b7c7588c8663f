package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was said in each sandbox chat, oldest first: a message's id is its place in its chat's log. Guarded by the
 * {@link TelegramEmulator}'s lock.
 */
final class TelegramChatLogs {
    private final ManualClock clock;
    private final TelegramChats chats;
    private final Map<Long, List<TelegramMessage>> logs = new HashMap<>();

    TelegramChatLogs(ManualClock clock, TelegramChats chats) {
        this.clock = clock;
        this.chats = chats;
    }

    TelegramMessage store(long chat, long from, TelegramFormattedText text, ObjectNode keyboard) {
        List<TelegramMessage> log = logs.computeIfAbsent(chat, id -> new ArrayList<>());
        TelegramMessage message = new TelegramMessage(chat, log.size() + 1L, from, clock.instant(), text, keyboard);
        log.add(message);
        return message;
    }

    Optional<TelegramMessage> find(long chat, long messageId) {
        List<TelegramMessage> log = logs.getOrDefault(chat, List.of());
        return messageId >= 1 && messageId <= log.size() ? Optional.of(log.get((int) messageId - 1))
                : Optional.empty();
    }

    TelegramMessage last(long chat) {
        return logs.get(chat).getLast();
    }

    /** A message without text from {@code by} in the group: the base of a service message. */
    ObjectNode serviceMessage(TelegramGroup group, TelegramUser by) {
        TelegramMessage placeholder = store(group.id, by.id, new TelegramFormattedText("", List.of()), null);
        ObjectNode node = JsonIo.object();
        node.put("message_id", placeholder.messageId);
        node.set("from", by.toJson());
        node.set("chat", group.toJson());
        node.put("date", clock.instant().getEpochSecond());
        return node;
    }

    /** https://core.telegram.org/bots/api#message as the bot gets it, with the message it answers. */
    ObjectNode messageJson(TelegramMessage message) {
        ObjectNode json = message.toJson(chats.senderJson(message.fromId), chats.chatJson(message.chatId));
        TelegramGroup group = chats.group(message.chatId);
        if (message.replyTo == null && message.topicMessage && group != null
                && group.topics.containsKey(message.threadId) && message.messageId != message.threadId) {
            // In a topic, a message that answers none answers the service message that made the topic, as Telegram
            // sends it (https://github.com/tdlib/telegram-bot-api/issues/356)
            json.set("reply_to_message", topicCreatedMessage(group, group.topics.get(message.threadId)));
        }
        if (message.replyTo != null) {
            // Telegram does not nest replies further: the replied message comes without its own reply_to_message
            TelegramMessage replied = message.replyTo;
            ObjectNode repliedJson = replied.toJson(chats.senderJson(replied.fromId), chats.chatJson(replied.chatId));
            if (replied.media != null) { // a photo answered comes as the photo, with its caption
                TelegramMedia.captioned(repliedJson);
                TelegramMedia.fill(repliedJson, replied.media, replied.mediaEmoji, replied.messageId);
            }
            json.set("reply_to_message", repliedJson);
        }
        return json;
    }

    private ObjectNode topicCreatedMessage(TelegramGroup group, TelegramGroup.Topic topic) {
        ObjectNode node = JsonIo.object();
        node.put("message_id", topic.threadId());
        node.set("from", chats.user(topic.creator()).toJson());
        node.set("chat", group.toJson());
        node.put("date", topic.createdAt().getEpochSecond());
        node.put("message_thread_id", topic.threadId());
        node.put("is_topic_message", true);
        node.set("forum_topic_created", TelegramForumTopics.topicCreated(topic));
        return node;
    }

    // ---------------------------------------------------------------- what the control API reads

    /** Every chat's texts of the bot's messages, oldest first, edits applied, by chat id: what a load test reconciles. */
    ObjectNode botTextsByChat() {
        ObjectNode all = JsonIo.object();
        logs.forEach((chat, log) -> {
            ArrayNode texts = JsonIo.MAPPER.createArrayNode();
            log.stream().filter(TelegramMessage::fromBot).forEach(m -> texts.add(m.text.text()));
            if (!texts.isEmpty()) {
                all.set(Long.toString(chat), texts);
            }
        });
        return all;
    }

    /** The bot's messages in the chat, oldest first, edits applied. */
    List<ObjectNode> botMessages(long chat) {
        return logs.getOrDefault(chat, List.of()).stream().filter(TelegramMessage::fromBot)
                .map(TelegramChatLogs::shown).toList();
    }

    /**
     * Everything said in the chat as its members see it, oldest first: people's messages with {@code from} (id and
     * first name) and the message they replied to ({@code reply_to}), and the bot's; a message without text (a photo,
     * a sticker...) with the field of its kind instead; service messages left out.
     */
    List<ObjectNode> allMessages(long chat) {
        List<ObjectNode> messages = new ArrayList<>();
        for (TelegramMessage m : logs.getOrDefault(chat, List.of())) {
            if (!m.text.text().isEmpty() || m.media != null) {
                messages.add(shownWithSender(m));
            }
        }
        return messages;
    }

    private ObjectNode shownWithSender(TelegramMessage m) {
        ObjectNode node = shown(m);
        if (m.media != null) {
            TelegramMedia.captioned(node);
            TelegramMedia.fill(node, m.media, m.mediaEmoji, m.messageId);
        }
        ObjectNode from = node.putObject("from");
        from.put("id", m.fromId);
        from.put("first_name", m.fromBot() ? TelegramEmulator.BOT_FIRST_NAME : chats.user(m.fromId).firstName);
        from.put("is_bot", m.fromBot());
        if (m.replyTo != null) {
            node.put("reply_to", m.replyTo.messageId);
        }
        return node;
    }

    /** A message as the chat shows it now. */
    private static ObjectNode shown(TelegramMessage m) {
        ObjectNode node = JsonIo.object();
        node.put("message_id", m.messageId);
        node.put("date", m.date.getEpochSecond());
        node.put("text", m.text.text());
        if (!m.text.entities().isEmpty()) {
            node.set("entities", m.text.entitiesJson());
        }
        if (m.keyboard != null) {
            node.set("reply_markup", m.keyboard.deepCopy());
        }
        if (m.linkPreview != null) {
            node.put("link_preview", m.linkPreview);
        }
        if (m.editDate != null) {
            node.put("edit_date", m.editDate.getEpochSecond());
        }
        if (m.topicMessage) {
            node.put("message_thread_id", m.threadId);
        }
        return node;
    }
}
