package app.sendsongs.telegram;

import app.sendsongs.core.shared.Graphemes;
import app.sendsongs.core.shared.UserText;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** What every kind of update carries alike, read the same way: the person, the chat, texts and dates. */
final class UpdateFields {
    static final int MAX_NAME = 64;
    private static final int MAX_USERNAME = 32;
    static final String NOT_THEIR_CHAT = "a private chat that is not the sender's";

    private UpdateFields() {
    }

    /** A person (https://core.telegram.org/bots/api#user); empty for a bot or a missing or unreadable user. */
    static Optional<TelegramUpdate.Sender> sender(JsonNode user) {
        JsonNode id = user.path("id");
        if (!user.isObject() || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0
                || user.path("is_bot").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(new TelegramUpdate.Sender(id.asLong(), clip(text(user, "first_name").orElse(""), MAX_NAME),
                text(user, "last_name").map(last -> clip(last, MAX_NAME)),
                text(user, "username").map(name -> clip(name, MAX_USERNAME))));
    }

    /**
     * Whether the person can be acting in the chat: any group, or their own private chat, whose id is theirs
     * (https://core.telegram.org/bots/api#chat). Telegram sends nothing else; read as from the sender, a private chat of
     * someone else's would have a tap take the choices off a message there.
     */
    static boolean theirs(TelegramUpdate.Chat chat, TelegramUpdate.Sender from) {
        return chat.isGroup() || chat.id() == from.id();
    }

    /** The message's chat ({@link #chat}), in the forum topic the message is in, if it is in one. */
    static Optional<TelegramUpdate.Chat> chatOf(JsonNode message) {
        return chat(message.path("chat")).map(chat -> chat.inTopic(topic(chat, message)));
    }

    /**
     * The forum topic a message is in: its {@code message_thread_id} when {@code is_topic_message} is true, in a
     * supergroup (https://core.telegram.org/bots/api#message). Empty for a message in a forum's General topic, and for a
     * reply outside any topic, which carries its reply thread as {@code message_thread_id} without
     * {@code is_topic_message} (https://github.com/tdlib/telegram-bot-api/issues/447): sending there is refused.
     */
    static OptionalLong topic(TelegramUpdate.Chat chat, JsonNode message) {
        JsonNode thread = message.path("message_thread_id");
        boolean inTopic = chat.type() == TelegramUpdate.Chat.Type.SUPERGROUP
                && message.path("is_topic_message").asBoolean(false) && thread.isIntegralNumber()
                && thread.canConvertToLong() && thread.asLong() > 0;
        return inTopic ? OptionalLong.of(thread.asLong()) : OptionalLong.empty();
    }

    /**
     * A private chat or group (https://core.telegram.org/bots/api#chat); empty for a channel or anything else, and for
     * an id of the wrong sign: a group's is negative and a private chat's is the person's, positive, so a group with a
     * positive id would be filed as that person's private chat.
     */
    static Optional<TelegramUpdate.Chat> chat(JsonNode chat) {
        JsonNode id = chat.path("id");
        if (!chat.isObject() || !id.isIntegralNumber() || !id.canConvertToLong()) {
            return Optional.empty();
        }
        TelegramUpdate.Chat.Type type = switch (chat.path("type").asText("")) {
            case "private" -> TelegramUpdate.Chat.Type.PRIVATE;
            case "group" -> TelegramUpdate.Chat.Type.GROUP;
            case "supergroup" -> TelegramUpdate.Chat.Type.SUPERGROUP;
            default -> null;
        };
        if (type == null || (type == TelegramUpdate.Chat.Type.PRIVATE) != id.asLong() > 0) {
            return Optional.empty();
        }
        return Optional.of(new TelegramUpdate.Chat(id.asLong(), type, text(chat, "title").map(UserText::oneLine)
                .filter(title -> !title.isBlank()).map(title -> clip(title, 128))));
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The text cut to at most {@code max} UTF-16 units, between characters as people see them. */
    static String clip(String text, int max) {
        return text.substring(0, Graphemes.cutAt(text, max));
    }

    /**
     * A message's {@code date}; the clock's time when it has none, and the latest time there is when it is past that
     * (the inbox then ignores it as dated far ahead).
     */
    static Instant date(JsonNode message, Clock clock) {
        return date(message, "date", clock);
    }

    /** As {@link #date(JsonNode, Clock)}, of the message's time {@code field} ({@code date}, {@code edit_date}). */
    static Instant date(JsonNode message, String field, Clock clock) {
        return message.path(field).canConvertToLong() && message.path(field).asLong() > 0
                ? Instant.ofEpochSecond(Math.min(message.path(field).asLong(), Instant.MAX.getEpochSecond()))
                : clock.instant();
    }
}
