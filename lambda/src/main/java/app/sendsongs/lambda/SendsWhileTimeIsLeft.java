package app.sendsongs.lambda;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.ForwardingChatPlatform;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat platform that calls the platform only while the invocation has the time for a call to end: once less than
 * {@link #TIME_TO_SEND} is left, a send fails for now without calling the platform, so the outbox keeps the message
 * held and tries it again later (the tick's retries, a minute on), in the person's order. So it is with everything
 * else the function asks of the platform: an edit of a group chat's song message is held back (the song's message is
 * due again, and the tick edits it), a tap is left unanswered (Telegram stops showing its spinner by itself), whether
 * someone is in a chat is not known now, and a person's name or handle could not be read now. Lambda kills an
 * invocation at its timeout: a group send to several members while the Send API did not answer waited out one
 * 10-second timeout a member, so the inbound function was killed part way, and its whole batch, other people's events
 * too, came back only when the queue's visibility timeout ended (six minutes), a receive nearer the dead-letter queue
 * each time; the registration function was killed before it answered the browser its page.
 */
final class SendsWhileTimeIsLeft extends ForwardingChatPlatform {
    /**
     * A call at its connect and request timeouts (5 and 10 s), and the time to finish the handling after it (its
     * writes, the batch's answer or the page).
     */
    static final Duration TIME_TO_SEND = Duration.ofSeconds(20);
    static final String TOO_LITTLE_TIME = "too little of the invocation's time is left";

    private static final Logger LOG = LoggerFactory.getLogger(SendsWhileTimeIsLeft.class);

    private final InvocationTime time;

    SendsWhileTimeIsLeft(ChatPlatform platform, InvocationTime time) {
        super(platform);
        this.time = time;
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        if (!timeToCall("a message to " + platform().id() + " is held to be sent later")) {
            return new SendOutcome.Failed(TOO_LITTLE_TIME + " to send");
        }
        return platform.send(recipientId, message, kind, reference);
    }

    @Override
    public Optional<GroupChatPlatform> groupChats() {
        return platform.groupChats().map(GroupChatsWhileTimeIsLeft::new);
    }

    @Override
    public Optional<String> displayName(String recipientId) {
        return timeToCall("a name on " + platform().id() + " is not read") ? platform.displayName(recipientId)
                : Optional.empty();
    }

    @Override
    public Optional<String> handle(String recipientId) {
        return timeToCall("a handle on " + platform().id() + " is not read") ? platform.handle(recipientId)
                : Optional.empty();
    }

    /** Whether a call to the platform may start now; when not, logs {@code what} is left undone. */
    private boolean timeToCall(String what) {
        if (time.hasLeft(TIME_TO_SEND)) {
            return true;
        }
        LOG.warn("{}: {}", what, TOO_LITTLE_TIME);
        return false;
    }

    /** The platform's group chats, called only while the invocation has the time for a call to end. */
    private final class GroupChatsWhileTimeIsLeft implements GroupChatPlatform {
        private final GroupChatPlatform chats;

        GroupChatsWhileTimeIsLeft(GroupChatPlatform chats) {
            this.chats = chats;
        }

        @Override
        public Outcome edit(String chatId, String messageRef, Message message) {
            if (!timeToCall("a group chat's message on " + platform().id() + " is edited later")) {
                return new Outcome.RetryLater(TOO_LITTLE_TIME + " to edit", Optional.empty());
            }
            return chats.edit(chatId, messageRef, message);
        }

        @Override
        public Optional<String> title(String chatId) {
            return timeToCall("a group chat's title on " + platform().id() + " is not asked")
                    ? chats.title(chatId) : Optional.empty();
        }

        @Override
        public Optional<String> movedTo(String chatId) {
            return timeToCall("whether a group chat on " + platform().id() + " moved is not asked")
                    ? chats.movedTo(chatId) : Optional.empty();
        }

        @Override
        public Membership membership(String chatId, String personId) {
            return timeToCall("who is in a group chat on " + platform().id() + " is not asked")
                    ? chats.membership(chatId, personId) : Membership.UNKNOWN;
        }

        @Override
        public void answerTap(String tapId, String notice, Optional<URI> open) {
            if (timeToCall("a tap on " + platform().id() + " is left unanswered")) {
                chats.answerTap(tapId, notice, open);
            }
        }

        @Override
        public URI privateChatLink(String ref) {
            return chats.privateChatLink(ref);
        }
    }
}
