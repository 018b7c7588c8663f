package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void aPersonOnAPlatformThatIsNotConfiguredWaitsUntilTheyWrite() {
        ChatAddress elsewhere = new ChatAddress(new Platform("elsewhere"), "bob");

        assertThat(outbox.notify(elsewhere, Message.text("hello"))).isEqualTo(Outbox.Delivery.WAITING_FOR_PERSON);

        assertThat(store.heldMessagesFor(elsewhere)).singleElement().satisfies(held -> {
            assertThat(held.message()).isEqualTo(Message.text("hello"));
            assertThat(held.retryAt()).isEmpty();
        });
        assertThat(chat.inbox("bob")).isEmpty();
    }

    private Outbox outbox(ChatPlatform platform) {
        return new Outbox(new ChatPlatforms(List.of(platform)), store, clock, SendSongs.Settings.LEASE);
    }

    /** Fails every send while {@code failing}, as a platform does during an outage. */
    private static final class SwitchableChat implements ChatPlatform {
        volatile boolean failing;
        final List<String> sent = new CopyOnWriteArrayList<>();

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
        public SendOutcome send(String recipientId, Message message, MessageKind kind) {
            if (failing) {
                return new SendOutcome.Failed("unavailable", Optional.empty());
            }
            sent.add(message.text());
            return new SendOutcome.Sent();
        }
    }
}
