package app.sendsongs.web;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.user.HandleSeen;
import app.sendsongs.telegram.MalformedUpdateException;
import app.sendsongs.telegram.SpentChoices;
import app.sendsongs.telegram.TelegramInbound;
import app.sendsongs.telegram.TelegramUpdate;
import app.sendsongs.telegram.UpdateParser;
import app.sendsongs.telegram.WebhookSecret;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Telegram webhook without the web framework: the secret header is checked before anything is read (no header:
 * 401, a wrong one: 403, nothing kept either way), then the update is parsed and read into the core's events by the
 * Telegram adapter. An update the bot has no use for is accepted with no event, so that Telegram does not send it
 * again. Handing the events to the bot is left to the runtime, which answers with {@link #answer} once they are kept.
 *
 * <p>A tap in a private chat is answered in the answer to the webhook call itself
 * (https://core.telegram.org/bots/api#making-requests-when-getting-updates): the 200 carries
 * {@code answerCallbackQuery}, which stops the person's app showing the tap as loading at no cost of a call, and only
 * once the event was kept. The bot's reply follows as a message, and the choices the tap spent leave the message
 * ({@link SpentChoices}, told to {@link #kept} once the event was kept). A tap in a group is answered by the bot with a
 * notice only the tapper sees, once it was handled. A command from an anonymous admin (or a channel) in a group keeps
 * nothing: the answer tells the chat, with {@code sendMessage}, to send it from a person's own account.
 */
public final class TelegramIntake {
    /** The answer to an accepted update that calls nothing. */
    public static final WebResponse RECEIVED = WebResponse.text(200, "ok");
    /** What the chat is told when an anonymous admin (or a channel) uses a command: songs go to and from people. */
    static final String ANONYMOUS = "I can't tell who sent that: it came from the group itself (an anonymous admin) "
            + "or a channel. Songs shared here go privately to people and their plays are told to the sender, so send "
            + "the command from your own account (turn off Remain anonymous in your admin rights).";

    private final WebhookSecret secret;
    private final UpdateParser parser;
    private final Consumer<SpentChoices> spentChoices;

    /** Leaves spent choices where they are. */
    public TelegramIntake(WebhookSecret secret, UpdateParser parser) {
        this(secret, parser, spent -> { });
    }

    /**
     * @param spentChoices takes spent choices off their message, without failing or making the caller wait long
     *                     ({@link app.sendsongs.telegram.SpentKeyboards})
     */
    public TelegramIntake(WebhookSecret secret, UpdateParser parser, Consumer<SpentChoices> spentChoices) {
        this.secret = secret;
        this.parser = parser;
        this.spentChoices = spentChoices;
    }

    /** The outcome of a webhook POST. */
    public sealed interface Intake {
        /**
         * With the secret and well formed: these events are for the bot (none, or one), and the Bot API call to make
         * in the answer once they are kept, if any: a private tap's answer, or the chat told how to share when an
         * anonymous admin used a command. {@code spent}: the choices a private tap spent, to leave their message once
         * the tap is kept. {@code seen}: the username Telegram shows for the sender of the event, for the bot to keep
         * theirs current ({@link TelegramInbound#handleSeen}), to hand over with the event (none without one).
         */
        record Accepted(List<Inbound> events, Optional<WebResponse> inAnswer, Optional<SpentChoices> spent,
                        Optional<HandleSeen> seen) implements Intake {
            public Accepted(List<Inbound> events, Optional<WebResponse> inAnswer) {
                this(events, inAnswer, Optional.empty());
            }

            public Accepted(List<Inbound> events, Optional<WebResponse> inAnswer, Optional<SpentChoices> spent) {
                this(events, inAnswer, spent, Optional.empty());
            }
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
        return new Intake.Accepted(event.stream().toList(), callInAnswer(update, event), spent(update, event),
                event.flatMap(any -> TelegramInbound.handleSeen(update)));
    }

    /** To call once the accepted update's events are kept: takes the choices the tap spent off their message. */
    public void kept(Intake.Accepted accepted) {
        accepted.spent().ifPresent(spentChoices);
    }

    private static Optional<SpentChoices> spent(TelegramUpdate update, Optional<Inbound> event) {
        return update instanceof TelegramUpdate.ButtonPress press
                && event.filter(Inbound.ChoiceTapped.class::isInstance).isPresent()
                ? SpentChoices.of(press) : Optional.empty();
    }

    /** The 200 to an accepted update whose events were kept, with its Bot API call if it has one. */
    public static WebResponse answer(Intake.Accepted accepted) {
        return accepted.inAnswer().orElse(RECEIVED);
    }

    private static Optional<WebResponse> callInAnswer(TelegramUpdate update, Optional<Inbound> event) {
        return switch (update) {
            case TelegramUpdate.ButtonPress press when event.filter(Inbound.ChoiceTapped.class::isInstance).isPresent()
                    -> Optional.of(call(JsonNodeFactory.instance.objectNode().put("method", "answerCallbackQuery")
                    .put("callback_query_id", press.callbackQueryId())));
            case TelegramUpdate.AnonymousCommand anonymous -> Optional.of(call(anonymousAnswer(anonymous)));
            default -> Optional.empty();
        };
    }

    /** {@code sendMessage} of how to share, in the forum topic the command came from, if any. */
    private static ObjectNode anonymousAnswer(TelegramUpdate.AnonymousCommand anonymous) {
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("method", "sendMessage")
                .put("chat_id", anonymous.chatId()).put("text", ANONYMOUS);
        anonymous.topic().ifPresent(topic -> call.put("message_thread_id", topic));
        return call;
    }

    private static WebResponse call(ObjectNode method) {
        return new WebResponse(200, "application/json", method.toString(), Map.of());
    }
}
