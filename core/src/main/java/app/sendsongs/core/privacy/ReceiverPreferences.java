package app.sendsongs.core.privacy;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person chose about the songs friends send them: whether senders are told when they play them (for
 * everyone, {@code receiptsByDefault}, and per sender), and whom they blocked. A sender with no rule gets the
 * default. At most {@value #MAX_RULES} senders have a rule of their own.
 */
public record ReceiverPreferences(ChatAddress receiver, boolean receiptsByDefault, Map<ChatAddress, SenderRule> rules) {
    public static final int MAX_RULES = 1_000;

    public ReceiverPreferences {
        Objects.requireNonNull(receiver, "receiver");
        rules = Map.copyOf(rules);
        if (rules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " senders have a rule of their own");
        }
        if (rules.containsKey(receiver)) {
            throw new IllegalArgumentException("a person has no rule about themselves");
        }
    }

    /** Nothing chosen: every sender's songs arrive and every sender is told. */
    public static ReceiverPreferences none(ChatAddress receiver) {
        return new ReceiverPreferences(receiver, true, Map.of());
    }

    public boolean isNone() {
        return receiptsByDefault && rules.isEmpty();
    }

    public boolean blocks(ChatAddress sender) {
        SenderRule rule = rules.get(sender);
        return rule != null && rule.blocks();
    }

    /** Whether {@code sender} is told when the receiver plays their song (never when blocked). */
    public boolean sharesReceiptsWith(ChatAddress sender) {
        SenderRule rule = rules.get(sender);
        return rule == null ? receiptsByDefault : rule == SenderRule.RECEIPTS_ON;
    }

    public Optional<SenderRule> ruleFor(ChatAddress sender) {
        return Optional.ofNullable(rules.get(sender));
    }

    /** The same, with {@code rule} for {@code sender} (none: back to the default). */
    public ReceiverPreferences withRule(ChatAddress sender, Optional<SenderRule> rule) {
        Map<ChatAddress, SenderRule> changed = new java.util.HashMap<>(rules);
        rule.ifPresentOrElse(r -> changed.put(sender, r), () -> changed.remove(sender));
        return new ReceiverPreferences(receiver, receiptsByDefault, changed);
    }

    /** The same, with {@code sender} blocked; receipts turned off for them stay off for when they are unblocked. */
    public ReceiverPreferences withBlock(ChatAddress sender) {
        return withRule(sender, Optional.of(rules.get(sender) == SenderRule.RECEIPTS_OFF
                ? SenderRule.BLOCKED_RECEIPTS_OFF : SenderRule.BLOCKED));
    }

    /** The same, with {@code sender} no longer blocked: back to the receipts they had before the block. */
    public ReceiverPreferences withoutBlock(ChatAddress sender) {
        boolean receiptsWereOff = rules.get(sender) == SenderRule.BLOCKED_RECEIPTS_OFF;
        return withRule(sender, receiptsWereOff ? Optional.of(SenderRule.RECEIPTS_OFF) : Optional.empty());
    }

    /**
     * Receipts on or off for every sender. Whom the person chose to tell go back to the default (off for everyone is
     * off for them too); whom they chose not to tell, or blocked, stay so: a choice for everyone, or its Undo, never
     * tells a sender the person asked not to tell.
     */
    public ReceiverPreferences withReceiptsForEveryone(boolean on) {
        Map<ChatAddress, SenderRule> kept = new java.util.HashMap<>(rules);
        kept.values().removeIf(rule -> rule == SenderRule.RECEIPTS_ON);
        return new ReceiverPreferences(receiver, on, kept);
    }
}
