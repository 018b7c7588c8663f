package app.sendsongs.core.chat;

import java.time.Duration;

/**
 * A chat platform's sending limits, as a {@link SendPacer} keeps them: in each chat a pace of one message every
 * {@code chatInterval} with bursts of {@code chatBurst}; in a group at most {@code groupMessages} in any
 * {@code groupWindow}; and {@code perSecond} messages a second in all, with bursts of a second's messages. The spans
 * the arithmetic uses on every message are worked out once.
 */
public final class PaceRules {
    private final Duration chatInterval;
    private final int chatBurst;
    private final int groupMessages;
    private final Duration groupWindow;
    private final int perSecond;
    private final Duration overallInterval;
    /** How far ahead of now a chat's pace may stand and still let a message go at once. */
    private final Duration chatBurstSpan;
    private final Duration overallBurstSpan;

    public PaceRules(Duration chatInterval, int chatBurst, int groupMessages, Duration groupWindow, int perSecond) {
        if (!chatInterval.isPositive() || !groupWindow.isPositive()) {
            throw new IllegalArgumentException("a pace's interval and window must be positive");
        }
        if (chatBurst < 1 || groupMessages < 1 || perSecond < 1 || perSecond > 1_000_000_000) {
            throw new IllegalArgumentException("a pace lets at least one message go, and at most one a nanosecond");
        }
        this.chatInterval = chatInterval;
        this.chatBurst = chatBurst;
        this.groupMessages = groupMessages;
        this.groupWindow = groupWindow;
        this.perSecond = perSecond;
        this.overallInterval = Duration.ofNanos(1_000_000_000L / perSecond);
        this.chatBurstSpan = chatInterval.multipliedBy(chatBurst - 1L);
        this.overallBurstSpan = overallInterval.multipliedBy(perSecond - 1L);
    }

    public Duration chatInterval() {
        return chatInterval;
    }

    public int chatBurst() {
        return chatBurst;
    }

    public int groupMessages() {
        return groupMessages;
    }

    public Duration groupWindow() {
        return groupWindow;
    }

    /** Messages a second in all. */
    public int perSecond() {
        return perSecond;
    }

    /** The time between two messages of the overall pace. */
    public Duration overallInterval() {
        return overallInterval;
    }

    Duration chatBurstSpan() {
        return chatBurstSpan;
    }

    Duration overallBurstSpan() {
        return overallBurstSpan;
    }
}
