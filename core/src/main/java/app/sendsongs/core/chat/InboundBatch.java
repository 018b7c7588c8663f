package app.sendsongs.core.chat;

import java.util.List;

/**
 * What one webhook call of a chat platform brought: what people did, in order, and the ids of the
 * bot's own messages the platform reports it delivered (Messenger's message echoes carry the id the
 * bot sent with each message, see {@link ChatPlatform#send}).
 */
public record InboundBatch(List<Inbound> events, List<String> echoedMessageIds) {
    public InboundBatch {
        events = List.copyOf(events);
        echoedMessageIds = List.copyOf(echoedMessageIds);
    }

    /** Events only, no echoes. */
    public static InboundBatch of(List<Inbound> events) {
        return new InboundBatch(events, List.of());
    }

    public boolean isEmpty() {
        return events.isEmpty() && echoedMessageIds.isEmpty();
    }
}
