package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.held;
import static app.sendsongs.store.contract.Samples.heldAbout;
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
 * it to keep a person's messages in order, also when several are held in the same millisecond); an
 * id is held once, also after its message left; holding again replaces a message in place; the
 * retry query (retry times and expiries); leases; echoes; withdrawing what is about someone.
 */
public abstract class OutboxStoreContract extends StoreFixture {

    private void hold(HeldMessage... messages) {
        assertThat(outbox.holdNew(List.of(messages))).as("held now").containsExactly(messages);
    }

    @Test
    void nobodyHasHeldMessagesAtFirst() {
        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
        assertThat(outbox.heldMessagesToRetry(minutes(60), 10)).isEmpty();
    }

    @Test
    void heldMessageComesBackWithEveryField() {
        HeldMessage song = new HeldMessage("m-1", at("alice"), Samples.RICH_MESSAGE, T0, Optional.of(minutes(1)),
                Optional.of("share-1"), 3, 2, minutes(60 * 24 * 14), List.of(at("bob"), onTelegram("carol")));
        HeldMessage plain = held("m-2", "alice", minutes(1));
        hold(song, plain);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(song, plain);
    }

    @Test
    void aCardWithoutImageOrButtonsAndAMessageWithOnlyChoicesComeBackAsHeld() {
        Message cardOnly = new Message("", List.of(), Optional.of(SongCard.of("Take On Me", "", URI.create(
                "https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb"))));
        Message choicesOnly = Message.text("Which one?").withChoices(List.of(Choice.of("1"), Choice.of("2")));
        HeldMessage first = new HeldMessage("m-1", at("alice"), cardOnly, T0, Optional.empty(), Optional.empty(), 0, 0,
                minutes(60), List.of());
        HeldMessage second = new HeldMessage("m-2", at("alice"), choicesOnly, T0, Optional.empty(), Optional.empty(), 0,
                0, minutes(60), List.of());
        hold(first, second);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(first, second);
    }

    @Test
    void theSameIdOnTwoPlatformsHasItsOwnQueue() {
        HeldMessage onMessenger = held("m-1", "42", T0);
        HeldMessage onTelegram = new HeldMessage("m-2", onTelegram("42"), Message.text("on Telegram"), T0,
                Optional.empty(), Optional.empty(), 0, 0, minutes(60), List.of());
        hold(onMessenger, onTelegram);

        assertThat(outbox.heldMessagesFor(at("42"))).containsExactly(onMessenger);
        assertThat(outbox.heldMessagesFor(onTelegram("42"))).containsExactly(onTelegram);
    }

    @Test
    void heldMessagesOfOnePersonComeOldestFirst() {
        HeldMessage late = held("late", "alice", minutes(2));
        HeldMessage early = held("early", "alice", minutes(-2));
        HeldMessage middle = held("middle", "alice", T0);
        hold(late);
        hold(early, held("bobs", "bob", minutes(-3)));
        hold(middle);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(early, middle, late);
    }

    @Test
    void messagesHeldInTheSameInstantKeepTheOrderTheyWereHeldIn() {
        HeldMessage first = held("zz-first", "alice", T0);
        HeldMessage second = held("aa-second", "alice", T0);
        HeldMessage third = held("mm-third", "alice", T0);
        HeldMessage fourth = held("00-fourth", "alice", T0);
        hold(first, second);
        hold(third);
        hold(fourth);

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(first, second, third, fourth);
    }

    @Test
    void anIdHeldAlreadyIsNotHeldAgainAndStaysAsItWas() {
        HeldMessage first = held("m-1", "alice", T0);
        hold(first);

        HeldMessage again = heldForRetry("m-1", "alice", minutes(5), minutes(6));
        assertThat(outbox.holdNew(List.of(again, held("m-2", "alice", minutes(5)))))
                .extracting(HeldMessage::id).containsExactly("m-2");

        assertThat(outbox.heldMessagesFor(at("alice"))).extracting(HeldMessage::id).containsExactly("m-1", "m-2");
        assertThat(outbox.heldMessagesFor(at("alice")).getFirst()).isEqualTo(first);
    }

    @Test
    void anIdThatLeftTheOutboxIsRememberedAndNotHeldAgain() {
        HeldMessage sent = held("sent", "alice", T0);
        hold(sent);
        outbox.releaseHeldMessage(sent, minutes(60));

        assertThat(outbox.holdNew(List.of(held("sent", "alice", minutes(1))))).isEmpty();

        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
    }

    @Test
    void aMessageSentUnderThePlatformsIdIsRememberedWithItWhileItsIdIs() {
        HeldMessage post = held("post", "alice", T0);
        HeldMessage withdrawn = held("withdrawn", "alice", T0);
        hold(post, withdrawn);
        assertThat(outbox.sentAs("post")).as("not while held").isEmpty();

        outbox.releaseHeldMessage(post, minutes(60), Optional.of("4711"));
        outbox.releaseHeldMessage(withdrawn, minutes(60));

        assertThat(outbox.sentAs("post")).contains("4711");
        assertThat(outbox.sentAs("withdrawn")).isEmpty();
        assertThat(outbox.sentAs("never-held")).isEmpty();
        assertThat(outbox.holdNew(List.of(held("post", "alice", minutes(1))))).isEmpty();
        assertThat(outbox.sentAs("post")).as("holding the id again changes nothing").contains("4711");
    }

    @Test
    void concurrentHoldsOfOneIdHoldItOnce() {
        List<Integer> held = Race.run(16, i -> outbox.holdNew(List.of(held("m-1", "alice", minutes(i)))).size());

        assertThat(held).containsOnlyOnce(1);
        assertThat(outbox.heldMessagesFor(at("alice"))).hasSize(1);
    }

    @Test
    void holdingAgainReplacesAMessageInPlace() {
        HeldMessage first = held("first", "alice", T0);
        HeldMessage second = held("second", "alice", T0);
        hold(first, second);

        HeldMessage refused = first.refusedOnce(Optional.of(minutes(5)));
        assertThat(outbox.holdMessage(refused, first.retryAt())).isTrue();

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(refused, second);
    }

    @Test
    void holdingAgainAMessageThatLeftDoesNotBringItBack() {
        HeldMessage first = held("first", "alice", T0);
        hold(first);
        outbox.releaseHeldMessage(first, minutes(60));

        assertThat(outbox.holdMessage(first.retryingAt(Optional.of(minutes(5))), first.retryAt())).isFalse();

        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
        assertThat(outbox.heldMessagesToRetry(minutes(10), 10)).isEmpty();
    }

    @Test
    void releaseRemovesOnlyThatMessage() {
        HeldMessage first = held("first", "alice", T0);
        HeldMessage second = held("second", "alice", minutes(1));
        HeldMessage bobs = held("bobs", "bob", T0);
        hold(first, second, bobs);

        outbox.releaseHeldMessage(first, minutes(60));
        outbox.releaseHeldMessage(held("unknown", "alice", T0), minutes(60));

        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(second);
        assertThat(outbox.heldMessagesFor(at("bob"))).containsExactly(bobs);
    }

    @Test
    void retryListsMessagesWhoseTimeHasComeOldestRetryFirst() {
        HeldMessage dueLast = heldForRetry("due-last", "alice", minutes(-10), T0);
        HeldMessage dueFirst = heldForRetry("due-first", "bob", minutes(-1), minutes(-5));
        HeldMessage dueSecond = heldForRetry("due-second", "carol", minutes(-20), minutes(-3));
        hold(dueLast, heldForRetry("later", "alice", minutes(-9), T0.plusMillis(1)), dueFirst,
                held("waits-for-person", "bob", minutes(-30)), dueSecond);

        assertThat(outbox.heldMessagesToRetry(T0, 10)).containsExactly(dueFirst, dueSecond, dueLast);
    }

    @Test
    void retryListsMessagesPastTheirExpiryAtTheirExpiry() {
        HeldMessage waiting = held("waiting", "alice", minutes(-20)).retryingAt(Optional.empty());
        HeldMessage expiring = new HeldMessage("expiring", at("bob"), Message.text("x"), minutes(-30), Optional.empty(),
                Optional.empty(), 0, 0, minutes(-4), List.of());
        HeldMessage retryAfterExpiry = new HeldMessage("retry-late", at("carol"), Message.text("y"), minutes(-30),
                Optional.of(minutes(30)), Optional.empty(), 1, 1, minutes(-2), List.of());
        hold(waiting, expiring, retryAfterExpiry);

        assertThat(outbox.heldMessagesToRetry(T0, 10)).containsExactly(expiring, retryAfterExpiry);
    }

    @Test
    void retryRespectsTheLimit() {
        for (int i = 0; i < 5; i++) {
            hold(heldForRetry("m-" + i, "p-" + i, minutes(-10), minutes(-5 + i)));
        }

        assertThat(outbox.heldMessagesToRetry(T0, 2)).extracting(HeldMessage::id).containsExactly("m-0", "m-1");
    }

    @Test
    void releasedOrRescheduledMessagesLeaveTheRetryList() {
        HeldMessage released = heldForRetry("released", "alice", minutes(-10), minutes(-5));
        HeldMessage postponed = heldForRetry("postponed", "bob", minutes(-10), minutes(-4));
        HeldMessage due = heldForRetry("due", "carol", minutes(-10), minutes(-3));
        hold(released, postponed, due);

        outbox.releaseHeldMessage(released, minutes(60));
        outbox.holdMessage(heldForRetry("postponed", "bob", minutes(-10), minutes(5)), postponed.retryAt());

        assertThat(outbox.heldMessagesToRetry(T0, 10)).containsExactly(due);
    }

    @Test
    void leaseTakesAMessageWaitingForItsPersonAndMakesItDueAtTheLeaseEnd() {
        HeldMessage waiting = held("m-1", "alice", minutes(-10));
        hold(waiting);

        assertThat(outbox.leaseHeldMessage(waiting, T0, minutes(2))).isTrue();

        HeldMessage leased = waiting.retryingAt(Optional.of(minutes(2)));
        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(leased);
        assertThat(outbox.heldMessagesToRetry(minutes(1), 10)).isEmpty();
        assertThat(outbox.heldMessagesToRetry(minutes(2), 10)).containsExactly(leased);
    }

    @Test
    void leaseIsRefusedToAStaleReading() {
        HeldMessage due = heldForRetry("m-1", "alice", minutes(-10), minutes(-1));
        hold(due);

        assertThat(outbox.leaseHeldMessage(due, T0, minutes(2))).isTrue();
        assertThat(outbox.leaseHeldMessage(due, T0, minutes(3))).isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).extracting(HeldMessage::retryAt)
                .containsExactly(Optional.of(minutes(2)));
    }

    @Test
    void aLeasedMessageIsNotLeasedAgainUntilItsLeaseEnds() {
        hold(held("m-1", "alice", minutes(-10)));
        outbox.leaseHeldMessage(outbox.heldMessagesFor(at("alice")).getFirst(), T0, minutes(2));
        HeldMessage freshRead = outbox.heldMessagesFor(at("alice")).getFirst();

        assertThat(outbox.leaseHeldMessage(freshRead, minutes(1), minutes(3))).isFalse();
        assertThat(outbox.leaseHeldMessage(freshRead, minutes(2), minutes(4))).isTrue();
    }

    @Test
    void aMessageWaitingForALaterRetryIsNotLeasedBeforeThen() {
        HeldMessage later = heldForRetry("m-1", "alice", minutes(-10), minutes(5));
        hold(later);

        assertThat(outbox.leaseHeldMessage(later, T0, minutes(2))).isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(later);
        assertThat(outbox.leaseHeldMessage(later, minutes(5), minutes(7))).isTrue();
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverCannotHoldTheMessageAgain() {
        HeldMessage due = heldForRetry("due", "alice", minutes(-10), minutes(-1));
        hold(due);
        assertThat(outbox.leaseHeldMessage(due, T0, minutes(2))).isTrue();
        HeldMessage slow = due.retryingAt(Optional.of(minutes(2)));
        HeldMessage readLater = outbox.heldMessagesFor(at("alice")).getFirst();
        assertThat(outbox.leaseHeldMessage(readLater, minutes(3), minutes(5))).as("the first lease ran out").isTrue();

        assertThat(outbox.holdMessage(slow.triedOnce(Optional.empty()), slow.retryAt()))
                .as("the slow worker would free the message while the next one sends it").isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).extracting(HeldMessage::retryAt)
                .containsExactly(Optional.of(minutes(5)));

        HeldMessage next = due.retryingAt(Optional.of(minutes(5)));
        assertThat(outbox.holdMessage(next.triedOnce(Optional.of(minutes(6))), next.retryAt())).isTrue();
        assertThat(outbox.heldMessagesFor(at("alice"))).extracting(HeldMessage::retryAt)
                .containsExactly(Optional.of(minutes(6)));
    }

    @Test
    void leaseIsRefusedForAMessageReleasedOrHeldAgainMeanwhile() {
        HeldMessage released = heldForRetry("released", "alice", minutes(-10), minutes(-1));
        HeldMessage rescheduled = held("rescheduled", "bob", minutes(-10));
        hold(released, rescheduled);

        outbox.releaseHeldMessage(released, minutes(60));
        outbox.holdMessage(heldForRetry("rescheduled", "bob", minutes(-10), minutes(5)), rescheduled.retryAt());

        assertThat(outbox.leaseHeldMessage(released, T0, minutes(2))).isFalse();
        assertThat(outbox.leaseHeldMessage(rescheduled, T0, minutes(2))).isFalse();
        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
        assertThat(outbox.heldMessagesFor(at("bob"))).extracting(HeldMessage::retryAt)
                .containsExactly(Optional.of(minutes(5)));
    }

    @Test
    void concurrentLeasesOfOneMessageHaveOneWinner() {
        HeldMessage due = heldForRetry("m-1", "alice", minutes(-10), minutes(-1));
        hold(due);

        List<Boolean> leased = Race.run(16, i -> outbox.leaseHeldMessage(due, T0, minutes(2 + i)));

        assertThat(leased).containsOnlyOnce(true);
    }

    @Test
    void heldMessagesByIdAreThoseStillHeld() {
        HeldMessage still = held("still", "alice", T0);
        HeldMessage bobs = held("bobs", "bob", T0);
        HeldMessage gone = held("gone", "alice", T0);
        hold(still, gone, bobs);
        outbox.releaseHeldMessage(gone, minutes(60));

        assertThat(outbox.heldMessages(List.of("still", "gone", "unknown", "bobs", "still")))
                .containsExactlyInAnyOrder(still, bobs);
        assertThat(outbox.heldMessages(List.of())).isEmpty();
    }

    @Test
    void withdrawingWhatIsAboutSomeoneReleasesItWhoeverItIsFor() {
        HeldMessage toBob = heldAbout("to-bob", "bob", T0, "alice");
        HeldMessage toCarol = heldAbout("to-carol", "carol", T0, "dan", "alice");
        HeldMessage aboutDan = heldAbout("about-dan", "carol", minutes(1), "dan");
        HeldMessage toAlice = held("to-alice", "alice", T0);
        hold(toBob, toCarol, aboutDan, toAlice);

        assertThat(outbox.withdrawAbout(at("alice"), minutes(60))).isEqualTo(2);

        assertThat(outbox.heldMessagesFor(at("bob"))).isEmpty();
        assertThat(outbox.heldMessagesFor(at("carol"))).containsExactly(aboutDan);
        assertThat(outbox.heldMessagesFor(at("alice"))).containsExactly(toAlice);
        assertThat(outbox.holdNew(List.of(toBob))).as("remembered").isEmpty();
        assertThat(outbox.withdrawAbout(at("alice"), minutes(60))).isZero();
    }

    @Test
    void aMessageAboutSomeoneIsNoLongerFoundByThemOnceItLeft() {
        HeldMessage toBob = heldAbout("to-bob", "bob", T0, "alice");
        hold(toBob);
        outbox.releaseHeldMessage(toBob, minutes(60));

        assertThat(outbox.withdrawAbout(at("alice"), minutes(60))).isZero();
    }
}
