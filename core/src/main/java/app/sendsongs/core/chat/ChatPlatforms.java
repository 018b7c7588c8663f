package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.TextDirection;
import java.util.ArrayList;
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

    /** A link that opens the conversation with the bot on {@code platform}, carrying nothing; empty when none. */
    public Optional<String> chatLink(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform)).flatMap(ChatPlatform::chatLink);
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
     * {@code message} as it goes to {@code to}, in the parts its platform takes: a text longer than
     * the platform allows is cut (at line or word breaks), the choices and card going with the last
     * part, and each line that would start right to left is marked to read left to right ({@link TextDirection});
     * on a platform that {@linkplain ChatPlatform#sendsCardApart sends a card apart} the card
     * (with the choices) is a part of its own after the text, so a crash between them never sends the
     * text again. A platform that shows no choices or cards gets the message's fallback text. Each part is sent,
     * and recorded as sent, on its own, so a part that went is never sent again. An address on a
     * platform that is not configured gets the message as it is (sending it is refused).
     */
    public List<Message> parts(ChatAddress to, Message message) {
        ChatPlatform platform = byPlatform.get(to.platform());
        if (platform == null) {
            return List.of(message);
        }
        Message rendered = platform.showsRichMessages() ? message : Message.text(message.fallbackText());
        Message sendable = rendered.withText(TextDirection.leftToRight(rendered.text()));
        if (sendable.text().isBlank()) {
            return List.of(sendable); // a card alone
        }
        boolean cardApart = platform.sendsCardApart() && sendable.card().isPresent();
        List<String> texts = MessageText.split(sendable.text(), platform.maxTextLength());
        List<Message> parts = new ArrayList<>(texts.size() + 1);
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1 && !cardApart;
            parts.add(last ? sendable.withText(texts.get(i)) : Message.text(texts.get(i)));
        }
        if (cardApart) {
            parts.add(sendable.withText(""));
        }
        return parts;
    }

    /**
     * Sends one part (see {@link #parts}) to {@code to}, with the core's id of it as its
     * {@code reference}.
     */
    public SendOutcome send(ChatAddress to, Message part, MessageKind kind, String reference) {
        ChatPlatform platform = byPlatform.get(to.platform());
        if (platform == null) {
            return new SendOutcome.Unreachable("no chat platform " + to.platform() + " is configured");
        }
        return platform.send(to.id(), part, kind, reference);
    }

    /** The name the person's platform shows for them, if it gives one (see {@link ChatPlatform#displayName}). */
    public Optional<String> displayName(ChatAddress person) {
        ChatPlatform platform = byPlatform.get(person.platform());
        return platform == null ? Optional.empty() : platform.displayName(person.id())
                .map(String::strip).filter(name -> !name.isEmpty());
    }

    /** The person's handle on their platform now, if it has handles and answers (see {@link ChatPlatform#handle}). */
    public Optional<String> handle(ChatAddress person) {
        ChatPlatform platform = byPlatform.get(person.platform());
        return platform == null ? Optional.empty() : platform.handle(person.id()).map(String::strip)
                .flatMap(Handles::valid);
    }
}
