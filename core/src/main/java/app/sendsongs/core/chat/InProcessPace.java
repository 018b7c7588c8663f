package app.sendsongs.core.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The pace kept in this process, under its lock: one process sending alone shares it among its threads. */
public final class InProcessPace implements PaceLedger {
    private static final int PRUNE_ABOVE = 10_000;

    private final PaceRules rules;
    private final Map<Long, ChatPace> chats = new HashMap<>();
    private Instant overallTat = Instant.EPOCH;

    public InProcessPace(PaceRules rules) {
        this.rules = rules;
    }

    @Override
    public PaceRules rules() {
        return rules;
    }

    @Override
    public synchronized Instant reserveChat(long chatId, boolean group, Instant now, Duration maxWait) {
        ChatPace pace = chats.get(chatId);
        if (pace == null) {
            pace = new ChatPace();
            chats.put(chatId, pace);
        }
        Instant slot = pace.slot(now, rules, group);
        if (Duration.between(now, slot).compareTo(maxWait) <= 0) {
            pace.take(slot, rules, group);
            prune(now);
        }
        return slot;
    }

    @Override
    public synchronized Instant reserveOverall(Instant now) {
        Instant slot = ChatPace.overallSlot(overallTat, now, rules);
        overallTat = ChatPace.overallAfter(overallTat, slot, rules);
        return slot;
    }

    @Override
    public synchronized void hold(long chatId, Instant until) {
        chats.computeIfAbsent(chatId, id -> new ChatPace()).hold(until);
    }

    /** Forgets chats whose pace no longer holds anything back, so that the map does not grow without end. */
    private void prune(Instant now) {
        if (chats.size() > PRUNE_ABOVE) {
            chats.values().removeIf(pace -> !pace.holdsBackUntil(rules).isAfter(now));
        }
    }
}
