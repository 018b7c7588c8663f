package app.sendsongs.web;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundBatch;
import app.sendsongs.messenger.MalformedWebhookException;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import java.util.List;

/**
 * The Messenger webhook without the web framework: the subscription handshake, and the intake of a POST (signature
 * checked on the raw bytes before anything is parsed, then read into the core's {@link Inbound} events by the
 * Messenger adapter's parser). Handing the accepted events to the bot (through its inbox) is left to the runtime,
 * which decides when to answer.
 */
public final class Webhook {
    /** The answer to an accepted POST. */
    public static final WebResponse RECEIVED = WebResponse.text(200, "EVENT_RECEIVED");

    private final WebhookVerifier webhookVerifier;
    private final SignatureVerifier signatureVerifier;
    private final WebhookParser parser;

    public Webhook(WebhookVerifier webhookVerifier, SignatureVerifier signatureVerifier, WebhookParser parser) {
        this.webhookVerifier = webhookVerifier;
        this.signatureVerifier = signatureVerifier;
        this.parser = parser;
    }

    /** The outcome of a webhook POST. */
    public sealed interface Intake {
        /**
         * Signed and well formed: these events are for the bot (possibly none), and these ids of the bot's own
         * messages were echoed (possibly none).
         */
        record Accepted(List<Inbound> events, List<String> echoedMessageIds) implements Intake {
            /** Both, as the core's inbox takes them. */
            public InboundBatch batch() {
                return new InboundBatch(events, echoedMessageIds);
            }
        }

        /** Refused before anything was stored; {@code reason} is safe to log and names no secret. */
        record Rejected(WebResponse response, String reason) implements Intake {
        }
    }

    /** {@code GET <webhook>?hub.mode=..&hub.verify_token=..&hub.challenge=..}: the challenge, or 403. */
    public WebResponse verify(String mode, String verifyToken, String challenge) {
        return webhookVerifier.verify(mode, verifyToken, challenge)
                .map(echo -> WebResponse.text(200, echo))
                .orElseGet(() -> WebResponse.text(403, "verification failed"));
    }

    /** {@code POST <webhook>}: the raw body and the {@value SignatureVerifier#HEADER} header (null when absent). */
    public Intake receive(byte[] body, String signatureHeader) {
        if (!signatureVerifier.verify(body, signatureHeader)) {
            return new Intake.Rejected(WebResponse.text(403, "bad signature"),
                    "missing or wrong " + SignatureVerifier.HEADER);
        }
        try {
            InboundBatch batch = parser.parse(body);
            return new Intake.Accepted(batch.events(), batch.echoedMessageIds());
        } catch (MalformedWebhookException e) {
            return new Intake.Rejected(WebResponse.text(400, "malformed event"), "signed but malformed: " + e.getMessage());
        }
    }
}
