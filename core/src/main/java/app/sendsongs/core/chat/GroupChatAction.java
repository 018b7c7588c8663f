package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Objects;
import java.util.Optional;

/** What happened in a group chat the bot is in, as {@link Inbound.InGroupChat} carries it. */
public sealed interface GroupChatAction {
    /**
     * A command meant for the bot ({@code /send <link> notes}): its {@code name} (lower case, without the '/'), the
     * rest of the text, the text of the message it was sent in reply to, if it was, and that message's author when
     * it has text and was written by a person (not the bot, a channel or an admin posting as the group).
     */
    record Command(String name, String arguments, Optional<String> repliedText, Optional<ChatAddress> repliedAuthor)
            implements GroupChatAction {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
            Objects.requireNonNull(repliedText, "repliedText");
            Objects.requireNonNull(repliedAuthor, "repliedAuthor");
            if (repliedAuthor.isPresent() && repliedText.isEmpty()) {
                throw new IllegalArgumentException("an author of a replied message is kept only with its text");
            }
        }

        /** A command that answers no message, or one whose author is not known. */
        public Command(String name, String arguments, Optional<String> repliedText) {
            this(name, arguments, repliedText, Optional.empty());
        }
    }

    /**
     * A tap on a button under one of the bot's messages in the chat; {@code tapId} is the platform's id of the tap,
     * which must be answered ({@link GroupChatPlatform#answerTap}).
     */
    record Tap(String payload, String tapId) implements GroupChatAction {
        public Tap {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(tapId, "tapId");
        }
    }

    /**
     * A message meant for the bot (a command, a mention of it) was edited; the event id names the message edited
     * ({@link Inbound#editedMessageId}), so it is answered once however many times it is edited.
     */
    record Edited() implements GroupChatAction {
    }

    /** The bot was added to the chat (by the event's sender). */
    record BotAdded() implements GroupChatAction {
    }

    /** The bot was removed from the chat. */
    record BotRemoved() implements GroupChatAction {
    }

    /** Someone renamed the chat: the event's {@link GroupChat#title()} is its new title. */
    record Renamed() implements GroupChatAction {
    }

    /**
     * The chat goes on as another chat, at {@code to}: a Telegram group upgraded to a supergroup gets a new id, and the
     * old one takes no more messages. Who is counted in, and the chat's songs still open, go along.
     */
    record Moved(ChatAddress to) implements GroupChatAction {
        public Moved {
            Objects.requireNonNull(to, "to");
        }
    }

    /** {@code member} left the chat or was removed from it. */
    record MemberLeft(ChatAddress member) implements GroupChatAction {
        public MemberLeft {
            Objects.requireNonNull(member, "member");
        }
    }
}
