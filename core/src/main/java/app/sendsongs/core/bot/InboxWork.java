package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.shared.Checkpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker's step through the inbox: claims the next person whose events wait, hands their events to
 * the {@link Bot} in order, and lets the person go. A worker that dies mid-way leaves the person
 * claimed until the lease ends; the events it did not finish are then claimed again and handled (the
 * bot skips what it marked handled, and a second run of a cut-short event finds what the first did).
 *
 * <p>An event whose handling outlasts half the lease (a group send whose sends each wait for a slow
 * platform) keeps its person: at each {@link Checkpoint} it passes (before each message the outbox sends)
 * the claim is renewed once less than half the lease is left, so no other worker takes the person and
 * answers their later events while it still runs. Renewed at checkpoints rather than by a timer beside the
 * handling: a worker stuck for good in one call then still lets its person go when the lease ends, and the
 * renewal runs on the injected clock. One step between checkpoints must take less than half the lease (a
 * send: Graph's 10 s timeout, a Telegram chat's pace). Should the renewal fail (the lease had ended and
 * another worker took the person), the worker finishes the event it is handling (what it does happens
 * once however often it is done), takes none of the person's further events, and leaves the new holder's
 * claim alone.
 *
 * <p>An event whose handling throws is retried after {@link #RETRY_AFTER_FAILURE}, holding back that
 * person's later events meanwhile (order); after {@value #MOST_FAILURES} failures it is given up and
 * logged, so one bad event cannot stop a person's conversation for good.
 */
public final class InboxWork {
    private static final Logger LOG = Logger.getLogger(InboxWork.class.getName());
    static final int MOST_FAILURES = 5;
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    /** Events of one person taken in one claim. */
    private static final int EVENTS_PER_CLAIM = 50;

    private final InboxStore inbox;
    private final Bot bot;
    private final Clock clock;
    private final Duration lease;

    /** @param lease how long a claim holds a person: longer than handling a few events takes */
    public InboxWork(InboxStore inbox, Bot bot, Clock clock, Duration lease) {
        this.inbox = inbox;
        this.bot = bot;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Claims the next person whose events wait and handles their events, oldest first; returns how
     * many events left the inbox (handled or given up), 0 when nobody's events could be claimed.
     */
    public int handleNext() {
        return handleNext(bot::handle);
    }

    /**
     * As {@link #handleNext()}, each event handed to {@code handler}, which hands it to the bot (a runtime's
     * wrapper that logs each handling, say).
     */
    public int handleNext(Consumer<Inbound> handler) {
        Instant now = clock.instant();
        Optional<InboxClaim> claimed = inbox.claim(now, now.plus(lease), EVENTS_PER_CLAIM);
        if (claimed.isEmpty()) {
            return 0;
        }
        Holding holding = new Holding(claimed.get());
        int failures = claimed.get().failures();
        List<String> done = new ArrayList<>();
        for (Inbound event : claimed.get().events()) {
            if (done.isEmpty() && failures >= MOST_FAILURES) {
                LOG.severe("an inbound event failed " + MOST_FAILURES + " times and is given up; its sender got no "
                        + "answer to it");
                done.add(event.deliveryKey());
                continue;
            }
            if (!done.isEmpty() && holding.runsOut()) {
                break; // the rest is claimed again, by whoever comes first
            }
            try {
                Checkpoint.run(holding::keep, () -> handler.accept(event));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handling an inbound event failed; it is tried again in "
                        + RETRY_AFTER_FAILURE.toSeconds() + " s", e);
                inbox.failed(holding.claim, done, event.deliveryKey(), clock.instant().plus(RETRY_AFTER_FAILURE));
                return done.size();
            }
            done.add(event.deliveryKey());
        }
        // A person taken meanwhile stays the new holder's: the store lets go only of a claim still this one.
        inbox.release(holding.claim, done);
        return done.size();
    }

    /** One worker's claim on a person while it handles their events, renewed as the handling goes on. */
    private final class Holding {
        private InboxClaim claim;
        private boolean taken;

        Holding(InboxClaim claim) {
            this.claim = claim;
        }

        /** At a checkpoint of the event being handled: renews the claim once less than half the lease is left. */
        void keep() {
            if (taken || !lowOnLease()) {
                return;
            }
            Instant leaseUntil = clock.instant().plus(lease);
            if (inbox.renew(claim, leaseUntil)) {
                claim = claim.renewedUntil(leaseUntil);
            } else {
                taken = true;
                LOG.warning("an inbound event outlasted its worker's lease and another worker took its sender; this "
                        + "one finishes the event and takes none of their later events");
            }
        }

        /** The person was taken, or less than half the lease is left: another event might outlast it. */
        boolean runsOut() {
            return taken || lowOnLease();
        }

        private boolean lowOnLease() {
            return clock.instant().isAfter(claim.leaseUntil().minus(lease.dividedBy(2)));
        }
    }
}
