package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
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
        InboxClaim claim = claimed.get();
        List<String> done = new ArrayList<>();
        for (Inbound event : claim.events()) {
            if (done.isEmpty() && claim.failures() >= MOST_FAILURES) {
                LOG.severe("an inbound event failed " + MOST_FAILURES + " times and is given up; its sender got no "
                        + "answer to it");
                done.add(event.deliveryKey());
                continue;
            }
            if (!done.isEmpty() && leaseRunsOut(claim)) {
                break; // the rest is claimed again, by whoever comes first
            }
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handling an inbound event failed; it is tried again in "
                        + RETRY_AFTER_FAILURE.toSeconds() + " s", e);
                inbox.failed(claim, done, event.deliveryKey(), clock.instant().plus(RETRY_AFTER_FAILURE));
                return done.size();
            }
            done.add(event.deliveryKey());
        }
        inbox.release(claim, done);
        return done.size();
    }

    /** Less than half the lease left: another event might outlast it. */
    private boolean leaseRunsOut(InboxClaim claim) {
        return clock.instant().isAfter(claim.leaseUntil().minus(lease.dividedBy(2)));
    }
}
