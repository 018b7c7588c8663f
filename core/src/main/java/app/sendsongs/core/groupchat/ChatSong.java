package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.ChatPlace;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The message that shows a song sent in a group chat ({@code groupSendId}) in that chat, kept up to date as its
 * receivers play it. {@code messageRef} names the posted message (empty until it was posted, and again once its chat
 * moved to a new address, where it is posted anew); {@code updateDueAt} is
 * when it must be posted or edited again because the last try could not go (empty when it shows the latest);
 * {@code awaitingBot}: it had to change while the bot was out of the chat, and is edited when the bot is added back;
 * {@code topic}: the chat's topic it is posted in (a Telegram forum's, where the song was sent), empty for the chat
 * itself ({@link ChatPlace}).
 */
public record ChatSong(String groupSendId, ChatAddress chat, Optional<String> messageRef,
                       Optional<Instant> updateDueAt, boolean awaitingBot, Optional<String> topic) {
    public ChatSong {
        Objects.requireNonNull(groupSendId, "groupSendId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(messageRef, "messageRef");
        Objects.requireNonNull(updateDueAt, "updateDueAt");
        Objects.requireNonNull(topic, "topic");
    }

    /** In the chat itself, outside any topic. */
    public ChatSong(String groupSendId, ChatAddress chat, Optional<String> messageRef, Optional<Instant> updateDueAt,
                    boolean awaitingBot) {
        this(groupSendId, chat, messageRef, updateDueAt, awaitingBot, Optional.empty());
    }

    /** Not waiting for the bot, in the chat itself. */
    public ChatSong(String groupSendId, ChatAddress chat, Optional<String> messageRef, Optional<Instant> updateDueAt) {
        this(groupSendId, chat, messageRef, updateDueAt, false);
    }

    /** Posted in the chat's topic {@code id} (empty: in the chat itself). */
    public ChatSong inTopic(Optional<String> id) {
        return new ChatSong(groupSendId, chat, messageRef, updateDueAt, awaitingBot, id);
    }

    /** Where the message is posted: the chat's topic, or the chat ({@link ChatPlace#address()}). */
    public ChatAddress postedTo() {
        return new ChatPlace(chat, topic).address();
    }

    /** Shown as {@code ref}, up to date. */
    public ChatSong shownAs(String ref) {
        return new ChatSong(groupSendId, chat, Optional.of(ref), Optional.empty(), false, topic);
    }

    /** To be posted or edited again from {@code at}. */
    public ChatSong dueAt(Instant at) {
        return new ChatSong(groupSendId, chat, messageRef, Optional.of(at), false, topic);
    }

    /** To be edited when the bot is added back to the chat it was removed from. */
    public ChatSong untilTheBotIsBack() {
        return new ChatSong(groupSendId, chat, messageRef, Optional.empty(), true, topic);
    }
}
