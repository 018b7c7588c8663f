package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chat platforms the bot speaks on, one per {@link Platform}: sends a message through the
 * platform of the receiver's address, in as many parts as that platform's text limit needs, as
 * plain text where the platform shows no choices or cards. An address on a platform that is not
 * configured is {@link SendOutcome.Unreachable}.
 */
public final class ChatPlatforms {
    private final Map<Platform, ChatPlatform> byPlatform = new LinkedHashMap<>();

    public ChatPlatforms(List<? extends ChatPlatform> platforms) {
        for (ChatPlatform platform : platforms) {
            if (byPlatform.put(platform.platform(), platform) != null) {
                throw new IllegalArgumentException("two chat platforms for " + platform.platform());
            }
            if (platform.maxTextLength() < 2) {
                throw new IllegalArgumentException("the chat platform " + platform.platform()
                        + " must allow texts of at least 2 characters");
            }
        }
    }

    /** The platforms configured, in the order given. */
    public Set<Platform> platforms() {
        return byPlatform.keySet();
    }

    /** A link that opens a conversation with the bot on {@code platform}, carrying {@code ref}; empty when none. */
    public Optional<String> conversationLink(Platform platform, String ref) {
        return Optional.ofNullable(byPlatform.get(platform)).flatMap(chat -> chat.conversationLink(ref));
    }

    /**
     * The links that open a conversation with the bot carrying {@code ref}, on every platform that has them:
     * {@code first}'s before the others, the others in the order given.
     */
    public Map<Platform, String> conversationLinks(String ref, Platform first) {
        Map<Platform, String> links = new LinkedHashMap<>();
        conversationLink(first, ref).ifPresent(link -> links.put(first, link));
        byPlatform.forEach((platform, chat) -> {
            if (!links.containsKey(platform)) {
                chat.conversationLink(ref).ifPresent(link -> links.put(platform, link));
            }
        });
        return links;
    }

    /**
     * Sends {@code message} to {@code to}. A text longer than the platform allows goes in parts, the
     * choices and card with the last; the first part that is not sent stops the rest and is the outcome.
     */
    public SendOutcome send(ChatAddress to, Message message, MessageKind kind) {
        ChatPlatform platform = byPlatform.get(to.platform());
        if (platform == null) {
            return new SendOutcome.Unreachable("no chat platform " + to.platform() + " is configured");
        }
        Message sendable = platform.showsRichMessages() ? message : Message.text(message.fallbackText());
        List<String> parts = MessageText.split(sendable.text(), platform.maxTextLength());
        for (int i = 0; i < parts.size(); i++) {
            Message part = i < parts.size() - 1 ? Message.text(parts.get(i)) : sendable.withText(parts.get(i));
            SendOutcome outcome = platform.send(to.id(), part, kind);
            if (!(outcome instanceof SendOutcome.Sent)) {
                return outcome;
            }
        }
        return new SendOutcome.Sent();
    }

    /** The name the person's platform shows for them, if it gives one (see {@link ChatPlatform#displayName}). */
    public Optional<String> displayName(ChatAddress person) {
        ChatPlatform platform = byPlatform.get(person.platform());
        return platform == null ? Optional.empty() : platform.displayName(person.id())
                .map(String::strip).filter(name -> !name.isEmpty());
    }
}
