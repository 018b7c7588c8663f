package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.ChatPlace;
import app.sendsongs.core.chat.ForwardingChatPlatform;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/**
 * A recording chat platform that also has group chats ({@link FakeGroupChats}), as Telegram does: a message sent to a
 * chat's id is posted in that chat (to a topic's address, in that topic), and sent with the post's id, as Telegram's
 * {@code sendMessage} answers it.
 */
public final class GroupChattingPlatform extends ForwardingChatPlatform {
    private final RecordingChat chat;
    private final FakeGroupChats groups;

    public GroupChattingPlatform(RecordingChat chat, FakeGroupChats groups) {
        super(chat);
        this.chat = chat;
        this.groups = groups;
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        ChatPlace place = ChatPlace.of(new ChatAddress(platform(), recipientId));
        if (!groups.isChat(place.chat().id())) {
            return chat.send(recipientId, message, kind, reference);
        }
        return switch (groups.post(place.chat().id(), place.topic(), message)) {
            case GroupChatPlatform.Outcome.Posted posted -> new SendOutcome.Sent(Optional.of(posted.messageRef()));
            case GroupChatPlatform.Outcome.Gone gone -> new SendOutcome.Unreachable(gone.reason());
            case GroupChatPlatform.Outcome.OutOfChat out -> new SendOutcome.Unreachable(out.reason());
            case GroupChatPlatform.Outcome.RetryLater later -> new SendOutcome.Failed(later.reason(), later.retryAfter());
        };
    }

    @Override
    public Optional<GroupChatPlatform> groupChats() {
        return Optional.of(groups);
    }
}
