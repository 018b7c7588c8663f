package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where in a group chat the bot posts: the whole chat, or one of its topics (a Telegram forum's topic), named by the
 * platform's id of it. The outbox sends to an address, so a topic has one of its own, made of the chat's:
 * {@link #address()} is the chat's id, {@value #TOPIC_MARK} and the topic's id ({@code telegram:-1001987654321/12}).
 * It is only ever sent to: who is counted in, the chat's songs and everything else are kept under the chat's own
 * address. A platform's adapter reads the place back from the address it is to send to ({@link #of}).
 */
public record ChatPlace(ChatAddress chat, Optional<String> topic) {
    /** What comes between the chat's id and the topic's in a topic's address. */
    public static final char TOPIC_MARK = '/';

    public ChatPlace {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(topic, "topic");
        if (topic.filter(id -> id.isBlank() || id.indexOf(TOPIC_MARK) >= 0 || !id.strip().equals(id)).isPresent()) {
            throw new IllegalArgumentException("a topic's id is a word without '" + TOPIC_MARK + "'");
        }
    }

    /** The address to send to: the chat's own, or its topic's. */
    public ChatAddress address() {
        return topic.map(id -> new ChatAddress(chat.platform(), chat.id() + TOPIC_MARK + id)).orElse(chat);
    }

    /** The place an {@link #address()} names: a chat's own address is the whole chat. */
    public static ChatPlace of(ChatAddress address) {
        int mark = address.id().lastIndexOf(TOPIC_MARK);
        if (mark <= 0 || mark == address.id().length() - 1) {
            return new ChatPlace(address, Optional.empty());
        }
        return new ChatPlace(new ChatAddress(address.platform(), address.id().substring(0, mark)),
                Optional.of(address.id().substring(mark + 1)));
    }
}
