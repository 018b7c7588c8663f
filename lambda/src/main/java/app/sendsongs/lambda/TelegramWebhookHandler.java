package app.sendsongs.lambda;

import app.sendsongs.core.shared.Platform;
import app.sendsongs.metrics.Intake;
import app.sendsongs.telegram.BotUsername;
import app.sendsongs.telegram.SpentChoices;
import app.sendsongs.telegram.SpentKeyboards;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.UpdateParser;
import app.sendsongs.telegram.WebhookSecret;
import app.sendsongs.web.TelegramIntake;
import app.sendsongs.web.WebResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram webhook behind API Gateway: {@code POST /telegram/webhook} checks the secret header (401 without it,
 * 403 for a wrong one), reads the update and puts its event on the intake queue, and answers 200 only once SQS has
 * taken it; a tap in a private chat is answered in that 200 ({@link TelegramIntake}), and the choices it spent are
 * taken off their message just before ({@code editMessageReplyMarkup}, tried once, waited for 2 s at most). The bot's
 * work happens in the inbound function. This function holds the webhook secret and the bot token, which it uses for {@code getMe} (to tell
 * the bot's own group commands from other bots', {@code /send@SendSongsBot}) and that edit; on the table it only takes
 * that edit's slot of Telegram's pace, which every function that calls Telegram as the bot shares.
 */
public final class TelegramWebhookHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.TELEGRAM_WEBHOOK_SECRET_PARAMETER,
            Setting.TELEGRAM_BOT_TOKEN_PARAMETER, Setting.TELEGRAM_API_BASE_URL, Setting.INBOUND_QUEUE_URL,
            Setting.TELEGRAM_MESSAGES_PER_SECOND, Setting.DYNAMODB_TABLE);
    /** The API routes this function serves. */
    public static final Set<String> ROUTES = Set.of("POST /telegram/webhook");

    /**
     * How long the answer to a tap waits for its choices to be taken off their message. The edit is cosmetic and
     * Telegram's calls may take 10 s before they time out, as long as this function's timeout: an answer that waited
     * that long would be cut off by Lambda, and with it the tap's answer, and Telegram would deliver the update again.
     */
    static final Duration EDIT_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookHandler.class);
    /** The chat platform of this function, named in its metrics. */
    private static final Platform PLATFORM = Platform.TELEGRAM;

    private record Parts(TelegramIntake intake, InboundQueue queue) {
    }

    private final Lazy<Parts> parts;
    private final EmbeddedMetrics metrics = new EmbeddedMetrics();
    private final Surroundings surroundings;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first request. */
    public TelegramWebhookHandler() {
        this(Surroundings.lambda());
    }

    public TelegramWebhookHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.surroundings = surroundings;
        this.parts = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            WebhookSecret secret;
            try {
                secret = new WebhookSecret(wiring.secret(Setting.TELEGRAM_WEBHOOK_SECRET_PARAMETER));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the parameter named by TELEGRAM_WEBHOOK_SECRET_PARAMETER holds no "
                        + "webhook secret (" + e.getMessage() + "): set it, and run telegram-setup");
            }
            TelegramBotApi api = wiring.telegram(metrics)
                    .orElseThrow(() -> new IllegalStateException("the Telegram webhook needs the bot's token"));
            // Before the answer: once answered, the function may be frozen with the edit under way.
            SpentKeyboards keyboards = new SpentKeyboards(api);
            return new Parts(new TelegramIntake(secret, new UpdateParser(new BotUsername(api), surroundings.clock()),
                    spent -> takeOffWithinTheWait(keyboards, spent)), wiring.inboundQueue());
        }, Lazy.PUBLIC_RETRY_PAUSE);
    }

    /**
     * Takes the spent choices off their message, waiting at most {@link #EDIT_WAIT}; an edit still under way then goes
     * on when the function next runs, or times out, and is dropped as any edit Telegram refuses.
     */
    private static void takeOffWithinTheWait(SpentKeyboards keyboards, SpentChoices spent) {
        Thread edit = Thread.ofVirtual().name("spent-keyboard").start(() -> keyboards.remove(spent));
        try {
            if (!edit.join(EDIT_WAIT)) {
                LOG.info("the choices under a message may stay: Telegram did not answer their edit within {} s",
                        EDIT_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            ApiGateway.serve(input, output, context, this::route);
        } finally {
            metrics.flush(surroundings.clock().instant(), EmbeddedMetrics.functionName(context, "telegram-webhook"),
                    surroundings.metricLines());
        }
    }

    private WebResponse route(HttpEvent request) {
        return switch (request.routeKey()) {
            case "POST /telegram/webhook" -> receive(request);
            default -> ApiGateway.notServed(request);
        };
    }

    private WebResponse receive(HttpEvent request) {
        Parts parts = this.parts.get();
        return switch (parts.intake().receive(request.body(), request.header(WebhookSecret.HEADER))) {
            case TelegramIntake.Intake.Rejected rejected -> {
                LOG.warn("Telegram webhook POST from {} rejected: {}", request.sourceIp(), rejected.reason());
                Intake.webhook(metrics, PLATFORM, rejected.response().status() == 400 ? "malformed" : "bad_secret", 0);
                yield rejected.response();
            }
            case TelegramIntake.Intake.Accepted accepted -> queue(parts, accepted);
        };
    }

    /** The 200 once the update's event is on the queue; otherwise Telegram is asked to deliver the update again. */
    private WebResponse queue(Parts parts, TelegramIntake.Intake.Accepted accepted) {
        Optional<WebResponse> notQueued = IntakeAnswers.notQueued(parts.queue(), accepted.events(), accepted.seen());
        int status = notQueued.map(WebResponse::status).orElse(200);
        Intake.webhook(metrics, PLATFORM, notQueued.isEmpty() ? "accepted" : status == 413 ? "too_large" : "not_queued",
                notQueued.isEmpty() ? accepted.events().size() : 0);
        if (notQueued.isPresent()) {
            return notQueued.get();
        }
        parts.intake().kept(accepted);
        return TelegramIntake.answer(accepted);
    }
}
