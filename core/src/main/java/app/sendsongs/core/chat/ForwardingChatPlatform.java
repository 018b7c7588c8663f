package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Platform;
import java.util.Optional;

/**
 * A chat platform that passes every call to the one it wraps: the base of a wrapper that adds something around
 * {@link #send}, so that it overrides that alone and never drops a call the port gains later (a wrapper that did
 * would answer with the port's default instead of the platform's own).
 */
public abstract class ForwardingChatPlatform implements ChatPlatform {
    protected final ChatPlatform platform;

    protected ForwardingChatPlatform(ChatPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform.platform();
    }

    @Override
    public int maxTextLength() {
        return platform.maxTextLength();
    }

    @Override
    public boolean showsRichMessages() {
        return platform.showsRichMessages();
    }

    @Override
    public boolean sendsCardApart() {
        return platform.sendsCardApart();
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        return platform.send(recipientId, message, kind, reference);
    }

    @Override
    public Optional<GroupChatPlatform> groupChats() {
        return platform.groupChats();
    }

    @Override
    public Optional<String> conversationLink(String ref) {
        return platform.conversationLink(ref);
    }

    @Override
    public Optional<String> chatLink() {
        return platform.chatLink();
    }

    @Override
    public Optional<String> displayName(String recipientId) {
        return platform.displayName(recipientId);
    }

    @Override
    public Optional<String> handle(String recipientId) {
        return platform.handle(recipientId);
    }
}
