package app.sendsongs.lambda;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.user.HandleSeen;
import app.sendsongs.web.WebResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/** What both webhook functions answer when a call's events could not all be put on the intake queue. */
final class IntakeAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeAnswers.class);

    private IntakeAnswers() {
    }

    /**
     * Puts the events on the queue; the answer that asks the platform to deliver the call again when SQS did not take
     * every one of them, or empty when it did. The events SQS took meanwhile are dropped by their deduplication id
     * when they come again (within five minutes; later, the bot recognises them by their delivery key).
     */
    static Optional<WebResponse> notQueued(InboundQueue queue, List<Inbound> events) {
        return notQueued(queue, events, Optional.empty());
    }

    /** As {@link #notQueued(InboundQueue, List)}, the events carrying the handle {@code seen} of their sender. */
    static Optional<WebResponse> notQueued(InboundQueue queue, List<Inbound> events, Optional<HandleSeen> seen) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        int notQueued;
        try {
            notQueued = queue.send(events, seen);
        } catch (InboundCodec.TooLargeException e) {
            LOG.error("webhook POST refused: {}", e.getMessage());
            return Optional.of(WebResponse.text(413, "an event is too large to queue"));
        } catch (SdkException e) {
            LOG.error("the intake queue could not be reached", e);
            return Optional.of(WebResponse.text(500, "the events could not be queued; deliver again"));
        }
        return notQueued == 0 ? Optional.empty() : Optional.of(WebResponse.text(500, notQueued + " of "
                + events.size() + " events were not queued; deliver again"));
    }
}
