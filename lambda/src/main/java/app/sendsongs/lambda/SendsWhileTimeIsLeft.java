package app.sendsongs.lambda;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.ForwardingChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat platform that sends only while the invocation has the time for a send to end: once less than
 * {@link #TIME_TO_SEND} is left, a send fails for now without calling the platform, so the outbox keeps the message
 * held and tries it again later (the tick's retries, a minute on), in the person's order. Lambda kills an invocation at
 * its timeout: a group send to several members while the Send API did not answer waited out one 10-second timeout a
 * member, so the inbound function was killed part way, and its whole batch, other people's events too, came back only
 * when the queue's visibility timeout ended (six minutes), a receive nearer the dead-letter queue each time.
 */
final class SendsWhileTimeIsLeft extends ForwardingChatPlatform {
    /**
     * A send at its connect and request timeouts (5 and 10 s), and the time to finish the handling after it (its
     * writes, the batch's answer).
     */
    static final Duration TIME_TO_SEND = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(SendsWhileTimeIsLeft.class);

    private final InvocationTime time;

    SendsWhileTimeIsLeft(ChatPlatform platform, InvocationTime time) {
        super(platform);
        this.time = time;
    }

    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        if (!time.hasLeft(TIME_TO_SEND)) {
            LOG.warn("a message to {} is held to be sent later: too little of the invocation's time is left",
                    platform().id());
            return new SendOutcome.Failed("too little of the invocation's time is left to send");
        }
        return platform.send(recipientId, message, kind, reference);
    }
}
