package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.held;
import static app.sendsongs.store.contract.Samples.heldForRetry;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.OutboxStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link OutboxStore}: held messages per person in the order they were held (the core relies on
 * it to keep a person's messages in order, also when several are held in the same millisecond),
 * holding an id again replaces that message in place, and the retry query.
 */
public abstract class OutboxStoreContract extends StoreFixture {

    @Test
    void nobodyHasHeldMessagesAtFirst() {
        assertThat(store.heldMessagesFor("alice")).isEmpty();
        assertThat(store.heldMessagesToRetry(minutes(60), 10)).isEmpty();
    }

    @Test
    void heldMessageComesBackWithEveryField() {
        HeldMessage song = new HeldMessage("m-1", "alice", "🎵 Bob sent you a song\n\"quoted\" ‘note’", T0,
                Optional.of(minutes(1)), Optional.of("share-1"));
        HeldMessage plain = held("m-2", "alice", minutes(1));
        store.holdMessage(song);
        store.holdMessage(plain);

        assertThat(store.heldMessagesFor("alice")).containsExactly(song, plain);
    }

    @Test
    void heldMessagesOfOnePersonComeOldestFirst() {
        HeldMessage late = held("late", "alice", minutes(2));
        HeldMessage early = held("early", "alice", minutes(-2));
        HeldMessage middle = held("middle", "alice", T0);
        store.holdMessage(late);
        store.holdMessage(early);
        store.holdMessage(held("bobs", "bob", minutes(-3)));
        store.holdMessage(middle);

        assertThat(store.heldMessagesFor("alice")).containsExactly(early, middle, late);
    }

    @Test
    void messagesHeldInTheSameInstantKeepTheOrderTheyWereHeldIn() {
        HeldMessage first = held("zz-first", "alice", T0);
        HeldMessage second = held("aa-second", "alice", T0);
        HeldMessage third = held("mm-third", "alice", T0);
        store.holdMessage(first);
        store.holdMessage(second);
        store.holdMessage(third);

        assertThat(store.heldMessagesFor("alice")).containsExactly(first, second, third);
    }

    @Test
    void holdingTheSameIdAgainReplacesItInPlace() {
        HeldMessage first = held("first", "alice", T0);
        HeldMessage second = held("second", "alice", T0);
        store.holdMessage(first);
        store.holdMessage(second);

        HeldMessage retried = new HeldMessage("first", "alice", first.text(), T0, Optional.of(minutes(5)),
                Optional.empty());
        store.holdMessage(retried);

        assertThat(store.heldMessagesFor("alice")).containsExactly(retried, second);
    }

    @Test
    void releaseRemovesOnlyThatMessage() {
        HeldMessage first = held("first", "alice", T0);
        HeldMessage second = held("second", "alice", minutes(1));
        HeldMessage bobs = held("bobs", "bob", T0);
        store.holdMessage(first);
        store.holdMessage(second);
        store.holdMessage(bobs);

        store.releaseHeldMessage("first");
        store.releaseHeldMessage("unknown");

        assertThat(store.heldMessagesFor("alice")).containsExactly(second);
        assertThat(store.heldMessagesFor("bob")).containsExactly(bobs);
    }

    @Test
    void retryListsMessagesWhoseTimeHasComeOldestRetryFirst() {
        HeldMessage dueLast = heldForRetry("due-last", "alice", minutes(-10), T0);
        HeldMessage dueFirst = heldForRetry("due-first", "bob", minutes(-1), minutes(-5));
        HeldMessage dueSecond = heldForRetry("due-second", "carol", minutes(-20), minutes(-3));
        store.holdMessage(dueLast);
        store.holdMessage(heldForRetry("later", "alice", minutes(-9), T0.plusMillis(1)));
        store.holdMessage(dueFirst);
        store.holdMessage(held("waits-for-person", "bob", minutes(-30)));
        store.holdMessage(dueSecond);

        assertThat(store.heldMessagesToRetry(T0, 10)).containsExactly(dueFirst, dueSecond, dueLast);
    }

    @Test
    void retryRespectsTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.holdMessage(heldForRetry("m-" + i, "p-" + i, minutes(-10), minutes(-5 + i)));
        }

        assertThat(store.heldMessagesToRetry(T0, 2)).extracting(HeldMessage::id).containsExactly("m-0", "m-1");
    }

    @Test
    void releasedOrRescheduledMessagesLeaveTheRetryList() {
        HeldMessage released = heldForRetry("released", "alice", minutes(-10), minutes(-5));
        HeldMessage postponed = heldForRetry("postponed", "bob", minutes(-10), minutes(-4));
        HeldMessage due = heldForRetry("due", "carol", minutes(-10), minutes(-3));
        store.holdMessage(released);
        store.holdMessage(postponed);
        store.holdMessage(due);

        store.releaseHeldMessage("released");
        store.holdMessage(heldForRetry("postponed", "bob", minutes(-10), minutes(5)));

        assertThat(store.heldMessagesToRetry(T0, 10)).containsExactly(due);
    }

    @Test
    void leaseTakesAMessageWaitingForItsPersonAndMakesItDueAtTheLeaseEnd() {
        HeldMessage waiting = held("m-1", "alice", minutes(-10));
        store.holdMessage(waiting);

        assertThat(store.leaseHeldMessage(waiting, T0, minutes(2))).isTrue();

        HeldMessage leased = new HeldMessage("m-1", "alice", waiting.text(), waiting.heldAt(), Optional.of(minutes(2)),
                Optional.empty());
        assertThat(store.heldMessagesFor("alice")).containsExactly(leased);
        assertThat(store.heldMessagesToRetry(minutes(1), 10)).isEmpty();
        assertThat(store.heldMessagesToRetry(minutes(2), 10)).containsExactly(leased);
    }

    @Test
    void leaseIsRefusedToAStaleReading() {
        HeldMessage due = heldForRetry("m-1", "alice", minutes(-10), minutes(-1));
        store.holdMessage(due);

        assertThat(store.leaseHeldMessage(due, T0, minutes(2))).isTrue();
        assertThat(store.leaseHeldMessage(due, T0, minutes(3))).isFalse();
        assertThat(store.heldMessagesFor("alice")).extracting(HeldMessage::retryAt).containsExactly(Optional.of(minutes(2)));
    }

    @Test
    void aLeasedMessageIsNotLeasedAgainUntilItsLeaseEnds() {
        store.holdMessage(held("m-1", "alice", minutes(-10)));
        store.leaseHeldMessage(store.heldMessagesFor("alice").getFirst(), T0, minutes(2));
        HeldMessage freshRead = store.heldMessagesFor("alice").getFirst();

        assertThat(store.leaseHeldMessage(freshRead, minutes(1), minutes(3))).isFalse();
        assertThat(store.leaseHeldMessage(freshRead, minutes(2), minutes(4))).isTrue();
    }

    @Test
    void aMessageWaitingForALaterRetryIsNotLeasedBeforeThen() {
        HeldMessage later = heldForRetry("m-1", "alice", minutes(-10), minutes(5));
        store.holdMessage(later);

        assertThat(store.leaseHeldMessage(later, T0, minutes(2))).isFalse();
        assertThat(store.heldMessagesFor("alice")).containsExactly(later);
        assertThat(store.leaseHeldMessage(later, minutes(5), minutes(7))).isTrue();
    }

    @Test
    void leaseIsRefusedForAMessageReleasedOrHeldAgainMeanwhile() {
        HeldMessage released = heldForRetry("released", "alice", minutes(-10), minutes(-1));
        HeldMessage rescheduled = held("rescheduled", "bob", minutes(-10));
        store.holdMessage(released);
        store.holdMessage(rescheduled);

        store.releaseHeldMessage("released");
        store.holdMessage(heldForRetry("rescheduled", "bob", minutes(-10), minutes(5)));

        assertThat(store.leaseHeldMessage(released, T0, minutes(2))).isFalse();
        assertThat(store.leaseHeldMessage(rescheduled, T0, minutes(2))).isFalse();
        assertThat(store.heldMessagesFor("alice")).isEmpty();
        assertThat(store.heldMessagesFor("bob")).extracting(HeldMessage::retryAt).containsExactly(Optional.of(minutes(5)));
    }

    @Test
    void concurrentLeasesOfOneMessageHaveOneWinner() {
        HeldMessage due = heldForRetry("m-1", "alice", minutes(-10), minutes(-1));
        store.holdMessage(due);

        List<Boolean> leased = Race.run(16, i -> store.leaseHeldMessage(due, T0, minutes(2 + i)));

        assertThat(leased).containsOnlyOnce(true);
    }
}
