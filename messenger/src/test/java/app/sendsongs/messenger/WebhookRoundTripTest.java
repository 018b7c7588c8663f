package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.shared.ChatAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox builds, signs and POSTs real webhook events ({@code POST /sandbox/messenger/send}); a front door made
 * of {@link SignatureVerifier} and {@link WebhookParser} must accept them and read back what the person did.
 */
class WebhookRoundTripTest {
    private static final ChatAddress ALICE = ChatAddress.messenger("psid-alice");
    private final MessengerSandbox sandbox = new MessengerSandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSignedEventFromTheSandboxIsVerifiedAndParsed() {
        String text = "send_song name:\u201cBob Fisher\u201d https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm";

        String mid = sandbox.personWrites("psid-alice", text).path("mid").asText();

        assertThat(sandbox.received).containsExactly(
                new Inbound.Text(mid, ALICE, MessengerSandbox.START, text));
    }

    @Test
    void aQuickReplyTapIsReadAsTheChoiceItsPayloadNames() {
        String mid = sandbox.tapsQuickReply("psid-alice", "Bob Fisher (2)", "2").path("mid").asText();

        assertThat(sandbox.received).containsExactly(
                new Inbound.ChoiceTapped(mid, ALICE, MessengerSandbox.START, "2", "Bob Fisher (2)"));
    }

    @Test
    void aButtonTapIsReadWithItsPayloadAndTitle() {
        String mid = sandbox.tapsButton("psid-alice", "Cancel", "cancel 1").path("mid").asText();

        assertThat(sandbox.received).containsExactly(
                new Inbound.ButtonTapped(mid, ALICE, MessengerSandbox.START, "cancel 1", "Cancel"));
    }

    @Test
    void anOpenedLinkIsReadWithItsRefAndAnIdThatIsTheSameOnRedelivery() {
        sandbox.opensLink("psid-alice", "song-42");
        sandbox.opensLink("psid-alice", "song-42");

        assertThat(sandbox.received).hasSize(2).allSatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(Inbound.OpenedLink.class, opened -> assertThat(opened.ref()).isEqualTo("song-42")));
        assertThat(sandbox.received.get(0).eventId()).as("same sender, same moment, same ref: one event")
                .isEqualTo(sandbox.received.get(1).eventId());
        sandbox.advanceSeconds(1);
        sandbox.opensLink("psid-alice", "song-42");
        assertThat(sandbox.received.get(2).eventId()).isNotEqualTo(sandbox.received.get(0).eventId());
    }

    @Test
    void everyMessageGetsItsOwnMid() {
        sandbox.personWrites("psid-alice", "help");
        sandbox.personWrites("psid-alice", "help");

        assertThat(sandbox.received).hasSize(2);
        assertThat(sandbox.received.get(0).eventId()).isNotEqualTo(sandbox.received.get(1).eventId());
    }

    @Test
    void aFrontDoorWithAnotherSecretRejectsTheSandboxsEvents() {
        sandbox.sandbox.botWebhookUrl(sandbox.base + "/webhook-other-secret");
        SignatureVerifier other = new SignatureVerifier("not-the-app-secret");
        sandbox.app.post("/webhook-other-secret", ctx -> ctx.status(
                other.verify(ctx.bodyAsBytes(), ctx.header(SignatureVerifier.HEADER)) ? 200 : 403));

        assertThatThrownBy(() -> sandbox.personWrites("psid-alice", "help"))
                .hasMessageContaining("bot answered 403");
    }

    @Test
    void aMessageSentThroughTheSendApiComesBackAsAnEchoWithItsReferenceWhenTheAppIsSubscribed() throws Exception {
        sandbox.personWrites("psid-alice", "help");
        sandbox.sandbox.messenger().subscribe(List.of("messages", "messaging_postbacks", "message_echoes"));
        GraphSendApi graph = sandbox.graph();

        graph.send("psid-alice", Message.text("Here is the help"), MessageKind.RESPONSE, "ref-help");
        graph.send("psid-alice", Message.text("Alice sent you a song").withCard(SongCard.of("Neon Heron", "",
                URI.create("https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm"))), MessageKind.UPDATE,
                "ref-song");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sandbox.echoed.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sandbox.echoed).as("the song's text part goes without the reference")
                .containsExactlyInAnyOrder("ref-help", "ref-song");
        assertThat(sandbox.received).as("echoes are no events: only the person's help").hasSize(1);
    }
}
