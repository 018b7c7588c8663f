package app.sendsongs.core.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps a chat platform's messages within its limits ({@link PaceRules}), on the pace its {@link PaceLedger} keeps,
 * which every sender on the ledger shares.
 *
 * <p>A message takes the next free slot of its chat (and group) and waits for it, when the wait is at most
 * {@code maxWait}; a longer wait is answered instead of taken, so that the caller can hold the message and try later.
 * The overall pace is taken when the chat's slot has come, so that a chat waiting its turn does not hold up others.
 * When the ledger cannot tell the pace, the message is not sent: {@link #UNKNOWN_PACE_WAIT} is answered, as for a
 * long wait.
 */
public final class SendPacer {
    /** How long a message is held when the pace cannot be read or kept, before it is tried again. */
    public static final Duration UNKNOWN_PACE_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SendPacer.class.getName());

    /** Waits; a test's sleeper moves its clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final PaceLedger ledger;
    private final InstantSource time;
    private final Sleeper sleeper;
    private final Duration maxWait;

    public SendPacer(PaceLedger ledger, InstantSource time, Sleeper sleeper, Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        this.ledger = ledger;
        this.time = time;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    public PaceRules rules() {
        return ledger.rules();
    }

    /**
     * Waits until one more message to {@code chatId} may go; answers empty then. When that would take longer than
     * {@code maxWait}, or the pace cannot be told, answers how long to hold the message at once and takes nothing
     * more.
     *
     * @param group whether the chat is a group
     * @throws InterruptedException while waiting; the slot stays taken
     */
    public Optional<Duration> acquire(long chatId, boolean group) throws InterruptedException {
        try {
            Instant now = time.instant();
            Instant slot = ledger.reserveChat(chatId, group, now, maxWait);
            Duration wait = Duration.between(now, slot);
            if (wait.compareTo(maxWait) > 0) {
                return Optional.of(wait);
            }
            sleepUntil(slot);
            sleepUntil(ledger.reserveOverall(time.instant()));
            return Optional.empty();
        } catch (PaceUnavailableException e) {
            LOG.warning("the send pace cannot be told (" + e.getMessage() + "): the message is held and tried again in "
                    + UNKNOWN_PACE_WAIT.toSeconds() + " s or later");
            return Optional.of(UNKNOWN_PACE_WAIT);
        }
    }

    /** The platform said to wait {@code retryAfter} for {@code chatId}: nothing goes there until then. */
    public void hold(long chatId, Duration retryAfter) {
        try {
            ledger.hold(chatId, time.instant().plus(retryAfter));
        } catch (PaceUnavailableException e) {
            LOG.warning("the platform's wait for a chat could not be kept in the send pace (" + e.getMessage()
                    + "): the message it refused is held all the same");
        }
    }

    private void sleepUntil(Instant at) throws InterruptedException {
        Duration wait = Duration.between(time.instant(), at);
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
    }
}
