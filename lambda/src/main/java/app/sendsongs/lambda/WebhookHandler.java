package app.sendsongs.lambda;

import app.sendsongs.core.EchoedMessages;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.metrics.Intake;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import app.sendsongs.web.WebResponse;
import app.sendsongs.web.Webhook;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Messenger webhook behind API Gateway: {@code GET /webhook} answers the subscription handshake,
 * {@code POST /webhook} checks the signature, reads the events and puts them on the intake queue, confirms the bot's
 * messages Messenger echoed ({@code message_echoes}: those still held in the table went out, and are not sent again
 * when their lease ends), and answers 200 only once SQS has taken every event and the echoes are confirmed. The bot's
 * work happens later, in the inbound function the queue triggers, so no Spotify or Graph call can make Messenger wait.
 * This function holds only the app secret and the verify token, and in the table touches only the held messages,
 * and the shares and watches of the songs they confirm delivered.
 */
public final class WebhookHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.MESSENGER_APP_SECRET_PARAMETER,
            Setting.MESSENGER_VERIFY_TOKEN_PARAMETER, Setting.INBOUND_QUEUE_URL, Setting.DYNAMODB_TABLE,
            Setting.WATCH_SCHEDULE, Setting.WATCH_GRACE, Setting.LEASE_SECONDS);
    /** The API routes this function serves. */
    public static final Set<String> ROUTES = Set.of("GET /webhook", "POST /webhook");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    /** The chat platform of this function, named in its metrics. */
    private static final Platform PLATFORM = Platform.MESSENGER;

    private record Parts(Webhook webhook, InboundQueue queue, EchoedMessages echoes) {
    }

    private final Lazy<Parts> parts;
    private final EmbeddedMetrics metrics = new EmbeddedMetrics();
    private final Surroundings surroundings;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first request. */
    public WebhookHandler() {
        this(Surroundings.lambda());
    }

    public WebhookHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.surroundings = surroundings;
        this.parts = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            Webhook webhook = new Webhook(
                    new WebhookVerifier(wiring.callerSecret(Setting.MESSENGER_VERIFY_TOKEN_PARAMETER)),
                    new SignatureVerifier(wiring.callerSecret(Setting.MESSENGER_APP_SECRET_PARAMETER)),
                    new WebhookParser(surroundings.clock()));
            return new Parts(webhook, wiring.inboundQueue(), wiring.echoedMessages());
        }, Lazy.PUBLIC_RETRY_PAUSE);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            ApiGateway.serve(input, output, context, this::route);
        } finally {
            metrics.flush(surroundings.clock().instant(), EmbeddedMetrics.functionName(context, "webhook"),
                    surroundings.metricLines());
        }
    }

    private WebResponse route(HttpEvent request) {
        return switch (request.routeKey()) {
            case "GET /webhook" -> parts.get().webhook().verify(request.query("hub.mode"),
                    request.query("hub.verify_token"), request.query("hub.challenge"));
            case "POST /webhook" -> receive(request);
            default -> ApiGateway.notServed(request);
        };
    }

    private WebResponse receive(HttpEvent request) {
        Parts parts = this.parts.get();
        return switch (parts.webhook().receive(request.body(), request.header(SignatureVerifier.HEADER))) {
            case Webhook.Intake.Rejected rejected -> {
                LOG.warn("webhook POST from {} rejected: {}", request.sourceIp(), rejected.reason());
                Intake.webhook(metrics, PLATFORM, rejected.response().status() == 403 ? "bad_signature"
                        : "malformed", 0);
                yield rejected.response();
            }
            case Webhook.Intake.Accepted accepted -> {
                Optional<WebResponse> notQueued = IntakeAnswers.notQueued(parts.queue(), accepted.events());
                Optional<WebResponse> notConfirmed = notQueued.isPresent() ? Optional.empty()
                        : notConfirmed(parts.echoes(), accepted.echoedMessageIds());
                Intake.webhook(metrics, PLATFORM, outcome(notQueued, notConfirmed),
                        notQueued.isEmpty() ? accepted.events().size() : 0);
                yield notQueued.or(() -> notConfirmed).orElse(Webhook.RECEIVED);
            }
        };
    }

    /** The POST's outcome as the metrics name it. */
    private static String outcome(Optional<WebResponse> notQueued, Optional<WebResponse> notConfirmed) {
        if (notQueued.isPresent()) {
            return notQueued.get().status() == 413 ? "too_large" : "not_queued";
        }
        return notConfirmed.isPresent() ? "not_confirmed" : "accepted";
    }

    /**
     * Confirms the echoed messages; the answer that asks Messenger to deliver the POST again when the table did not
     * take that, or empty when it did. Its events, queued already, are then dropped as delivered twice.
     */
    private static Optional<WebResponse> notConfirmed(EchoedMessages echoes, List<String> echoedMessageIds) {
        try {
            echoes.confirm(echoedMessageIds);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("confirming {} echoed messages failed; Messenger will deliver them again",
                    echoedMessageIds.size(), e);
            return Optional.of(WebResponse.text(500, "the echoed messages could not be confirmed; deliver again"));
        }
    }
}
