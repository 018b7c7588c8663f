package app.sendsongs.server;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Inbox;
import app.sendsongs.core.chat.InboundBatch;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.HandleSeen;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.telegram.WebhookSecret;
import app.sendsongs.web.RegistrationPages;
import app.sendsongs.web.TelegramIntake;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's stable HTTP interface: the Messenger webhook and the Telegram webhook (each when that platform is
 * configured), each listening source's connect round trip ({@code /connect/<source>}, {@code /callback/<source>};
 * the bare {@code /connect} and {@code /callback} are Spotify's), health.
 */
final class BotRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BotRoutes.class);
    /** What a full intake asks senders to wait before delivering again. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** The paste form holds a state and a token: a few hundred bytes. */
    private static final int MAX_FORM_BYTES = 8_192;
    private final Optional<Webhook> messenger;
    private final Optional<TelegramIntake> telegram;
    private final RegistrationPages registrationPages;
    private final Inbox inbox;
    private final ServerMetrics metrics;
    private final Supplier<Optional<String>> storeFault;
    private final SendSongs app;

    BotRoutes(SendSongs app, ConnectLink connectLink, Optional<Webhook> messenger, Optional<TelegramIntake> telegram,
              Inbox inbox, Clock clock, ServerMetrics metrics, Supplier<Optional<String>> storeFault) {
        this.storeFault = storeFault;
        this.app = app;
        this.messenger = messenger;
        this.telegram = telegram;
        this.registrationPages = new RegistrationPages(app.registration(), connectLink, clock);
        this.inbox = inbox;
        this.metrics = metrics;
    }

    void register(Javalin server) {
        server.get("/health", this::health);
        messenger.ifPresent(webhook -> {
            server.get("/webhook", ctx -> verifyWebhook(ctx, webhook));
            server.post("/webhook", ctx -> receive(ctx, webhook));
        });
        telegram.ifPresent(intake -> server.post(BotServer.TELEGRAM_WEBHOOK_PATH, ctx -> receive(ctx, intake)));
        server.get("/connect", ctx -> connect(ctx, SourceKind.SPOTIFY.id()));
        server.get("/connect/{source}", ctx -> connect(ctx, ctx.pathParam("source")));
        server.get("/callback", ctx -> callback(ctx, SourceKind.SPOTIFY.id()));
        server.get("/callback/{source}", ctx -> callback(ctx, ctx.pathParam("source")));
        server.post("/callback/{source}", this::pasted);
    }

    /**
     * {@code 200 {"status":"ok"}}, or {@code 503 {"status":"store failing"}} while the store refuses writes (SQLite's
     * disk or file: full, read-only, the file deleted; DynamoDB: the table missing, throttled beyond retries,
     * unreachable), as the last writes found: the webhook then answers 503 too, and a supervisor or load balancer
     * should hear it. Why is in the log, not in this public answer.
     */
    private void health(Context ctx) {
        if (storeFault.get().isPresent()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", "store failing"));
        } else {
            ctx.json(Map.of("status", "ok"));
        }
    }

    private void connect(Context ctx, String source) {
        send(ctx, registrationPages.connect(source, ctx.queryParam(PersonalLinks.PARAMETER), ctx.header("Cookie")));
    }

    /**
     * Spotify comes back with {@code code} (or {@code error}), Last.fm with {@code token}. A token people paste
     * (ListenBrainz) comes only in the form's POST: in a URL it would stay in the browser's history and in logs. That
     * address opened in a browser is a page saying so, leading back to the connect page (405).
     */
    private void callback(Context ctx, String source) {
        if (SourceKind.named(source).filter(SourceKind::pastesToken).isPresent()) {
            send(ctx, registrationPages.formOnly(source, ctx.queryParam(PersonalLinks.PARAMETER)));
            return;
        }
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

    private void verifyWebhook(Context ctx, Webhook webhook) {
        long started = EventLog.start();
        WebResponse response = webhook.verify(ctx.queryParam("hub.mode"), ctx.queryParam("hub.verify_token"),
                ctx.queryParam("hub.challenge"));
        send(ctx, response);
        EventLog event = EventLog.event(Platform.MESSENGER, "verify").count("status", response.status());
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
    private void receive(Context ctx, Webhook webhook) {
        long started = EventLog.start();
        EventLog event = EventLog.event(Platform.MESSENGER, "webhook");
        Optional<byte[]> body = body(ctx, Platform.MESSENGER, event, started);
        if (body.isEmpty()) {
            return;
        }
        switch (webhook.receive(body.get(), ctx.header(SignatureVerifier.HEADER))) {
            case Webhook.Intake.Rejected rejected -> rejected(ctx, Platform.MESSENGER, event, started,
                    rejected.response(), rejected.reason(), "bad_signature");
            case Webhook.Intake.Accepted accepted -> accepted(ctx, Platform.MESSENGER, event, started,
                    accepted.batch(), Webhook.RECEIVED);
        }
    }

    /**
     * Checks the secret header, parses, keeps the update's event in the inbox as Messenger's are (its
     * {@code update_id} the key that recognises it when Telegram delivers it again) and answers; the same
     * workers handle it from there.
     */
    private void receive(Context ctx, TelegramIntake intake) {
        long started = EventLog.start();
        EventLog event = EventLog.event(Platform.TELEGRAM, "webhook");
        Optional<byte[]> body = body(ctx, Platform.TELEGRAM, event, started);
        if (body.isEmpty()) {
            return;
        }
        switch (intake.receive(body.get(), ctx.header(WebhookSecret.HEADER))) {
            case TelegramIntake.Intake.Rejected rejected -> rejected(ctx, Platform.TELEGRAM, event, started,
                    rejected.response(), rejected.reason(), "bad_secret");
            case TelegramIntake.Intake.Accepted accepted -> {
                if (accepted(ctx, Platform.TELEGRAM, event, started, InboundBatch.of(accepted.events()),
                        TelegramIntake.answer(accepted))) {
                    intake.kept(accepted);
                    accepted.seen().ifPresent(this::handleSeen);
                }
            }
        }
    }

    /**
     * Keeps the username the update showed for its sender, once its event is kept (answered already): a store that
     * fails just now loses only this look, and the next update or a look-up of the handle learns it again.
     */
    private void handleSeen(HandleSeen seen) {
        try {
            app.handleSeen(seen);
        } catch (RuntimeException e) {
            LOG.warn("the username a Telegram update showed could not be kept just now", e);
        }
    }

    /** The raw body, or empty once the request was answered because the body was too large or did not arrive. */
    private Optional<byte[]> body(Context ctx, Platform platform, EventLog event, long started) {
        try {
            return Optional.of(RequestBody.bytes(ctx));
        } catch (RequestBody.TooLarge e) {
            LOG.warn("webhook POST from {} refused: {}", ctx.ip(), e.getMessage());
            // Closing the connection stops the sender from streaming the rest of the body at us.
            ctx.header("Connection", "close");
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("request body too large");
            event.count("status", HttpStatus.CONTENT_TOO_LARGE.getCode()).warn("too_large", started);
            Intake.webhook(metrics, platform, "too_large", 0);
        } catch (UncheckedIOException e) {
            // The sender stopped sending (timed out) or hung up: nothing was read, nothing is kept.
            LOG.warn("webhook POST from {} dropped: its body did not arrive", ctx.ip());
            ctx.status(HttpStatus.BAD_REQUEST).result("request body incomplete");
            event.count("status", HttpStatus.BAD_REQUEST.getCode()).warn("incomplete", started);
            Intake.webhook(metrics, platform, "incomplete", 0);
        }
        return Optional.empty();
    }

    /** A refused POST: a 400 is logged as {@code malformed}, a refused sender as {@code refusedOutcome}. */
    private void rejected(Context ctx, Platform platform, EventLog event, long started, WebResponse response,
                          String reason, String refusedOutcome) {
        LOG.warn("webhook POST from {} rejected: {}", ctx.ip(), reason);
        send(ctx, response);
        int status = response.status();
        String outcome = status == HttpStatus.BAD_REQUEST.getCode() ? "malformed" : refusedOutcome;
        event.count("status", status).warn(outcome, started);
        Intake.webhook(metrics, platform, outcome, 0);
    }

    /** Answers {@code answer} once the call's events are kept in the inbox (one write), else 503; whether kept. */
    private boolean accepted(Context ctx, Platform platform, EventLog event, long started, InboundBatch batch,
                             WebResponse answer) {
        event.count("events", batch.events().size());
        if (inbox.accept(batch) == Inbox.Intake.BUSY) {
            // The platform delivers the call again later; what was kept is then recognised by its event id.
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("busy, deliver again");
            event.count("status", HttpStatus.SERVICE_UNAVAILABLE.getCode()).warn("busy", started);
            Intake.webhook(metrics, platform, "busy", 0);
            return false;
        }
        send(ctx, answer);
        event.count("status", answer.status()).info("accepted", started);
        Intake.webhook(metrics, platform, "accepted", batch.events().size());
        return true;
    }

    private static void send(Context ctx, WebResponse response) {
        response.headers().forEach(ctx::header);
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}
