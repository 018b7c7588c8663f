package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.fakes.InMemoryStore;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Held messages go out once, in order, also when two workers (the webhook and the tick, or two servers) race. */
class OutboxTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final RecordingChat chat = new RecordingChat();
    private final Outbox outbox = new Outbox(chat, store, clock, SendSongs.Settings.LEASE);

    @Test
    void messagesHeldOutsideTheWindowGoOutInOrderWhenThePersonWrites() {
        chat.windowCloses("bob");
        outbox.notify("bob", "first");
        outbox.notify("bob", "second");
        assertThat(chat.inbox("bob")).isEmpty();

        chat.windowOpens("bob");
        outbox.personWrote("bob");

        assertThat(chat.inbox("bob")).containsExactly("first", "second");
        assertThat(store.heldMessagesFor("bob")).isEmpty();
    }

    @Test
    void aMessageAnotherWorkerIsSendingIsNotSentAgain() {
        chat.windowCloses("bob");
        outbox.notify("bob", "first");
        HeldMessage read = store.heldMessagesFor("bob").getFirst();
        assertThat(store.leaseHeldMessage(read, clock.instant(), clock.instant().plus(Duration.ofMinutes(2)))).isTrue();

        chat.windowOpens("bob");
        outbox.personWrote("bob");

        assertThat(chat.inbox("bob")).isEmpty();
        assertThat(store.heldMessagesFor("bob")).hasSize(1);
    }

    @Test
    void aMessageWhoseSenderDiedIsRetriedWhenItsLeaseEnds() {
        chat.windowCloses("bob");
        outbox.notify("bob", "first");
        HeldMessage read = store.heldMessagesFor("bob").getFirst();
        store.leaseHeldMessage(read, clock.instant(), clock.instant().plus(Duration.ofMinutes(2)));
        chat.windowOpens("bob");

        clock.advance(Duration.ofMinutes(1));
        outbox.retryDue(10);
        assertThat(chat.inbox("bob")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        outbox.retryDue(10);
        assertThat(chat.inbox("bob")).containsExactly("first");
        assertThat(store.heldMessagesFor("bob")).isEmpty();
    }

    @Test
    void whatWasHeldBehindARetriedMessageFollowsIt() {
        SwitchableChat flaky = new SwitchableChat();
        Outbox flakyOutbox = new Outbox(flaky, store, clock, SendSongs.Settings.LEASE);
        flaky.failing = true;
        flakyOutbox.notify("bob", "first");
        flaky.failing = false;
        flakyOutbox.reply("bob", "second");
        assertThat(flaky.sent).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        flakyOutbox.retryDue(10);

        assertThat(flaky.sent).containsExactly("first", "second");
        assertThat(store.heldMessagesFor("bob")).isEmpty();
    }

    @Test
    void aFailedSendIsHeldAgainWithItsBackoffNotTheLease() {
        ChatPlatform failing = (psid, text, kind) -> new SendOutcome.Failed("overloaded", Optional.empty());
        Outbox failingOutbox = new Outbox(failing, store, clock, SendSongs.Settings.LEASE);
        failingOutbox.notify("bob", "first");
        Instant firstRetry = store.heldMessagesFor("bob").getFirst().retryAt().orElseThrow();
        assertThat(firstRetry).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        failingOutbox.retryDue(10);

        List<HeldMessage> held = store.heldMessagesFor("bob");
        assertThat(held).hasSize(1);
        assertThat(held.getFirst().retryAt()).contains(clock.instant().plus(Duration.ofMinutes(1)));
    }

    /** Fails every send while {@code failing}, as Messenger does during an outage. */
    private static final class SwitchableChat implements ChatPlatform {
        volatile boolean failing;
        final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public SendOutcome send(String psid, String text, MessageKind kind) {
            if (failing) {
                return new SendOutcome.Failed("unavailable", Optional.empty());
            }
            sent.add(text);
            return new SendOutcome.Sent();
        }
    }
}
