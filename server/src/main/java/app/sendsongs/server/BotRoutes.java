package app.sendsongs.server;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.InboundMessage;
import app.sendsongs.messenger.MalformedWebhookException;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's stable HTTP interface: the Messenger webhook, the Spotify connect round trip, health. */
final class BotRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BotRoutes.class);
    private final SendSongs app;
    private final WebhookVerifier webhookVerifier;
    private final SignatureVerifier signatureVerifier;
    private final WebhookParser parser;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    BotRoutes(SendSongs app, WebhookVerifier webhookVerifier, SignatureVerifier signatureVerifier,
              WebhookParser parser, WebhookDispatcher dispatcher, Clock clock) {
        this.app = app;
        this.webhookVerifier = webhookVerifier;
        this.signatureVerifier = signatureVerifier;
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    void register(Javalin server) {
        server.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
        server.get("/webhook", this::verifyWebhook);
        server.post("/webhook", this::receive);
        server.get("/connect", ctx -> {
            noStore(ctx);
            ctx.redirect(app.registration().startConnect().toString(), HttpStatus.FOUND);
        });
        server.get("/callback", ctx -> {
            noStore(ctx);
            ctx.html(CallbackPage.render(app.registration().callback(ctx.queryParam("state"), ctx.queryParam("code"),
                    ctx.queryParam("error")), clock.instant()));
        });
    }

    private void verifyWebhook(Context ctx) {
        webhookVerifier.verify(ctx.queryParam("hub.mode"), ctx.queryParam("hub.verify_token"),
                        ctx.queryParam("hub.challenge"))
                .ifPresentOrElse(challenge -> ctx.contentType("text/plain").result(challenge),
                        () -> ctx.status(HttpStatus.FORBIDDEN).result("verification failed"));
    }

    /** Checks the signature on the raw body, parses, queues the messages for the workers and answers at once. */
    private void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (!signatureVerifier.verify(body, ctx.header(SignatureVerifier.HEADER))) {
            LOG.warn("webhook POST from {} rejected: missing or wrong {}", ctx.ip(), SignatureVerifier.HEADER);
            ctx.status(HttpStatus.FORBIDDEN).result("bad signature");
            return;
        }
        List<InboundMessage> messages;
        try {
            messages = parser.parse(body);
        } catch (MalformedWebhookException e) {
            LOG.warn("signed webhook POST rejected: {}", e.getMessage());
            ctx.status(HttpStatus.BAD_REQUEST).result("malformed event");
            return;
        }
        if (!dispatcher.dispatch(messages)) {
            // Messenger delivers the batch again later; what was queued is then recognised by its mid.
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("busy, deliver again");
            return;
        }
        ctx.result("EVENT_RECEIVED");
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
