package app.sendsongs.core;

import app.sendsongs.core.music.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator reads of the store: counts and ages, never a person's id, name or words. The core does
 * not use it; the runtimes show it ({@code send-songs status}) and turn it into metrics. Each store adapter
 * has one beside its {@link Stores}.
 */
public interface Census {
    /** The listen checks due at {@code now}; cheap enough to read on every metrics scrape. */
    DueChecks dueChecks(Instant now);

    /**
     * The inbound events waiting in the store's inbox ({@link app.sendsongs.core.chat.InboxStore}); it reads those
     * events only, none handled, so it is cheap enough for every metrics scrape.
     */
    InboxBacklog inboxBacklog();

    /** Everything {@code status} shows. May read every person (an operator asks for it now and then). */
    Figures figures(Instant now);

    /** Listen checks due and not yet taken: how many, and the due time of the oldest. */
    record DueChecks(long count, Optional<Instant> oldest) {
        public static final DueChecks NONE = new DueChecks(0, Optional.empty());

        /** How long the oldest due check has waited at {@code now}; zero when none is due. */
        public Duration lag(Instant now) {
            return oldest.map(due -> Duration.between(due, now)).filter(lag -> !lag.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    /**
     * Inbound events the webhook kept and nobody has handled yet (waiting, being handled, or waiting for a retry
     * after a failure): how many, and when the oldest was received.
     */
    record InboxBacklog(long count, Optional<Instant> oldest) {
        public static final InboxBacklog NONE = new InboxBacklog(0, Optional.empty());

        /** How long the oldest waiting event has waited at {@code now}; zero when none waits. */
        public Duration age(Instant now) {
            return oldest.map(received -> Duration.between(received, now)).filter(age -> !age.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    /**
     * @param people           registered people
     * @param connections      registered people by the source their listening connection is on
     * @param needingReconnect people whose grant was refused: their checks wait until they connect again
     * @param watchedReceivers receivers with a listen check scheduled
     * @param songsWatched     songs delivered and being watched for a play
     * @param songsHeld        songs accepted and not yet delivered
     * @param heldMessages     messages waiting for their receiver to write, or for a retry
     * @param peopleWaiting    people with at least one held message
     * @param oldestHeld       when the oldest held message was held
     * @param due              listen checks due now
     * @param inbox            inbound events waiting to be handled
     */
    record Figures(long people, Map<SourceKind, Long> connections, long needingReconnect, long watchedReceivers,
                   long songsWatched, long songsHeld, long heldMessages, long peopleWaiting,
                   Optional<Instant> oldestHeld, DueChecks due, InboxBacklog inbox) {
        public Figures {
            connections = Map.copyOf(connections);
        }
    }
}
