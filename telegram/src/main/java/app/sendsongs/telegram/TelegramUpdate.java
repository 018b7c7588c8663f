package app.sendsongs.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One webhook update (https://core.telegram.org/bots/api#update) as the bot uses it. Every case carries the
 * {@code update_id}, the same when Telegram sends the update again, so it is the update's dedupe key.
 */
public sealed interface TelegramUpdate {
    long updateId();

    /** Who wrote or tapped: a Telegram account (never a bot). {@link #toString()} leaves the names out. */
    record Sender(long id, String firstName, Optional<String> lastName, Optional<String> username) {
        public Sender {
            Objects.requireNonNull(firstName, "firstName");
        }

        /** First and last name as the person shows them. */
        public String displayName() {
            return lastName.map(last -> firstName + " " + last).orElse(firstName);
        }

        @Override
        public String toString() {
            return "Sender[id=" + id + "]";
        }
    }

    /**
     * Where it happened: a private chat (its id is the person's) or a group; and {@code topic}, the forum topic of a
     * supergroup whose topics are turned on, when the message is in one ({@code message_thread_id} with
     * {@code is_topic_message}, https://core.telegram.org/bots/api#message). A reply thread's
     * {@code message_thread_id}, without {@code is_topic_message}, is no topic.
     */
    record Chat(long id, Type type, Optional<String> title, OptionalLong topic) {
        public enum Type { PRIVATE, GROUP, SUPERGROUP }

        /** Outside any topic. */
        public Chat(long id, Type type, Optional<String> title) {
            this(id, type, title, OptionalLong.empty());
        }

        public boolean isGroup() {
            return type != Type.PRIVATE;
        }

        /** The same chat, in the forum topic {@code id} (empty: in none). */
        public Chat inTopic(OptionalLong id) {
            return new Chat(this.id, type, title, id);
        }
    }

    /** A text that is not a command: in a private chat, or in a group a reply to the bot that does not mention it. */
    record TextMessage(long updateId, long messageId, Sender from, Chat chat, Instant at, String text)
            implements TelegramUpdate {
    }

    /**
     * A message the person edited ({@code edited_message}, "New version of a message that is known to the bot and
     * was edited", https://core.telegram.org/bots/api#update): in a private chat any text, in a group only a command
     * for this bot or a mention of it. {@code at} is its {@code edit_date} ("Date the message was last edited",
     * https://core.telegram.org/bots/api#message); each edit comes as an update of its own.
     */
    record Edited(long updateId, long messageId, Sender from, Chat chat, Instant at) implements TelegramUpdate {
    }

    /**
     * A message in a private chat with no text or caption that the bot cannot read: a photo, a voice message, a
     * sticker (but a thumbs-up or down)... {@code what} names it as the bot says it back.
     */
    record Unreadable(long updateId, long messageId, Sender from, Chat chat, Instant at, String what)
            implements TelegramUpdate {
    }

    /**
     * {@code /name arguments}, or {@code /name@ThisBot arguments} as group members write it: {@code name} without the
     * '/' and the bot's name, {@code arguments} the rest of the text, stripped (may be empty). {@code repliedText} is
     * the text (or caption) of the message the command answers, when it was sent as a reply to one, and
     * {@code repliedAuthor} the user id of the person who wrote it ({@code reply_to_message.from}), when they are a
     * person (not a bot, nor an admin or channel posting as the chat) and it has text.
     */
    record Command(long updateId, long messageId, Sender from, Chat chat, Instant at, String name, String arguments,
                   Optional<String> repliedText, OptionalLong repliedAuthor) implements TelegramUpdate {
    }

    /**
     * A text in a group that mentions this bot ({@code @ThisBot <link> a note}), as people address a bot there without
     * a command: {@code text} is the rest of the message, the mention taken out and stripped; {@code repliedText} and
     * {@code repliedAuthor} as a {@link Command} has them.
     */
    record Mention(long updateId, long messageId, Sender from, Chat chat, Instant at, String text,
                   Optional<String> repliedText, OptionalLong repliedAuthor) implements TelegramUpdate {
    }

    /**
     * {@code /start}, sent when a person opens the bot, with the payload of a {@code t.me/<bot>?start=<payload>} link
     * (1-64 of {@code A-Z a-z 0-9 _ -}) when they came through one (https://core.telegram.org/bots/features#deep-linking).
     */
    record Start(long updateId, long messageId, Sender from, Chat chat, Instant at, Optional<String> payload)
            implements TelegramUpdate {
    }

    /**
     * A tap on an inline button: answer {@code callbackQueryId} with {@code answerCallbackQuery}. The chat and message
     * are absent for a button under an inline-mode message. {@code buttonText} is what the tapped button showed (empty
     * when the message's keyboard did not come along), {@code keyboard} the message's whole inline keyboard as it was
     * tapped (its callback and URL buttons; empty when it did not come along or could not be read).
     */
    record ButtonPress(long updateId, String callbackQueryId, Sender from, Optional<Chat> chat, OptionalLong messageId,
                       Instant at, String data, String buttonText, List<List<InlineButton>> keyboard)
            implements TelegramUpdate {
        public ButtonPress {
            keyboard = keyboard.stream().map(List::copyOf).toList();
        }

        /** A tap whose message's keyboard did not come along. */
        public ButtonPress(long updateId, String callbackQueryId, Sender from, Optional<Chat> chat,
                           OptionalLong messageId, Instant at, String data, String buttonText) {
            this(updateId, callbackQueryId, from, chat, messageId, at, data, buttonText, List.of());
        }
    }

    /**
     * The bot's own membership of a chat changed ({@code my_chat_member}): added to a group or removed from it, or in
     * a private chat, blocked ({@code inChat} false) or unblocked by the person. {@code from} is who changed it.
     */
    record BotMembership(long updateId, Sender from, Chat chat, Instant at, boolean inChat) implements TelegramUpdate {
    }

    /**
     * The group was renamed (the {@code new_chat_title} service message, https://core.telegram.org/bots/api#message,
     * which a bot gets in privacy mode too): {@code chat} carries the new title. {@code by} is who renamed it, when a
     * person did (not an anonymous admin).
     */
    record GroupRenamed(long updateId, Chat chat, Optional<Sender> by, Instant at) implements TelegramUpdate {
    }

    /** A person left a group or was removed from it (the {@code left_chat_member} service message). */
    record MemberLeft(long updateId, Chat chat, long userId, Instant at) implements TelegramUpdate {
    }

    /**
     * The basic group {@code chat} was upgraded to the supergroup {@code supergroupId}, a chat with a new id (the
     * {@code migrate_to_chat_id} service message, https://core.telegram.org/bots/api#message); the old id takes no more
     * messages. {@code by} is who upgraded it, when a person did.
     */
    record GroupUpgraded(long updateId, Chat chat, long supergroupId, Optional<Sender> by, Instant at)
            implements TelegramUpdate {
    }

    /**
     * A command for this bot in a group from someone the bot cannot tell: an anonymous admin, who posts as the group
     * itself, or a channel posting in its linked group ({@code sender_chat}, https://core.telegram.org/bots/api#message).
     * Nobody can be answered privately or counted in, so the chat is told how to share instead, in the forum topic
     * {@code topic} the command was sent in, if any.
     */
    record AnonymousCommand(long updateId, long chatId, OptionalLong topic) implements TelegramUpdate {
        /** Outside any topic. */
        public AnonymousCommand(long updateId, long chatId) {
            this(updateId, chatId, OptionalLong.empty());
        }
    }

    /** An update the bot has no use for (an edit, a channel post, a sticker, a change of members...): answer 200. */
    record Ignored(long updateId, String reason) implements TelegramUpdate {
    }
}
