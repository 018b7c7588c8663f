package app.sendsongs.lambda;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Inbound;
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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Messenger webhook behind API Gateway: {@code GET /webhook} answers the subscription handshake,
 * {@code POST /webhook} checks the signature and hands every message to the bot before answering. The bot's
 * work runs inside the request, because Lambda freezes the environment once the answer is returned; duplicate
 * deliveries of a slow or failed answer are dropped by {@code mid}.
 */
public final class WebhookHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_ID, Setting.MESSENGER_APP_SECRET_PARAMETER, Setting.MESSENGER_VERIFY_TOKEN_PARAMETER,
            Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER, Setting.SPOTIFY_CLIENT_SECRET_PARAMETER,
            Setting.TOKEN_ENCRYPTION_KEY_PARAMETER, Setting.WATCH_SCHEDULE, Setting.MESSENGER_GRAPH_BASE_URL,
            Setting.MESSENGER_GRAPH_VERSION, Setting.SPOTIFY_ACCOUNTS_BASE_URL, Setting.SPOTIFY_API_BASE_URL);
    /** The API routes this function serves. */
    public static final Set<String> ROUTES = Set.of("GET /webhook", "POST /webhook");

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private record Parts(Webhook webhook, SendSongs app) {
    }

    private final Lazy<Parts> parts;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first request. */
    public WebhookHandler() {
        this(Surroundings.lambda());
    }

    public WebhookHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.parts = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            Webhook webhook = new Webhook(new WebhookVerifier(wiring.secret(Setting.MESSENGER_VERIFY_TOKEN_PARAMETER)),
                    new SignatureVerifier(wiring.secret(Setting.MESSENGER_APP_SECRET_PARAMETER)),
                    new WebhookParser(surroundings.clock()));
            return new Parts(webhook, wiring.app(wiring.messenger()));
        });
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiGateway.serve(input, output, context, this::route);
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
                yield rejected.response();
            }
            case Webhook.Intake.Accepted accepted -> {
                parts.app().confirmSent(accepted.echoedMessageIds());
                yield handle(parts.app(), accepted.events());
            }
        };
    }

    /**
     * Handles every event, each on its own. If one fails, Messenger is asked to deliver the batch again: the
     * events handled meanwhile are then skipped by their handled mark, and one that failed part way is handled
     * again, finishing what it started (see {@code Bot}).
     */
    private static WebResponse handle(SendSongs app, List<Inbound> events) {
        int failed = 0;
        for (Inbound event : events) {
            try {
                app.bot().handle(event);
            } catch (RuntimeException e) {
                failed++;
                LOG.error("handling webhook event {} failed", event.eventId(), e);
            }
        }
        return failed == 0 ? Webhook.RECEIVED
                : WebResponse.text(500, failed + " of " + events.size() + " messages failed; deliver again");
    }
}
