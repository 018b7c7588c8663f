package app.sendsongs.server;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Inbox;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.messenger.WebhookParser;
import app.sendsongs.messenger.WebhookVerifier;
import app.sendsongs.web.RegistrationPages;
import app.sendsongs.web.WebResponse;
import app.sendsongs.metrics.Intake;
import app.sendsongs.server.metrics.ServerMetrics;
import app.sendsongs.web.Webhook;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's stable HTTP interface: the Messenger webhook, each listening source's connect round trip
 * ({@code /connect/<source>}, {@code /callback/<source>}; the bare {@code /connect} and {@code /callback} are
 * Spotify's), health.
 */
final class BotRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BotRoutes.class);
    /** The chat platform of these routes, named in their event lines. */
    static final Platform PLATFORM = Platform.MESSENGER;
    /** What a full intake asks senders to wait before delivering again. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** The paste form holds a state and a token: a few hundred bytes. */
    private static final int MAX_FORM_BYTES = 8_192;
    private final Webhook webhook;
    private final RegistrationPages registrationPages;
    private final Inbox inbox;
    private final ServerMetrics metrics;

    BotRoutes(SendSongs app, ConnectLink connectLink, WebhookVerifier webhookVerifier,
              SignatureVerifier signatureVerifier, WebhookParser parser, Inbox inbox, Clock clock,
              ServerMetrics metrics) {
        this.webhook = new Webhook(webhookVerifier, signatureVerifier, parser);
        this.registrationPages = new RegistrationPages(app.registration(), connectLink, clock);
        this.inbox = inbox;
        this.metrics = metrics;
    }

    void register(Javalin server) {
        server.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
        server.get("/webhook", this::verifyWebhook);
        server.post("/webhook", this::receive);
        server.get("/connect", ctx -> connect(ctx, SourceKind.SPOTIFY.id()));
        server.get("/connect/{source}", ctx -> connect(ctx, ctx.pathParam("source")));
        server.get("/callback", ctx -> callback(ctx, SourceKind.SPOTIFY.id()));
        server.get("/callback/{source}", ctx -> callback(ctx, ctx.pathParam("source")));
        server.post("/callback/{source}", this::pasted);
    }

    private void connect(Context ctx, String source) {
        send(ctx, registrationPages.connect(source, ctx.queryParam(PersonalLinks.PARAMETER), ctx.header("Cookie")));
    }

    /** Spotify comes back with {@code code} (or {@code error}), Last.fm with {@code token}. */
    private void callback(Context ctx, String source) {
        String code = ctx.queryParam("code");
        send(ctx, registrationPages.callback(source, ctx.queryParam("state"), code != null ? code
                : ctx.queryParam("token"), ctx.queryParam("error"), ctx.header("Cookie")));
    }

    /** The paste form of a source without a consent page of its own (ListenBrainz). */
    private void pasted(Context ctx) {
        Optional<SourceKind> kind = SourceKind.named(ctx.pathParam("source"));
        if (kind.isEmpty() || !kind.get().pastesToken()) {
            ctx.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET").result("method not allowed");
            return;
        }
        if (!registrationPages.sameOrigin(ctx.header("Origin"))) {
            LOG.warn("paste form POST from {} refused: it came from another site", ctx.ip());
            send(ctx, registrationPages.crossSite());
            return;
        }
        Map<String, String> form = RegistrationPages.formFields(formBody(ctx));
        send(ctx, registrationPages.callback(ctx.pathParam("source"), form.get("state"), form.get("token"), null,
                ctx.header("Cookie")));
    }

    /** The form's body, read as the webhook reads its own: at most a small cap, a slow sender dropped. */
    private static String formBody(Context ctx) {
        try {
            return new String(RequestBody.bytes(ctx, MAX_FORM_BYTES), StandardCharsets.UTF_8);
        } catch (RequestBody.TooLarge | UncheckedIOException e) {
            return "";
        }
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
            Intake.webhook(metrics, PLATFORM, "too_large", 0);
            return;
        } catch (UncheckedIOException e) {
            // The sender stopped sending (timed out) or hung up: nothing was read, nothing is kept.
            LOG.warn("webhook POST from {} dropped: its body did not arrive", ctx.ip());
            ctx.status(HttpStatus.BAD_REQUEST).result("request body incomplete");
            event.count("status", HttpStatus.BAD_REQUEST.getCode()).warn("incomplete", started);
            Intake.webhook(metrics, PLATFORM, "incomplete", 0);
            return;
        }
        switch (webhook.receive(body, ctx.header(SignatureVerifier.HEADER))) {
            case Webhook.Intake.Rejected rejected -> {
                LOG.warn("webhook POST from {} rejected: {}", ctx.ip(), rejected.reason());
                send(ctx, rejected.response());
                int status = rejected.response().status();
                String outcome = status == HttpStatus.FORBIDDEN.getCode() ? "bad_signature" : "malformed";
                event.count("status", status).warn(outcome, started);
                Intake.webhook(metrics, PLATFORM, outcome, 0);
            }
            case Webhook.Intake.Accepted accepted -> {
                event.count("events", accepted.events().size());
                if (inbox.accept(accepted.batch()) == Inbox.Intake.BUSY) {
                    // Messenger delivers the batch again later; what was kept is then recognised by its event id.
                    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("busy, deliver again");
                    event.count("status", HttpStatus.SERVICE_UNAVAILABLE.getCode()).warn("busy", started);
                    Intake.webhook(metrics, PLATFORM, "busy", 0);
                    return;
                }
                send(ctx, Webhook.RECEIVED);
                event.count("status", Webhook.RECEIVED.status()).info("accepted", started);
                Intake.webhook(metrics, PLATFORM, "accepted", accepted.events().size());
            }
        }
    }

    private static void send(Context ctx, WebResponse response) {
        response.headers().forEach(ctx::header);
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}
