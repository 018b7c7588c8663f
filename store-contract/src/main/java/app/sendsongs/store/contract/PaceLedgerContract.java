package app.sendsongs.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.PaceRules;
import app.sendsongs.core.chat.PaceUnavailableException;
import app.sendsongs.core.chat.SendPacer;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a {@link PaceLedger} keeps, whatever keeps it: senders on one pace (each with a ledger of its own, as separate
 * processes have) never go faster together than its rules allow, see each other's holds, and never take one slot
 * twice when they race. Virtual time: each sender's sleeper moves the one clock they share.
 */
public abstract class PaceLedgerContract {
    protected static final PaceRules RULES = new PaceRules(Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(10), 5);
    private static final Instant START = Instant.parse("2030-05-01T10:00:00Z");
    private static final Duration PATIENT = Duration.ofHours(1);

    protected final ManualClock clock = new ManualClock(START);

    /** A fresh pace kept by {@link #RULES}, shared by the ledgers its {@link Pace#ledger()} answers. */
    protected abstract Pace newPace();

    /** One pace, kept where the implementation keeps it. */
    @FunctionalInterface
    protected interface Pace {
        /** A ledger on this pace, as another sender would have. */
        PaceLedger ledger();
    }

    private SendPacer sender(Pace pace, Duration maxWait) {
        return new SendPacer(pace.ledger(), clock, clock::advance, maxWait);
    }

    @Test
    void twoSendersOnOnePaceKeepTheChatsPaceAndTheOverallRateTogether() throws InterruptedException {
        Pace pace = newPace();
        List<SendPacer> senders = List.of(sender(pace, PATIENT), sender(pace, PATIENT));
        List<Instant> toChat = new ArrayList<>();
        List<Instant> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long chat = i % 3 == 0 ? 1 : 100 + i;
            assertThat(senders.get(i % 2).acquire(chat, false)).isEmpty();
            all.add(clock.instant());
            if (chat == 1) {
                toChat.add(clock.instant());
            }
        }

        assertConformsTo(toChat, RULES.chatInterval(), RULES.chatBurst());
        assertConformsTo(all, RULES.overallInterval(), RULES.perSecond());
    }

    @Test
    void twoSendersOnOnePaceKeepAGroupsWindowTogether() throws InterruptedException {
        Pace pace = newPace();
        List<SendPacer> senders = List.of(sender(pace, PATIENT), sender(pace, PATIENT));
        List<Instant> toGroup = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            assertThat(senders.get(i % 2).acquire(-5, true)).isEmpty();
            toGroup.add(clock.instant());
        }

        for (int i = RULES.groupMessages(); i < toGroup.size(); i++) {
            assertThat(Duration.between(toGroup.get(i - RULES.groupMessages()), toGroup.get(i)))
                    .as("message %d and the one %d before it", i, RULES.groupMessages())
                    .isGreaterThanOrEqualTo(RULES.groupWindow());
        }
    }

    @Test
    void aWaitLongerThanTheSenderTakesIsAnsweredAndTakesNothing() throws InterruptedException {
        Pace pace = newPace();
        SendPacer one = sender(pace, Duration.ZERO);
        SendPacer other = sender(pace, Duration.ZERO);
        assertThat(one.acquire(9, false)).isEmpty();
        assertThat(other.acquire(9, false)).isEmpty();

        assertThat(one.acquire(9, false)).contains(Duration.ofSeconds(1));
        assertThat(other.acquire(9, false)).as("the answered wait took no slot").contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(other.acquire(9, false)).isEmpty();
    }

    @Test
    void aHoldOneSenderWasToldIsKeptByTheOther() throws InterruptedException {
        Pace pace = newPace();
        SendPacer told = sender(pace, Duration.ofSeconds(3));
        SendPacer other = sender(pace, Duration.ofSeconds(3));
        assertThat(told.acquire(7, false)).isEmpty();

        told.hold(7, Duration.ofSeconds(30));

        assertThat(other.acquire(7, false)).contains(Duration.ofSeconds(30));
        assertThat(other.acquire(8, false)).as("another chat is not held").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(other.acquire(7, false)).isEmpty();
    }

    @Test
    void racingSendersNeverTakeOneSlotTwice() {
        Pace pace = newPace();
        int each = 10;
        List<List<Instant>> taken = Race.run(2, sender -> reserveAll(pace.ledger(), each));

        List<Instant> slots = new ArrayList<>(taken.get(0));
        slots.addAll(taken.get(1));
        Collections.sort(slots);
        assertThat(slots).as("a burst, then one slot an interval, each taken once")
                .isEqualTo(paced(RULES.chatInterval(), RULES.chatBurst(), 2 * each));
    }

    @Test
    void racingSendersNeverTakeOneOverallSlotTwice() {
        Pace pace = newPace();
        List<List<Instant>> taken = Race.run(2, sender -> reserveAllOverall(pace.ledger(), 10));

        List<Instant> slots = new ArrayList<>(taken.get(0));
        slots.addAll(taken.get(1));
        Collections.sort(slots);
        assertThat(slots).as("a second's burst, then one slot an interval, each taken once")
                .isEqualTo(paced(RULES.overallInterval(), RULES.perSecond(), 20));
    }

    @Test
    void threadsOfOneSenderRacingOnItsLedgerEachGetASlotWithoutTryingAgain() {
        PaceLedger ledger = newPace().ledger();
        int threads = 16;

        List<Instant> overall = new ArrayList<>(Race.run(threads, thread -> ledger.reserveOverall(START)));
        List<Instant> chat = new ArrayList<>(Race.run(threads, thread -> ledger.reserveChat(1, false, START,
                PATIENT)));

        Collections.sort(overall);
        assertThat(overall).isEqualTo(paced(RULES.overallInterval(), RULES.perSecond(), threads));
        Collections.sort(chat);
        assertThat(chat).isEqualTo(paced(RULES.chatInterval(), RULES.chatBurst(), threads));
    }

    /** Reserves {@code count} slots of one chat at the start, trying again when the ledger stays contended. */
    private static List<Instant> reserveAll(PaceLedger ledger, int count) {
        List<Instant> slots = new ArrayList<>();
        while (slots.size() < count) {
            reserve(() -> ledger.reserveChat(1, false, START, PATIENT)).ifPresent(slots::add);
        }
        return slots;
    }

    private static List<Instant> reserveAllOverall(PaceLedger ledger, int count) {
        List<Instant> slots = new ArrayList<>();
        while (slots.size() < count) {
            reserve(() -> ledger.reserveOverall(START)).ifPresent(slots::add);
        }
        return slots;
    }

    private static Optional<Instant> reserve(java.util.function.Supplier<Instant> reservation) {
        try {
            return Optional.of(reservation.get());
        } catch (PaceUnavailableException contended) {
            return Optional.empty();
        }
    }

    /** The slots a pace gives {@code count} messages all asking at the start. */
    private static List<Instant> paced(Duration interval, int burst, int count) {
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(START.plus(interval.multipliedBy(Math.max(0, i - (burst - 1)))));
        }
        return slots;
    }

    /** The n-th time (from 0) is no earlier than the first plus {@code n - (burst - 1)} intervals. */
    private static void assertConformsTo(List<Instant> times, Duration interval, int burst) {
        for (int n = burst; n < times.size(); n++) {
            assertThat(times.get(n)).as("message %d of %s", n, times)
                    .isAfterOrEqualTo(times.getFirst().plus(interval.multipliedBy(n - (burst - 1L))));
        }
    }
}
