package app.sendsongs.core.chat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where one chat's pace stands, and the arithmetic of it: a GCRA with a burst for the chat, the times of its last
 * messages for a group's window, and a hold from a platform's "retry after". Not thread-safe: a {@link PaceLedger}
 * changes it under its lock, or reads it, changes it and writes it back if nobody else did meanwhile.
 */
public final class ChatPace {
    /** The theoretical arrival time of the chat's pace. */
    private Instant next;
    private Instant heldUntil;
    /** A group's last slots, oldest first, at most {@link PaceRules#groupMessages()}; null for a private chat. */
    private Deque<Instant> groupSlots;

    /** A chat that has had no message yet. */
    public ChatPace() {
        this(Instant.EPOCH, Instant.EPOCH, List.of());
    }

    /** A chat's pace as kept ({@link #next()}, {@link #heldUntil()}, {@link #groupSlots()}). */
    public ChatPace(Instant next, Instant heldUntil, List<Instant> groupSlots) {
        this.next = next;
        this.heldUntil = heldUntil;
        this.groupSlots = groupSlots.isEmpty() ? null : new ArrayDeque<>(groupSlots);
    }

    /** The earliest instant at or after {@code now} that the chat's limits allow. */
    public Instant slot(Instant now, PaceRules rules, boolean group) {
        Instant slot = later(now, next.minus(rules.chatBurstSpan()));
        slot = later(slot, heldUntil);
        if (group && groupSlots != null && groupSlots.size() >= rules.groupMessages()) {
            slot = later(slot, groupSlots.peekFirst().plus(rules.groupWindow()));
        }
        return slot;
    }

    /** Takes {@code slot}, found by {@link #slot}. */
    public void take(Instant slot, PaceRules rules, boolean group) {
        next = later(next, slot).plus(rules.chatInterval());
        if (group) {
            if (groupSlots == null) {
                groupSlots = new ArrayDeque<>();
            }
            groupSlots.addLast(slot);
            while (groupSlots.size() > rules.groupMessages()) {
                groupSlots.pollFirst();
            }
        }
    }

    /** Nothing goes to the chat before {@code until}. */
    public void hold(Instant until) {
        heldUntil = later(heldUntil, until);
    }

    /** When the pace stops holding anything back: after that it is as if the chat had had no message. */
    public Instant holdsBackUntil(PaceRules rules) {
        Instant until = later(next, heldUntil);
        return groupSlots == null ? until : later(until, groupSlots.peekLast().plus(rules.groupWindow()));
    }

    public Instant next() {
        return next;
    }

    public Instant heldUntil() {
        return heldUntil;
    }

    public List<Instant> groupSlots() {
        return groupSlots == null ? List.of() : List.copyOf(groupSlots);
    }

    /**
     * The overall pace of all chats, a GCRA with a burst of a second's messages: the instant at or after
     * {@code now} the next message may go, taken. {@code tat} is the pace's theoretical arrival time before it;
     * the new one is the answer plus {@link PaceRules#overallInterval()}, or {@code tat} plus it if later.
     */
    public static Instant overallSlot(Instant tat, Instant now, PaceRules rules) {
        return later(now, tat.minus(rules.overallBurstSpan()));
    }

    /** The overall pace's theoretical arrival time once {@code slot} ({@link #overallSlot}) is taken. */
    public static Instant overallAfter(Instant tat, Instant slot, PaceRules rules) {
        return later(tat, slot).plus(rules.overallInterval());
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
