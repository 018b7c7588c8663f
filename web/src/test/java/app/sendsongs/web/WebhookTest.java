package app.sendsongs.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookTest {
    private static final String SECRET = "app-secret";
    private final SignatureVerifier signatures = new SignatureVerifier(SECRET);
    private final Webhook webhook = new Webhook(new WebhookVerifier("verify-me"), signatures,
            new WebhookParser(Clock.systemUTC()));

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        assertThat(webhook.verify("subscribe", "verify-me", "1158201444"))
                .extracting(WebResponse::status, WebResponse::body).containsExactly(200, "1158201444");
        assertThat(webhook.verify("subscribe", "nope", "1").status()).isEqualTo(403);
        assertThat(webhook.verify("unsubscribe", "verify-me", "1").status()).isEqualTo(403);
        assertThat(webhook.verify(null, null, null).status()).isEqualTo(403);
    }

    @Test
    void aSignedPostYieldsItsEvents() {
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1764064800000,\"messaging\":[{\"sender\":"
                + "{\"id\":\"alice\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":1764064800000,\"message\":{\"mid\":\"m1\","
                + "\"text\":\"help\"}}]}]}").getBytes(StandardCharsets.UTF_8);

        Webhook.Intake intake = webhook.receive(body, signatures.signatureHeader(body));

        assertThat(intake).isInstanceOfSatisfying(Webhook.Intake.Accepted.class, accepted ->
                assertThat(accepted.events()).containsExactly(new Inbound.Text("m1", ChatAddress.messenger("alice"),
                        Instant.ofEpochMilli(1764064800000L), "help")));
    }

    @Test
    void unsignedWronglySignedAndMalformedPostsAreRejectedWithoutNamingTheSecret() {
        byte[] body = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"object\":\"page\",\"entry\":".getBytes(StandardCharsets.UTF_8);

        assertRejected(webhook.receive(body, null), 403);
        assertRejected(webhook.receive(body, new SignatureVerifier("other").signatureHeader(body)), 403);
        assertRejected(webhook.receive(broken, signatures.signatureHeader(broken)), 400);
    }

    private static void assertRejected(Webhook.Intake intake, int status) {
        assertThat(intake).isInstanceOfSatisfying(Webhook.Intake.Rejected.class, rejected -> {
            assertThat(rejected.response().status()).isEqualTo(status);
            assertThat(rejected.reason()).isNotBlank().doesNotContain(SECRET);
        });
    }
}
