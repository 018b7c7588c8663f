package app.sendsongs.web;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.telegram.MalformedUpdateException;
import app.sendsongs.telegram.TelegramInbound;
import app.sendsongs.telegram.TelegramUpdate;
import app.sendsongs.telegram.UpdateParser;
import app.sendsongs.telegram.WebhookSecret;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Telegram webhook without the web framework: the secret header is checked before anything is read (no header:
 * 401, a wrong one: 403, nothing kept either way), then the update is parsed and read into the core's events by the
 * Telegram adapter. An update the bot has no use for is accepted with no event, so that Telegram does not send it
 * again. Handing the events to the bot is left to the runtime, which answers with {@link #answer} once they are kept.
 *
 * <p>A tap in a private chat is answered in the answer to the webhook call itself
 * (https://core.telegram.org/bots/api#making-requests-when-getting-updates): the 200 carries
 * {@code answerCallbackQuery}, which stops the person's app showing the tap as loading at no cost of a call, and only
 * once the event was kept. The bot's reply follows as a message. A tap in a group is answered by the bot with a
 * notice only the tapper sees, once it was handled.
 */
public final class TelegramIntake {
    /** The answer to an accepted update that calls nothing. */
    public static final WebResponse RECEIVED = WebResponse.text(200, "ok");

    private final WebhookSecret secret;
    private final UpdateParser parser;

    public TelegramIntake(WebhookSecret secret, UpdateParser parser) {
        this.secret = secret;
        this.parser = parser;
    }

    /** The outcome of a webhook POST. */
    public sealed interface Intake {
        /**
         * With the secret and well formed: these events are for the bot (none, or one), and the private tap to answer
         * when they are kept, if the update was one.
         */
        record Accepted(List<Inbound> events, Optional<String> tapToAnswer) implements Intake {
        }

        /** Refused before anything was kept; {@code reason} is safe to log and names no secret. */
        record Rejected(WebResponse response, String reason) implements Intake {
        }
    }

    /** {@code POST <webhook>}: the raw body and the {@value WebhookSecret#HEADER} header (null when absent). */
    public Intake receive(byte[] body, String secretHeader) {
        if (secretHeader == null) {
            return new Intake.Rejected(WebResponse.text(401, "missing secret token"), "no " + WebhookSecret.HEADER);
        }
        if (!secret.matches(secretHeader)) {
            return new Intake.Rejected(WebResponse.text(403, "wrong secret token"), "wrong " + WebhookSecret.HEADER);
        }
        TelegramUpdate update;
        try {
            update = parser.parse(body);
        } catch (MalformedUpdateException e) {
            return new Intake.Rejected(WebResponse.text(400, "malformed update"), "with the secret but malformed: "
                    + e.getMessage());
        }
        Optional<Inbound> event = TelegramInbound.of(update);
        Optional<String> tap = update instanceof TelegramUpdate.ButtonPress press
                && event.filter(Inbound.ChoiceTapped.class::isInstance).isPresent()
                ? Optional.of(press.callbackQueryId()) : Optional.empty();
        return new Intake.Accepted(event.stream().toList(), tap);
    }

    /** The 200 to an accepted update whose events were kept: it answers a private tap, if there was one. */
    public static WebResponse answer(Intake.Accepted accepted) {
        return accepted.tapToAnswer().map(TelegramIntake::answerTap).orElse(RECEIVED);
    }

    private static WebResponse answerTap(String callbackQueryId) {
        String body = JsonNodeFactory.instance.objectNode().put("method", "answerCallbackQuery")
                .put("callback_query_id", callbackQueryId).toString();
        return new WebResponse(200, "application/json", body, Map.of());
    }
}
