package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.Rendezvous;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Held messages go out once, in order, also when two workers (the webhook and the tick, or two servers) race. */
class OutboxTest {
    private static final ChatAddress BOB = ChatAddress.messenger("bob");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryOutbox store = new InMemoryOutbox();
    private final RecordingChat chat = new RecordingChat();
    private final Outbox outbox = outbox(chat);

    @Test
    void messagesHeldOutsideTheWindowGoOutInOrderWhenThePersonWrites() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("first"));
        outbox.notify(BOB, Message.text("second"));
        assertThat(chat.inbox("bob")).isEmpty();

        chat.windowOpens("bob");
        outbox.personWrote(BOB);

        assertThat(chat.inbox("bob")).containsExactly("first", "second");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aHeldMessageKeepsItsChoicesAndCard() {
        URI link = URI.create("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
        Message rich = Message.text("🎵 Alice sent you a song").withCard(SongCard.of("Never Gonna Give You Up",
                "Rick Astley", link)).withChoices(List.of(Choice.of("history")));
        chat.windowCloses("bob");
        outbox.notify(BOB, rich);
        assertThat(store.heldMessagesFor(BOB)).extracting(HeldMessage::message).containsExactly(rich);

        chat.windowOpens("bob");
        outbox.personWrote(BOB);

        assertThat(chat.messages("bob")).containsExactly(rich);
    }

    @Test
    void aMessageAnotherWorkerIsSendingIsNotSentAgain() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("first"));
        HeldMessage read = store.heldMessagesFor(BOB).getFirst();
        assertThat(store.leaseHeldMessage(read, clock.instant(), clock.instant().plus(Duration.ofMinutes(2)))).isTrue();

        chat.windowOpens("bob");
        outbox.personWrote(BOB);

        assertThat(chat.inbox("bob")).isEmpty();
        assertThat(store.heldMessagesFor(BOB)).hasSize(1);
    }

    @Test
    void aMessageWhoseSenderDiedIsRetriedWhenItsLeaseEnds() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("first"));
        HeldMessage read = store.heldMessagesFor(BOB).getFirst();
        store.leaseHeldMessage(read, clock.instant(), clock.instant().plus(Duration.ofMinutes(2)));
        chat.windowOpens("bob");

        clock.advance(Duration.ofMinutes(1));
        outbox.retryDue(10);
        assertThat(chat.inbox("bob")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        outbox.retryDue(10);
        assertThat(chat.inbox("bob")).containsExactly("first");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void whatWasHeldBehindARetriedMessageFollowsIt() {
        SwitchableChat flaky = new SwitchableChat();
        Outbox flakyOutbox = outbox(flaky);
        flaky.failing = true;
        flakyOutbox.notify(BOB, Message.text("first"));
        flaky.failing = false;
        flakyOutbox.reply(BOB, Message.text("second"));
        assertThat(flaky.sent).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        flakyOutbox.retryDue(10);

        assertThat(flaky.sent).containsExactly("first", "second");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aFailedSendIsHeldAgainWithItsBackoffNotTheLease() {
        SwitchableChat failing = new SwitchableChat();
        failing.failing = true;
        Outbox failingOutbox = outbox(failing);
        failingOutbox.notify(BOB, Message.text("first"));
        Instant firstRetry = store.heldMessagesFor(BOB).getFirst().retryAt().orElseThrow();
        assertThat(firstRetry).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        failingOutbox.retryDue(10);

        List<HeldMessage> held = store.heldMessagesFor(BOB);
        assertThat(held).hasSize(1);
        assertThat(held.getFirst().retryAt()).contains(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void aFailedSendIsTriedAgainAfterTheWaitThePlatformAskedForThenAfterItsBackoff() {
        SwitchableChat paced = askingToWait(Duration.ofSeconds(3));
        Outbox pacedOutbox = outbox(paced);
        pacedOutbox.notify(BOB, Message.text("first"));
        assertThat(store.heldMessagesFor(BOB).getFirst().retryAt()).contains(clock.instant().plusSeconds(3));

        for (int tried = 2; tried < RetryTimes.TRIES_AT_THE_PLATFORMS_PACE; tried++) {
            clock.advance(Duration.ofSeconds(3));
            assertThat(pacedOutbox.retryDue(10)).isEqualTo(1);
            assertThat(store.heldMessagesFor(BOB).getFirst().retryAt()).contains(clock.instant().plusSeconds(3));
        }
        clock.advance(Duration.ofSeconds(3));
        pacedOutbox.retryDue(10);
        assertThat(store.heldMessagesFor(BOB).getFirst().retryAt()).as("tried %d times: its backoff",
                RetryTimes.TRIES_AT_THE_PLATFORMS_PACE).contains(clock.instant().plus(Duration.ofMinutes(1)));

        paced.failing = false;
        clock.advance(Duration.ofMinutes(1));
        pacedOutbox.retryDue(10);
        assertThat(paced.sent).containsExactly("first");
    }

    @Test
    void retryWaitedSendsAMessageOnceTheWaitItWasGivenIsOver() {
        SwitchableChat paced = askingToWait(Duration.ofSeconds(3));
        Outbox pacedOutbox = outbox(paced);
        pacedOutbox.notify(BOB, Message.text("first"));
        paced.failing = false;

        clock.advance(Duration.ofSeconds(2));
        assertThat(pacedOutbox.retryWaited(10)).isZero();
        assertThat(paced.sent).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(pacedOutbox.retryWaited(10)).isEqualTo(1);
        assertThat(paced.sent).containsExactly("first");
        assertThat(pacedOutbox.retryWaited(10)).as("nothing more to wait for").isZero();
    }

    @Test
    void retryWaitedLeavesAMessageItGaveNoWaitToTheTick() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("first"));
        HeldMessage read = store.heldMessagesFor(BOB).getFirst();
        store.leaseHeldMessage(read, clock.instant(), clock.instant().plus(Duration.ofMinutes(2))); // a worker died
        chat.windowOpens("bob");
        clock.advance(Duration.ofMinutes(2));

        assertThat(outbox.retryWaited(10)).isZero();
        assertThat(chat.inbox("bob")).isEmpty();
        assertThat(outbox.retryDue(10)).isEqualTo(1);
        assertThat(chat.inbox("bob")).containsExactly("first");
    }

    @Test
    void aPlatformAskingForNoWaitAtAllGetsASecond() {
        SwitchableChat impatient = askingToWait(Duration.ZERO);

        outbox(impatient).notify(BOB, Message.text("first"));

        assertThat(store.heldMessagesFor(BOB).getFirst().retryAt()).contains(clock.instant().plusSeconds(1));
        assertThat(outbox(impatient).retryDue(10)).as("nothing is due yet").isZero();
    }

    @Test
    void aPersonOnAPlatformThatIsNotConfiguredWaitsUntilTheyWrite() {
        ChatAddress elsewhere = new ChatAddress(new Platform("elsewhere"), "bob");

        assertThat(outbox.notify(elsewhere, Message.text("hello"))).isEqualTo(Outbox.Delivery.WAITING_FOR_PERSON);

        assertThat(store.heldMessagesFor(elsewhere)).singleElement().satisfies(held -> {
            assertThat(held.message()).isEqualTo(Message.text("hello"));
            assertThat(held.retryAt()).isEmpty();
        });
        assertThat(chat.inbox("bob")).isEmpty();
    }

    @Test
    void aMessageIsHeldUnderItsIdBeforeItGoesAndTheIdTravelsWithIt() {
        SwitchableChat platform = new SwitchableChat();
        Cause.run("messenger:m_1", () -> outbox(platform).reply(BOB, Message.text("hello")));

        assertThat(platform.references).containsExactly(Cause.call("messenger:m_1", () -> Cause.id("reply")));
        assertThat(store.heldMessagesFor(BOB)).as("released once sent").isEmpty();
    }

    @Test
    void theSameCauseDoneAgainSendsNothingTwice() {
        Cause.run("messenger:m_1", () -> {
            outbox.reply(BOB, Message.text("the answer"));
            outbox.notify(BOB, Message.text("a notice"));
        });
        Cause.run("messenger:m_1", () -> {
            outbox.reply(BOB, Message.text("the answer"));
            outbox.notify(BOB, Message.text("a notice"));
        });
        Cause.run("messenger:m_2", () -> outbox.reply(BOB, Message.text("the answer")));

        assertThat(chat.inbox("bob")).containsExactly("the answer", "a notice", "the answer");
    }

    @Test
    void aMessageOnceForAThingGoesOnce() {
        String id = StableIds.of("played", "share-1");

        outbox.notifyOnce(id, BOB, Message.text("Carol listened"), List.of());
        outbox.notifyOnce(id, BOB, Message.text("Carol listened"), List.of());

        assertThat(chat.inbox("bob")).containsExactly("Carol listened");
    }

    @Test
    void aKindOfMessageAboutSomeoneIsTakenBackByItsIdAndWholeTextEveryPartOfItAndNothingElse() {
        ChatAddress carol = ChatAddress.messenger("carol");
        String id = StableIds.of("played", "share-1");
        chat.windowCloses("bob");
        outbox.notifyOnce(id, BOB, Message.text("word ".repeat(500) + "the end"), List.of(carol));
        outbox.notifyOnce(StableIds.of("played", "share-2"), BOB, Message.text("the end"), List.of(carol));
        outbox.notifyOnce(id + "-other", BOB, Message.text("word the end"), List.of(ChatAddress.messenger("dan")));
        assertThat(store.heldMessagesFor(BOB)).hasSize(4);

        assertThat(outbox.withdrawHeld(BOB, carol, (messageId, text) -> messageId.equals(id)
                && text.startsWith("word word") && text.endsWith("the end"))).isEqualTo(2);

        assertThat(store.heldMessagesFor(BOB)).extracting(held -> held.message().text())
                .containsExactly("the end", "word the end");
    }

    @Test
    void aKindOfMessageAboutSomeoneStillHeldIsToldByItsIdWithItsWholeTextOnce() {
        ChatAddress carol = ChatAddress.messenger("carol");
        String id = StableIds.of("played", "share-1");
        chat.windowCloses("bob");
        outbox.notifyOnce(id, BOB, Message.text("word ".repeat(500) + "the end"), List.of(carol));
        outbox.notifyOnce(StableIds.of("played", "share-2"), BOB, Message.text("the end"), List.of(carol));
        outbox.notifyOnce(id + "-other", BOB, Message.text("word the end"), List.of(ChatAddress.messenger("dan")));

        Map<String, String> held = outbox.heldOfKind(BOB, carol, (messageId, text) -> text.startsWith("word"));

        assertThat(held).containsOnlyKeys(id);
        assertThat(held.get(id)).startsWith("word word").endsWith("the end");
        assertThat(store.heldMessagesFor(BOB)).hasSize(4);
    }

    @Test
    void eachPartOfALongTextIsSentOnceAndOnlyTheFailedPartAgain() {
        SwitchableChat platform = new SwitchableChat();
        platform.failAfter = 1;
        Outbox parted = outbox(platform);
        String text = "word ".repeat(500).strip();

        assertThat(parted.notify(BOB, Message.text(text))).isEqualTo(Outbox.Delivery.RETRYING);
        assertThat(platform.sent).hasSize(1);
        assertThat(store.heldMessagesFor(BOB)).singleElement().satisfies(rest -> assertThat(rest.id()).endsWith("#2"));

        platform.failAfter = Integer.MAX_VALUE;
        clock.advance(Duration.ofMinutes(1));
        parted.retryDue(10);

        assertThat(platform.sent).hasSize(2);
        assertThat(String.join(" ", platform.sent)).isEqualTo(text);
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aSongsCardThatFailedAfterItsTextWentIsSentAgainWithoutTheText() {
        SwitchableChat platform = new SwitchableChat();
        platform.cardApart = true;
        platform.failAfter = 1;
        Outbox parted = outbox(platform);
        Message song = Message.text("Alice sent you a song")
                .withCard(SongCard.of("Take On Me", "a-ha", URI.create("https://open.spotify.com/track/x")));

        assertThat(parted.deliverShare(BOB, song, "share-1", ChatAddress.messenger("a")))
                .isEqualTo(Outbox.Delivery.RETRYING);
        assertThat(platform.sent).containsExactly("Alice sent you a song");

        platform.failAfter = Integer.MAX_VALUE;
        clock.advance(Duration.ofMinutes(1));
        parted.retryDue(10);

        assertThat(platform.sent).as("the text once, then the card alone").containsExactly("Alice sent you a song", "");
        assertThat(platform.cards).containsExactly(song.card().orElseThrow());
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aMessageRefusedForGoodDoesNotHoldBackLaterOnesAndIsGivenUpAfterThreeTries() {
        SwitchableChat platform = new SwitchableChat();
        Outbox refusing = outbox(platform);
        List<String> givenUp = new CopyOnWriteArrayList<>();
        refusing.onShareGivenUp((shareId, why) -> givenUp.add(shareId + " " + why));
        platform.refuse = "bad";

        refusing.deliverShare(BOB, Message.text("bad song"), "share-1", ChatAddress.messenger("alice"));
        refusing.notify(BOB, Message.text("fine"));

        assertThat(platform.sent).containsExactly("fine");
        for (int retry = 1; retry < Outbox.MOST_REFUSALS; retry++) {
            clock.advance(Duration.ofMinutes(10));
            refusing.retryDue(10);
        }
        assertThat(platform.attempts).isEqualTo(Outbox.MOST_REFUSALS + 1);
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
        assertThat(givenUp).containsExactly("share-1 REFUSED");

        clock.advance(Duration.ofHours(2));
        refusing.retryDue(10);
        assertThat(platform.attempts).as("not tried again").isEqualTo(Outbox.MOST_REFUSALS + 1);
    }

    @Test
    void aMessageWaitingForAPersonWhoNeverWritesIsGivenUpAfterTheHoldLimit() {
        List<String> givenUp = new CopyOnWriteArrayList<>();
        outbox.onShareGivenUp((shareId, why) -> givenUp.add(shareId + " " + why));
        chat.windowCloses("bob");
        outbox.deliverShare(BOB, Message.text("song"), "share-1", ChatAddress.messenger("alice"));

        clock.advance(Outbox.HOLD_LIMIT.minusMinutes(1));
        outbox.retryDue(10);
        assertThat(store.heldMessagesFor(BOB)).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        outbox.retryDue(10);
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
        assertThat(givenUp).containsExactly("share-1 NEVER_WROTE");
    }

    @Test
    void aMessageWhoseSenderDiedAfterThePlatformTookItIsConfirmedByItsEchoAndNotSentAgain() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        outbox.onShareDelivered((shareId, at) -> delivered.add(shareId));
        chat.windowCloses("bob");
        outbox.deliverShare(BOB, Message.text("song"), "share-1", ChatAddress.messenger("alice"));
        HeldMessage held = store.heldMessagesFor(BOB).getFirst();
        // A worker takes it, the platform takes it, and the worker dies before it can release it.
        store.leaseHeldMessage(held, clock.instant(), clock.instant().plus(SendSongs.Settings.LEASE));
        chat.windowOpens("bob");

        outbox.confirmSent(List.of(held.id(), "someone-elses-id"));
        clock.advance(SendSongs.Settings.LEASE);
        outbox.retryDue(10);

        assertThat(chat.inbox("bob")).isEmpty();
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
        assertThat(delivered).containsExactly("share-1");
    }

    @Test
    void whatWaitedBehindAMessageWhoseEchoReleasedItGoesAtTheNextRetry() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("first"));
        outbox.notify(BOB, Message.text("second"));
        HeldMessage first = store.heldMessagesFor(BOB).getFirst();
        store.leaseHeldMessage(first, clock.instant(), clock.instant().plus(SendSongs.Settings.LEASE));
        chat.windowOpens("bob"); // the worker sent the first and died

        outbox.confirmSent(List.of(first.id()));
        outbox.retryDue(10);

        assertThat(chat.inbox("bob")).containsExactly("second");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void anEchoThatOvertakesTheRecordOfASendDoesNotHoldBackWhatFollows() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("🎵 Alice sent you a song"));
        outbox.notify(BOB, Message.text("the song's card"));
        String first = store.heldMessagesFor(BOB).getFirst().id();
        AtomicBoolean echoed = new AtomicBoolean();
        // The platform's echo of the first message reaches the webhook before its worker has recorded the send.
        chat.duringEachSend(() -> {
            if (echoed.compareAndSet(false, true)) {
                outbox.confirmSent(List.of(first));
            }
        });
        chat.windowOpens("bob");

        outbox.personWrote(BOB);

        assertThat(chat.inbox("bob")).containsExactly("🎵 Alice sent you a song", "the song's card");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void withoutAnEchoAMessageWhoseSenderDiedIsSentWhenItsLeaseEnds() {
        outbox.notify(BOB, Message.text("first"));
        HeldMessage sent = store.heldMessagesFor(BOB).stream().findFirst().orElse(null);
        assertThat(sent).as("sent and released").isNull();
        chat.windowCloses("bob");
        Cause.run("messenger:m_9", () -> outbox.notify(BOB, Message.text("second")));
        HeldMessage held = store.heldMessagesFor(BOB).getFirst();
        store.leaseHeldMessage(held, clock.instant(), clock.instant().plus(SendSongs.Settings.LEASE));
        chat.windowOpens("bob");

        clock.advance(SendSongs.Settings.LEASE);
        outbox.retryDue(10);

        assertThat(chat.inbox("bob")).containsExactly("first", "second");
    }

    @Test
    void aMessageSentWhileAnotherToThePersonIsInItsFirstSendGoesItsOwnWay() {
        SwitchableChat platform = new SwitchableChat();
        Outbox sending = outbox(platform);
        platform.duringNextSend = () -> assertThat(sending.notify(BOB, Message.text("second")))
                .isEqualTo(Outbox.Delivery.SENT);

        assertThat(sending.notify(BOB, Message.text("first"))).isEqualTo(Outbox.Delivery.SENT);

        assertThat(platform.sent).containsExactlyInAnyOrder("first", "second");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aMessageHeldBehindOneBeingRetriedFollowsItWhenItGoes() {
        SwitchableChat platform = new SwitchableChat();
        Outbox flaky = outbox(platform);
        platform.failing = true;
        flaky.notify(BOB, Message.text("first"));
        platform.failing = false;
        platform.duringNextSend = () -> assertThat(flaky.notify(BOB, Message.text("second")))
                .isEqualTo(Outbox.Delivery.RETRYING);

        clock.advance(Duration.ofMinutes(1));
        flaky.retryDue(10);

        assertThat(platform.sent).containsExactly("first", "second");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void messagesAboutSomeoneAreWithdrawnWhateverTheirReceiver() {
        ChatAddress carol = ChatAddress.messenger("carol");
        ChatAddress alice = ChatAddress.messenger("alice");
        chat.windowCloses("bob");
        chat.windowCloses("carol");
        outbox.notify(BOB, Message.text("Alice listened"), List.of(alice));
        outbox.notify(carol, Message.text("Alice added you"), List.of(alice));
        outbox.notify(carol, Message.text("about nobody"));

        assertThat(outbox.withdrawAbout(alice)).isEqualTo(2);

        assertThat(store.heldMessagesFor(BOB)).isEmpty();
        assertThat(store.heldMessagesFor(carol)).extracting(h -> h.message().text()).containsExactly("about nobody");
    }

    @Test
    void aWithdrawnSongIsNotHeldAgainByItsCauseDoneAgain() {
        chat.windowCloses("bob");
        Runnable send = () -> outbox.deliverShare(BOB, Message.text("song"), "share-1", ChatAddress.messenger("a"));
        send.run();
        outbox.withdrawShare(BOB, "share-1");

        send.run();

        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aWithdrawnSongSentApartFromItsCardTakesBackItsTextToo() {
        SwitchableChat platform = new SwitchableChat();
        platform.cardApart = true;
        platform.failing = true;
        Outbox parted = outbox(platform);
        Message song = Message.text("Alice sent a song to Family")
                .withCard(SongCard.of("Take On Me", "a-ha", URI.create("https://open.spotify.com/track/x")));
        parted.deliverShare(BOB, song, "share-1", ChatAddress.messenger("a"));
        parted.notify(BOB, Message.text("later"));

        parted.withdrawShare(BOB, "share-1");
        platform.failing = false;
        clock.advance(Duration.ofMinutes(1));
        parted.retryDue(10);

        assertThat(platform.sent).as("neither the song's text nor its card").containsExactly("later");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aMessageHeldBehindOneThatWentOutMeanwhileGoesToo() {
        SwitchableChat flaky = askingToWait(Duration.ofSeconds(1));
        Outbox flakyOutbox = heldThenTaken(flaky, "first");
        // The next message finds "first" ahead and is to wait behind it; before it is held, the retry sends "first"
        // and looks for what waits behind it, finding nothing yet.
        store.beforeNextHoldNew(() -> flakyOutbox.retryDue(10));

        flakyOutbox.reply(BOB, Message.text("second"));

        assertThat(flaky.sent).containsExactly("first", "second");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void whatIsHeldWhileAQueueGoesOutFollowsItHoweverLongItTakes() {
        AtomicReference<Outbox.Delivery> lastDelivery = new AtomicReference<>();
        SwitchableChat paced = askingToWait(Duration.ofSeconds(1));
        Outbox pacedOutbox = heldThenTaken(paced, "a");
        // While each message goes out (at the chat's pace, a second each), more are held behind the queue.
        paced.duringNextSend = () -> {
            pacedOutbox.notify(BOB, Message.text("b"));
            pacedOutbox.notify(BOB, Message.text("c"));
            paced.duringNextSend = () -> lastDelivery.set(pacedOutbox.notify(BOB, Message.text("d")));
        };

        pacedOutbox.retryDue(10);

        assertThat(lastDelivery.get()).as("d waited for b and c going out, not for Bob").isEqualTo(Outbox.Delivery.QUEUED);
        assertThat(paced.sent).containsExactly("a", "b", "c", "d");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void aQueueWhoseSenderDiedGoesOutWhenTheLeaseOfTheMessageItWasSendingEnds() {
        SwitchableChat chatThatDies = askingToWait(Duration.ofSeconds(1));
        Outbox dyingOutbox = heldThenTaken(chatThatDies, "first", "second", "third");
        // The retry sends "first", takes "second" along and dies while sending it, "third" still queued behind.
        chatThatDies.duringNextSend = () -> chatThatDies.duringNextSend = () -> {
            throw new IllegalStateException("the worker died");
        };
        try {
            dyingOutbox.retryDue(10);
        } catch (IllegalStateException expected) {
            // as the process would be gone
        }
        assertThat(chatThatDies.sent).containsExactly("first");

        clock.advance(SendSongs.Settings.LEASE);
        dyingOutbox.retryDue(10);

        assertThat(chatThatDies.sent).containsExactly("first", "second", "third");
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void oneChatWaitingForItsPaceDoesNotHoldUpTheRetriesOfAnother() {
        ChatAddress alice = ChatAddress.messenger("alice");
        SwitchableChat paced = askingToWait(Duration.ofSeconds(1));
        Outbox pacedOutbox = outbox(paced);
        pacedOutbox.notify(alice, Message.text("for alice"));
        pacedOutbox.notify(BOB, Message.text("for bob"));
        paced.failing = false;
        // Each send waits, as a send waits for its chat's slot, until the other person's send has begun too: one
        // retry after the other would make the first give up waiting and fail.
        paced.beforeEachSend = new Rendezvous(2);

        clock.advance(Duration.ofSeconds(1));
        pacedOutbox.retryDue(10);

        assertThat(paced.sent).containsExactlyInAnyOrder("for alice", "for bob");
        assertThat(store.heldMessagesFor(alice)).isEmpty();
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    /** Bob's texts held by {@code chat}, which asked for a second's wait; it takes everything now, and their retry is due. */
    @Test
    void afterARestartAMessageTheEarlierRunWasSendingWaitsALeaseForItsEchoBeforeItIsSentAgain() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("in flight at the crash"));
        HeldMessage held = store.heldMessagesFor(BOB).getFirst();
        store.leaseHeldMessage(held, clock.instant(), clock.instant().plus(SendSongs.Settings.LEASE));
        chat.windowOpens("bob"); // the platform took it; the process died before it could record so
        clock.advance(SendSongs.Settings.LEASE.minusSeconds(10)); // down for almost a lease
        Outbox restarted = outbox(chat);
        restarted.waitForEchoesOfEarlierRuns();

        clock.advance(Duration.ofSeconds(30)); // its lease is over, but its echo is still on its way
        restarted.retryDue(10);
        restarted.personWrote(BOB);
        assertThat(chat.inbox("bob")).isEmpty();

        restarted.confirmSent(List.of(held.id())); // the platform delivers the echo again
        clock.advance(SendSongs.Settings.LEASE);
        restarted.retryDue(10);
        assertThat(chat.inbox("bob")).isEmpty();
        assertThat(store.heldMessagesFor(BOB)).isEmpty();
    }

    @Test
    void afterARestartAMessageTheEarlierRunNeverSentGoesOnceALeaseHasPassedWithoutItsEcho() {
        chat.windowCloses("bob");
        outbox.notify(BOB, Message.text("never reached the platform"));
        HeldMessage held = store.heldMessagesFor(BOB).getFirst();
        store.leaseHeldMessage(held, clock.instant(), clock.instant().plus(SendSongs.Settings.LEASE));
        chat.windowOpens("bob");
        Outbox restarted = outbox(chat);
        restarted.waitForEchoesOfEarlierRuns();

        clock.advance(SendSongs.Settings.LEASE.minusSeconds(1));
        restarted.retryDue(10);
        assertThat(chat.inbox("bob")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        restarted.retryDue(10);
        assertThat(chat.inbox("bob")).containsExactly("never reached the platform");
    }

    @Test
    void afterARestartWhatTheNewRunHoldsIsRetriedAtItsOwnTimesNotHeldBack() {
        SwitchableChat flaky = new SwitchableChat();
        Outbox restarted = outbox(flaky);
        restarted.waitForEchoesOfEarlierRuns();
        clock.advance(Duration.ofSeconds(1));
        flaky.failing = true;
        restarted.notify(BOB, Message.text("held after the start"));
        flaky.failing = false;

        clock.advance(Duration.ofMinutes(1));
        restarted.retryDue(10);

        assertThat(flaky.sent).containsExactly("held after the start");
    }

    private Outbox heldThenTaken(SwitchableChat chat, String... texts) {
        Outbox held = outbox(chat);
        for (String text : texts) {
            held.notify(BOB, Message.text(text));
        }
        chat.failing = false;
        clock.advance(Duration.ofSeconds(1));
        return held;
    }

    private Outbox outbox(ChatPlatform platform) {
        return new Outbox(new ChatPlatforms(List.of(platform)), store, clock, SendSongs.Settings.LEASE,
                SendSongs.Settings.DEDUPE_WINDOW);
    }

    /**
     * Fails every send while {@code failing}, as a platform does during an outage, or after
     * {@code failAfter} sends; refuses every send for good while {@code refuse} is set.
     */
    /** A chat that fails every send, asking for {@code wait} as Telegram's {@code retry_after} does. */
    private static SwitchableChat askingToWait(Duration wait) {
        SwitchableChat chat = new SwitchableChat();
        chat.failing = true;
        chat.retryAfter = Optional.of(wait);
        return chat;
    }

    private static final class SwitchableChat implements ChatPlatform {
        volatile boolean failing;
        volatile int failAfter = Integer.MAX_VALUE;
        volatile String refuse;
        volatile int attempts;
        /** Run once, during the next send (as another worker would send to the same person meanwhile). */
        volatile Runnable duringNextSend;
        /** Whether a card goes as a message of its own, as on Messenger. */
        volatile boolean cardApart;
        /** The wait a failure asks for, as Telegram's {@code retry_after} does. */
        volatile Optional<Duration> retryAfter = Optional.empty();
        /** Run before each send, as a wait for the chat's slot; false fails the send, as a slot not come in time does. */
        volatile BooleanSupplier beforeEachSend = () -> true;
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<SongCard> cards = new CopyOnWriteArrayList<>();
        final List<String> references = new CopyOnWriteArrayList<>();

        @Override
        public Platform platform() {
            return Platform.MESSENGER;
        }

        @Override
        public int maxTextLength() {
            return 2000;
        }

        @Override
        public boolean showsRichMessages() {
            return true;
        }

        @Override
        public boolean sendsCardApart() {
            return cardApart;
        }

        @Override
        public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
            attempts++;
            Runnable meanwhile = duringNextSend;
            duringNextSend = null;
            if (meanwhile != null) {
                meanwhile.run();
            }
            if (!beforeEachSend.getAsBoolean()) {
                return new SendOutcome.Failed("the chat's slot did not come in time", Optional.of(Duration.ofSeconds(1)));
            }
            if (refuse != null && message.text().contains(refuse)) {
                return new SendOutcome.Refused("(#100) refused");
            }
            if (failing || sent.size() >= failAfter) {
                return new SendOutcome.Failed("unavailable", retryAfter);
            }
            sent.add(message.text());
            message.card().ifPresent(cards::add);
            references.add(reference);
            return new SendOutcome.Sent();
        }
    }
}
