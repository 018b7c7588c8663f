package app.sendsongs.server;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Inbox;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import app.sendsongs.web.RegistrationPages;
import app.sendsongs.web.WebResponse;
import app.sendsongs.web.Webhook;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's stable HTTP interface: the Messenger webhook, the Spotify connect round trip, health. */
final class BotRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BotRoutes.class);
    /** The chat platform of these routes, named in their event lines. */
    static final Platform PLATFORM = Platform.MESSENGER;
    /** What a full intake asks senders to wait before delivering again. */
    static final String RETRY_AFTER_SECONDS = "5";
    private final Webhook webhook;
    private final RegistrationPages registrationPages;
    private final Inbox inbox;

    BotRoutes(SendSongs app, WebhookVerifier webhookVerifier, SignatureVerifier signatureVerifier,
              WebhookParser parser, Inbox inbox, Clock clock) {
        this.webhook = new Webhook(webhookVerifier, signatureVerifier, parser);
        this.registrationPages = new RegistrationPages(app.registration(), clock);
        this.inbox = inbox;
    }

    void register(Javalin server) {
        server.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
        server.get("/webhook", this::verifyWebhook);
        server.post("/webhook", this::receive);
        server.get("/connect", ctx -> send(ctx, registrationPages.connect()));
        server.get("/callback", ctx -> send(ctx, registrationPages.callback(ctx.queryParam("state"),
                ctx.queryParam("code"), ctx.queryParam("error"))));
    }

    private void verifyWebhook(Context ctx) {
        long started = EventLog.start();
        WebResponse response = webhook.verify(ctx.queryParam("hub.mode"), ctx.queryParam("hub.verify_token"),
                ctx.queryParam("hub.challenge"));
        send(ctx, response);
        EventLog event = EventLog.event(PLATFORM, "verify").count("status", response.status());
        if (response.status() == HttpStatus.OK.getCode()) {
            event.info("verified", started);
        } else {
            event.warn("refused", started);
        }
    }

    /**
     * Checks the signature on the raw body, parses, keeps the events in the inbox (in the store: they are
     * handled even if the process dies the moment after) and answers; the workers handle them from there.
     */
    private void receive(Context ctx) {
        long started = EventLog.start();
        EventLog event = EventLog.event(PLATFORM, "webhook");
        byte[] body;
        try {
            body = RequestBody.bytes(ctx);
        } catch (RequestBody.TooLarge e) {
            LOG.warn("webhook POST from {} refused: {}", ctx.ip(), e.getMessage());
            // Closing the connection stops the sender from streaming the rest of the body at us.
            ctx.header("Connection", "close");
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("request body too large");
            event.count("status", HttpStatus.CONTENT_TOO_LARGE.getCode()).warn("too_large", started);
            return;
        } catch (java.io.UncheckedIOException e) {
            // The sender stopped sending (timed out) or hung up: nothing was read, nothing is kept.
            LOG.warn("webhook POST from {} dropped: its body did not arrive", ctx.ip());
            ctx.status(HttpStatus.BAD_REQUEST).result("request body incomplete");
            event.count("status", HttpStatus.BAD_REQUEST.getCode()).warn("incomplete", started);
            return;
        }
        switch (webhook.receive(body, ctx.header(SignatureVerifier.HEADER))) {
            case Webhook.Intake.Rejected rejected -> {
                LOG.warn("webhook POST from {} rejected: {}", ctx.ip(), rejected.reason());
                send(ctx, rejected.response());
                int status = rejected.response().status();
                event.count("status", status).warn(status == HttpStatus.FORBIDDEN.getCode() ? "bad_signature"
                        : "malformed", started);
            }
            case Webhook.Intake.Accepted accepted -> {
                event.count("events", accepted.events().size());
                if (inbox.accept(accepted.batch()) == Inbox.Intake.BUSY) {
                    // Messenger delivers the batch again later; what was kept is then recognised by its event id.
                    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("busy, deliver again");
                    event.count("status", HttpStatus.SERVICE_UNAVAILABLE.getCode()).warn("busy", started);
                    return;
                }
                send(ctx, Webhook.RECEIVED);
                event.count("status", Webhook.RECEIVED.status()).info("accepted", started);
            }
        }
    }

    private static void send(Context ctx, WebResponse response) {
        response.headers().forEach(ctx::header);
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}
