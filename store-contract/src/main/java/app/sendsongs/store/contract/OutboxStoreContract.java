package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.held;
import static app.sendsongs.store.contract.Samples.heldForRetry;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.chat.SongCard;
import java.net.URI;
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
        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
        assertThat(outbox.heldMessagesToRetry(minutes(60), 10)).isEmpty();
    }

    @Test
    void heldMessageComesBackWithEveryField() {
        HeldMessage song = new HeldMessage("m-1", at("alice"), Samples.RICH_MESSAGE, T0, Optional.of(minutes(1)),
                Optional.of("share-1"));
        HeldMessage plain = held("m-2", "alice", minutes(1));
        outbox.holdMessage(song);
        outbox.holdMessage(plain);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(song, plain);
    }

    @Test
    void aCardWithoutImageOrButtonsAndAMessageWithOnlyChoicesComeBackAsHeld() {
        Message cardOnly = new Message("", List.of(), Optional.of(SongCard.of("Take On Me", "", URI.create(
                "https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb"))));
        Message choicesOnly = Message.text("Which one?").withChoices(List.of(Choice.of("1"), Choice.of("2")));
        HeldMessage first = new HeldMessage("m-1", at("alice"), cardOnly, T0, Optional.empty(), Optional.empty());
        HeldMessage second = new HeldMessage("m-2", at("alice"), choicesOnly, T0, Optional.empty(), Optional.empty());
        outbox.holdMessage(first);
        outbox.holdMessage(second);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(first, second);
    }

    @Test
    void theSameIdOnTwoPlatformsHasItsOwnQueue() {
        HeldMessage onMessenger = held("m-1", "42", T0);
        HeldMessage onTelegram = new HeldMessage("m-2", onTelegram("42"), Message.text("on Telegram"), T0,
                Optional.empty(), Optional.empty());
        outbox.holdMessage(onMessenger);
        outbox.holdMessage(onTelegram);

        assertThat(outbox.heldMessagesFor(at("42"))).containsExactly(onMessenger);
        assertThat(outbox.heldMessagesFor(onTelegram("42"))).containsExactly(onTelegram);
    }

    @Test
    void heldMessagesOfOnePersonComeOldestFirst() {
        HeldMessage late = held("late", "alice", minutes(2));
        HeldMessage early = held("early", "alice", minutes(-2));
        HeldMessage middle = held("middle", "alice", T0);
        outbox.holdMessage(late);
        outbox.holdMessage(early);
        outbox.holdMessage(held("bobs", "bob", minutes(-3)));
        outbox.holdMessage(middle);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(early, middle, late);
    }

    @Test
    void messagesHeldInTheSameInstantKeepTheOrderTheyWereHeldIn() {
        HeldMessage first = held("zz-first", "alice", T0);
        HeldMessage second = held("aa-second", "alice", T0);
        HeldMessage third = held("mm-third", "alice", T0);
        outbox.holdMessage(first);
        outbox.holdMessage(second);
        outbox.holdMessage(third);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(first, second, third);
    }

    @Test
    void holdingTheSameIdAgainReplacesItInPlace() {
        HeldMessage first = held("first", "alice", T0);
        HeldMessage second = held("second", "alice", T0);
        outbox.holdMessage(first);
        outbox.holdMessage(second);

        HeldMessage retried = first.retryingAt(Optional.of(minutes(5)));
        outbox.holdMessage(retried);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(retried, second);
    }

    @Test
    void releaseRemovesOnlyThatMessage() {
        HeldMessage first = held("first", "alice", T0);
        HeldMessage second = held("second", "alice", minutes(1));
        HeldMessage bobs = held("bobs", "bob", T0);
        outbox.holdMessage(first);
        outbox.holdMessage(second);
        outbox.holdMessage(bobs);

        outbox.releaseHeldMessage("first");
        outbox.releaseHeldMessage("unknown");

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(second);
        assertThat(outbox.heldMessagesFor(at("bob"))).containsExactly(bobs);
    }

    @Test
    void retryListsMessagesWhoseTimeHasComeOldestRetryFirst() {
        HeldMessage dueLast = heldForRetry("due-last", "alice", minutes(-10), T0);
        HeldMessage dueFirst = heldForRetry("due-first", "bob", minutes(-1), minutes(-5));
        HeldMessage dueSecond = heldForRetry("due-second", "carol", minutes(-20), minutes(-3));
        outbox.holdMessage(dueLast);
        outbox.holdMessage(heldForRetry("later", "alice", minutes(-9), T0.plusMillis(1)));
        outbox.holdMessage(dueFirst);
        outbox.holdMessage(held("waits-for-person", "bob", minutes(-30)));
        outbox.holdMessage(dueSecond);

        assertThat(outbox.heldMessagesToRetry(T0, 10)).containsExactly(dueFirst, dueSecond, dueLast);
    }

    @Test
    void retryRespectsTheLimit() {
        for (int i = 0; i < 5; i++) {
            outbox.holdMessage(heldForRetry("m-" + i, "p-" + i, minutes(-10), minutes(-5 + i)));
        }

        assertThat(outbox.heldMessagesToRetry(T0, 2)).extracting(HeldMessage::id).containsExactly("m-0", "m-1");
    }

    @Test
    void releasedOrRescheduledMessagesLeaveTheRetryList() {
        HeldMessage released = heldForRetry("released", "alice", minutes(-10), minutes(-5));
        HeldMessage postponed = heldForRetry("postponed", "bob", minutes(-10), minutes(-4));
        HeldMessage due = heldForRetry("due", "carol", minutes(-10), minutes(-3));
        outbox.holdMessage(released);
        outbox.holdMessage(postponed);
        outbox.holdMessage(due);

        outbox.releaseHeldMessage("released");
        outbox.holdMessage(heldForRetry("postponed", "bob", minutes(-10), minutes(5)));

        assertThat(outbox.heldMessagesToRetry(T0, 10)).containsExactly(due);
    }

    @Test
    void leaseTakesAMessageWaitingForItsPersonAndMakesItDueAtTheLeaseEnd() {
        HeldMessage waiting = held("m-1", "alice", minutes(-10));
        outbox.holdMessage(waiting);

        assertThat(outbox.leaseHeldMessage(waiting, T0, minutes(2))).isTrue();

        HeldMessage leased = waiting.retryingAt(Optional.of(minutes(2)));
        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(leased);
        assertThat(outbox.heldMessagesToRetry(minutes(1), 10)).isEmpty();
        assertThat(outbox.heldMessagesToRetry(minutes(2), 10)).containsExactly(leased);
    }

    @Test
    void leaseIsRefusedToAStaleReading() {
        HeldMessage due = heldForRetry("m-1", "alice", minutes(-10), minutes(-1));
        outbox.holdMessage(due);

        assertThat(outbox.leaseHeldMessage(due, T0, minutes(2))).isTrue();
        assertThat(outbox.leaseHeldMessage(due, T0, minutes(3))).isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).extracting(HeldMessage::retryAt)
                .containsExactly(Optional.of(minutes(2)));
    }

    @Test
    void aLeasedMessageIsNotLeasedAgainUntilItsLeaseEnds() {
        outbox.holdMessage(held("m-1", "alice", minutes(-10)));
        outbox.leaseHeldMessage(outbox.heldMessagesFor(at("alice")).getFirst(), T0, minutes(2));
        HeldMessage freshRead = outbox.heldMessagesFor(at("alice")).getFirst();

        assertThat(outbox.leaseHeldMessage(freshRead, minutes(1), minutes(3))).isFalse();
        assertThat(outbox.leaseHeldMessage(freshRead, minutes(2), minutes(4))).isTrue();
    }

    @Test
    void aMessageWaitingForALaterRetryIsNotLeasedBeforeThen() {
        HeldMessage later = heldForRetry("m-1", "alice", minutes(-10), minutes(5));
        outbox.holdMessage(later);

        assertThat(outbox.leaseHeldMessage(later, T0, minutes(2))).isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(later);
        assertThat(outbox.leaseHeldMessage(later, minutes(5), minutes(7))).isTrue();
    }

    @Test
    void leaseIsRefusedForAMessageReleasedOrHeldAgainMeanwhile() {
        HeldMessage released = heldForRetry("released", "alice", minutes(-10), minutes(-1));
        HeldMessage rescheduled = held("rescheduled", "bob", minutes(-10));
        outbox.holdMessage(released);
        outbox.holdMessage(rescheduled);

        outbox.releaseHeldMessage("released");
        outbox.holdMessage(heldForRetry("rescheduled", "bob", minutes(-10), minutes(5)));

        assertThat(outbox.leaseHeldMessage(released, T0, minutes(2))).isFalse();
        assertThat(outbox.leaseHeldMessage(rescheduled, T0, minutes(2))).isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
        assertThat(outbox.heldMessagesFor(at("bob"))).extracting(HeldMessage::retryAt)
                .containsExactly(Optional.of(minutes(5)));
    }

    @Test
    void concurrentLeasesOfOneMessageHaveOneWinner() {
        HeldMessage due = heldForRetry("m-1", "alice", minutes(-10), minutes(-1));
        outbox.holdMessage(due);

        List<Boolean> leased = Race.run(16, i -> outbox.leaseHeldMessage(due, T0, minutes(2 + i)));

        assertThat(leased).containsOnlyOnce(true);
    }
}
