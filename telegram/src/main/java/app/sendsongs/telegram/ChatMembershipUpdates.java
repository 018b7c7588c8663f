package app.sendsongs.telegram;

import static app.sendsongs.telegram.UpdateFields.NOT_THEIR_CHAT;
import static app.sendsongs.telegram.UpdateFields.chat;
import static app.sendsongs.telegram.UpdateFields.sender;
import static app.sendsongs.telegram.UpdateFields.theirs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Updates about who is in a chat: the bot added to one or removed (or blocked), a person leaving a group, and a group
 * upgraded to a supergroup.
 */
final class ChatMembershipUpdates {
    private final Clock clock;

    ChatMembershipUpdates(Clock clock) {
        this.clock = clock;
    }

    /**
     * The group became a supergroup with a new id: whoever did it (a person, or the group itself for an anonymous
     * admin), the bot must follow the chat to its new id.
     */
    TelegramUpdate upgraded(long updateId, JsonNode message) {
        Optional<TelegramUpdate.Chat> chat = chat(message.path("chat"));
        long supergroupId = message.path("migrate_to_chat_id").asLong();
        if (chat.isEmpty() || !chat.get().isGroup() || supergroupId >= 0 || supergroupId == chat.get().id()) {
            return new TelegramUpdate.Ignored(updateId, "a group upgrade without a group or a new group id");
        }
        return new TelegramUpdate.GroupUpgraded(updateId, chat.get(), supergroupId, sender(message.path("from")),
                date(message));
    }

    /** A group renamed: its {@code chat} carries the new title. */
    TelegramUpdate renamed(long updateId, Optional<TelegramUpdate.Chat> chat, Optional<TelegramUpdate.Sender> by,
                           JsonNode message) {
        if (chat.isEmpty() || !chat.get().isGroup()) {
            return new TelegramUpdate.Ignored(updateId, "a service message");
        }
        return new TelegramUpdate.GroupRenamed(updateId, chat.get(), by, date(message));
    }

    TelegramUpdate memberLeft(long updateId, TelegramUpdate.Chat chat, JsonNode message) {
        JsonNode left = message.path("left_chat_member");
        if (!chat.isGroup() || !left.path("id").canConvertToLong() || left.path("id").asLong() <= 0
                || left.path("is_bot").asBoolean(false)) {
            return new TelegramUpdate.Ignored(updateId, "a service message");
        }
        return new TelegramUpdate.MemberLeft(updateId, chat, left.path("id").asLong(), date(message));
    }

    /**
     * https://core.telegram.org/bots/api#chatmemberupdated, which is always about the bot itself here. Telegram sends
     * one for every change of the bot's status in a group (https://core.telegram.org/bots/api#update,
     * {@code my_chat_member}), also when it stays in: made an admin, no longer one, restricted. Only a change between
     * out of the chat and in it is the bot added or removed.
     */
    TelegramUpdate botMembership(long updateId, JsonNode change) {
        Optional<TelegramUpdate.Sender> from = sender(change.path("from"));
        Optional<TelegramUpdate.Chat> chat = chat(change.path("chat"));
        JsonNode member = change.path("new_chat_member");
        if (from.isEmpty() || chat.isEmpty() || !member.path("status").isTextual()) {
            return new TelegramUpdate.Ignored(updateId, "a change of the bot's membership without a person or chat");
        }
        if (!theirs(chat.get(), from.get())) {
            return new TelegramUpdate.Ignored(updateId, NOT_THEIR_CHAT);
        }
        boolean inChat = inChat(member);
        JsonNode before = change.path("old_chat_member");
        if (before.path("status").isTextual() && inChat(before) == inChat) {
            return new TelegramUpdate.Ignored(updateId, "a change of the bot's rights in a chat it " + (inChat
                    ? "stays in" : "stays out of"));
        }
        return new TelegramUpdate.BotMembership(updateId, from.get(), chat.get(), date(change), inChat);
    }

    private static boolean inChat(JsonNode member) {
        return switch (member.path("status").asText()) {
            case "creator", "administrator", "member" -> true;
            case "restricted" -> member.path("is_member").asBoolean(false);
            default -> false;
        };
    }

    private Instant date(JsonNode message) {
        return UpdateFields.date(message, clock);
    }
}
