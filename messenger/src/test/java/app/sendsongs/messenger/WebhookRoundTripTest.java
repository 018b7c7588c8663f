package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.InboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox builds, signs and POSTs real webhook events ({@code POST /sandbox/messenger/send}); a front door made
 * of {@link SignatureVerifier} and {@link WebhookParser} must accept them and read the text back.
 */
class WebhookRoundTripTest {
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
                new InboundMessage(mid, "psid-alice", text, MessengerSandbox.START));
    }

    @Test
    void everyMessageGetsItsOwnMid() {
        sandbox.personWrites("psid-alice", "help");
        sandbox.personWrites("psid-alice", "help");

        assertThat(sandbox.received).hasSize(2);
        assertThat(sandbox.received.get(0).mid()).isNotEqualTo(sandbox.received.get(1).mid());
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
}
