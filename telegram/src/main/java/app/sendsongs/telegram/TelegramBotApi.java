package app.sendsongs.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram Bot API methods the bot uses (https://core.telegram.org/bots/api): sending, editing and answering
 * taps, which answer a result ({@link SendResult}, {@link EditResult}, {@link AnswerResult}) and never throw for
 * what Telegram or the network does; and setup and look-up calls, which throw {@link TelegramApiException}.
 *
 * <p>Texts go in Telegram's HTML parse mode, built from {@link FormattedText} so that they are always escaped. Every
 * message and edit first passes the one {@link TelegramRateLimiter}; a 429 holds its chat for Telegram's
 * {@code retry_after}. Error descriptions are matched as Telegram's own Bot API server words them
 * (https://github.com/tdlib/telegram-bot-api).
 */
public final class TelegramBotApi {
    /** Longest message text, counted as Telegram counts it after parsing the HTML. */
    public static final int MAX_TEXT = 4096;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Wait assumed for a 429 that did not say how long (Telegram always does). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** 400 descriptions that mean the chat cannot be written to, rather than that the request was wrong. */
    private static final List<String> GONE_CHAT = List.of("chat not found", "user not found", "peer_id_invalid",
            "group chat was upgraded", "chat_write_forbidden", "have no rights to send",
            "not enough rights to send", "user is deactivated", "bot was kicked", "bot is not a member");

    /** 400 descriptions that mean a forum topic cannot be posted in (it was deleted or closed), though its chat can. */
    private static final List<String> GONE_TOPIC = List.of("message thread not found", "topic_closed",
            "topic_deleted");

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBotApi.class);

    private final BotApiTransport transport;
    private final TelegramRateLimiter limiter;
    private final boolean paidBroadcast;

    /** Over its own HTTP client, pacing in real time at the configuration's messages a second. */
    public TelegramBotApi(TelegramConfig config) {
        this(config, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), TelegramRateLimiter.realTime(config.messagesPerSecond()));
    }

    public TelegramBotApi(TelegramConfig config, HttpClient http, TelegramRateLimiter limiter) {
        this.transport = new BotApiTransport(config, http);
        this.limiter = limiter;
        this.paidBroadcast = config.paidBroadcast();
    }

    // ---------------------------------------------------------------- messages

    /**
     * Sends {@code message} to the chat (a person's id for their private chat, a negative id for a group).
     *
     * @throws IllegalArgumentException without calling Telegram when the text is longer than {@link #MAX_TEXT}: split
     *                                  it first ({@link OutgoingText#split})
     */
    public SendResult sendMessage(long chatId, OutgoingText message) {
        return sendMessage(chatId, OptionalLong.empty(), message);
    }

    /**
     * As {@link #sendMessage(long, OutgoingText)}, in the forum topic {@code topic} of a supergroup whose topics are
     * turned on ({@code message_thread_id}, https://core.telegram.org/bots/api#sendmessage), when given. A topic that
     * can no longer be posted in (deleted: 400 "message thread not found"; closed: 400 "TOPIC_CLOSED", as Telegram's
     * Bot API server words them, https://github.com/tdlib/telegram-bot-api/issues/472) has the message sent to the chat
     * itself, its General topic, rather than lost.
     */
    public SendResult sendMessage(long chatId, OptionalLong topic, OutgoingText message) {
        ObjectNode params = textParams(chatId, message);
        topic.ifPresent(thread -> params.put("message_thread_id", thread));
        if (paidBroadcast) {
            params.put("allow_paid_broadcast", true);
        }
        Optional<TelegramFailure> held = pace(chatId);
        if (held.isPresent()) {
            return held.get();
        }
        return switch (transport.call("sendMessage", params)) {
            case ApiAnswer.Ok ok -> new SendResult.Sent(ok.result().path("message_id").asLong());
            case ApiAnswer.Error error when topic.isPresent() && error.code() == 400
                    && GONE_TOPIC.stream().anyMatch(error::says) -> {
                LOG.info("Telegram: a forum topic can no longer be posted in ({}); posting in the chat itself",
                        error.description());
                yield sendMessage(chatId, OptionalLong.empty(), message);
            }
            case ApiAnswer.Error error -> failure("sendMessage", OptionalLong.of(chatId), error);
            case ApiAnswer.NoAnswer none -> new TelegramFailure.RetryLater(none.reason(), Optional.empty());
        };
    }

    /**
     * Replaces the text and keyboard of one of the bot's messages; a message sent with no keyboard loses the one it
     * had. Showing exactly that already is {@link EditResult.Unchanged}.
     *
     * @throws IllegalArgumentException when the text is longer than {@link #MAX_TEXT}
     */
    public EditResult editMessageText(long chatId, long messageId, OutgoingText message) {
        ObjectNode params = textParams(chatId, message);
        params.put("message_id", messageId);
        Optional<TelegramFailure> held = pace(chatId);
        if (held.isPresent()) {
            return held.get();
        }
        return edited("editMessageText", chatId, transport.call("editMessageText", params));
    }

    private EditResult edited(String method, long chatId, ApiAnswer answer) {
        return switch (answer) {
            case ApiAnswer.Ok ok -> new EditResult.Edited();
            case ApiAnswer.Error error when error.code() == 400 && error.says("message is not modified") ->
                    new EditResult.Unchanged();
            case ApiAnswer.Error error -> failure(method, OptionalLong.of(chatId), error);
            case ApiAnswer.NoAnswer none -> new TelegramFailure.RetryLater(none.reason(), Optional.empty());
        };
    }

    /**
     * Replaces the inline keyboard of one of the bot's messages with {@code keyboard}, its text untouched
     * (https://core.telegram.org/bots/api#editmessagereplymarkup); an empty one removes it. Showing exactly that already
     * is {@link EditResult.Unchanged}. Paced as a message is.
     */
    public EditResult editMessageReplyMarkup(long chatId, long messageId, List<List<InlineButton>> keyboard) {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("chat_id", chatId);
        params.put("message_id", messageId);
        if (!keyboard.isEmpty()) {
            params.set("reply_markup", keyboard(keyboard));
        }
        Optional<TelegramFailure> held = pace(chatId);
        if (held.isPresent()) {
            return held.get();
        }
        return edited("editMessageReplyMarkup", chatId, transport.call("editMessageReplyMarkup", params));
    }

    /**
     * Answers a button tap, which stops the person's app showing it as loading; {@code text}, when given, shows as a
     * short notice (at most 200 characters). A tap answered already or older than Telegram waits for is
     * {@link TelegramFailure.Refused}.
     */
    public AnswerResult answerCallbackQuery(String callbackQueryId, Optional<String> text) {
        return answerCallbackQuery(callbackQueryId, text, Optional.empty());
    }

    /**
     * As {@link #answerCallbackQuery(String, Optional)}, and the person's app opens {@code url}: for a button that is
     * not a game's, a {@code t.me/<bot>?start=<payload>} link that opens the bot's private chat.
     */
    public AnswerResult answerCallbackQuery(String callbackQueryId, Optional<String> text, Optional<URI> url) {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("callback_query_id", callbackQueryId);
        text.ifPresent(t -> params.put("text", t));
        url.ifPresent(u -> params.put("url", u.toString()));
        return switch (transport.call("answerCallbackQuery", params)) {
            case ApiAnswer.Ok ok -> new AnswerResult.Answered();
            case ApiAnswer.Error error -> failure("answerCallbackQuery", OptionalLong.empty(), error);
            case ApiAnswer.NoAnswer none -> new TelegramFailure.RetryLater(none.reason(), Optional.empty());
        };
    }

    private ObjectNode textParams(long chatId, OutgoingText message) {
        int length = message.text().length();
        if (length > MAX_TEXT) {
            throw new IllegalArgumentException("a Telegram message holds at most " + MAX_TEXT
                    + " characters, this one has " + length + ": split it first");
        }
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("chat_id", chatId);
        params.put("text", message.text().html());
        params.put("parse_mode", "HTML");
        if (!message.keyboard().isEmpty()) {
            params.set("reply_markup", keyboard(message.keyboard()));
        }
        // Telegram previews a message's first link unless told otherwise
        // (https://core.telegram.org/bots/api#linkpreviewoptions): the song's, or none
        ObjectNode preview = params.putObject("link_preview_options");
        message.preview().ifPresentOrElse(url -> preview.put("url", url.toString()),
                () -> preview.put("is_disabled", true));
        return params;
    }

    private static ObjectNode keyboard(List<List<InlineButton>> rows) {
        ObjectNode markup = BotApiTransport.JSON.createObjectNode();
        ArrayNode keyboard = markup.putArray("inline_keyboard");
        for (List<InlineButton> row : rows) {
            ArrayNode buttons = keyboard.addArray();
            for (InlineButton button : row) {
                ObjectNode node = buttons.addObject().put("text", button.text());
                switch (button) {
                    case InlineButton.Callback callback -> node.put("callback_data", callback.data());
                    case InlineButton.Url url -> node.put("url", url.url().toString());
                }
            }
        }
        return markup;
    }

    /** Waits for the chat's turn; a failure when the wait is too long to take now. */
    private Optional<TelegramFailure> pace(long chatId) {
        try {
            return limiter.acquire(chatId).map(wait -> new TelegramFailure.RetryLater(
                    "held back to stay within Telegram's rate limits", Optional.of(wait)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new TelegramFailure.RetryLater("interrupted while waiting for Telegram's rate limit",
                    Optional.empty()));
        }
    }

    /** Telegram's error, sorted into what the caller can do about it; a 429 also holds the chat it was about. */
    private TelegramFailure failure(String method, OptionalLong chatId, ApiAnswer.Error error) {
        String detail = method + ": " + error.code() + " " + error.description();
        if (error.code() == 429) {
            Duration wait = error.retryAfter().orElse(DEFAULT_RETRY_AFTER);
            chatId.ifPresent(chat -> limiter.hold(chat, wait));
            LOG.warn("Telegram rate limit on {}; retrying after {} s", method, wait.toSeconds());
            return new TelegramFailure.RetryLater("rate limited: " + detail, Optional.of(wait));
        }
        if (error.code() == 403 || (error.code() == 400 && GONE_CHAT.stream().anyMatch(error::says))) {
            LOG.info("Telegram: chat unreachable ({})", detail);
            return new TelegramFailure.Unreachable(error.description());
        }
        if (error.code() == 401 || error.code() == 404) {
            LOG.error("Telegram refused the bot token or the method ({}): check TELEGRAM_BOT_TOKEN", detail);
            return new TelegramFailure.RetryLater("the bot token was refused: " + detail, Optional.empty());
        }
        if (error.code() == 400) {
            LOG.warn("Telegram refused the request ({})", detail);
            return new TelegramFailure.Refused(error.description());
        }
        LOG.warn("Telegram failed ({})", detail);
        return new TelegramFailure.RetryLater("Telegram failed: " + detail, error.retryAfter());
    }

    // ---------------------------------------------------------------- setup and look-ups

    /**
     * Points Telegram at the bot's webhook: updates of {@code allowedUpdates} (e.g. {@code message},
     * {@code callback_query}) are POSTed there with {@code secret} in {@link WebhookSecret#HEADER}.
     */
    public void setWebhook(URI url, WebhookSecret secret, List<String> allowedUpdates) throws TelegramApiException {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("url", url.toString());
        params.put("secret_token", secret.value());
        ArrayNode types = params.putArray("allowed_updates");
        allowedUpdates.forEach(types::add);
        require("setWebhook", params);
    }

    /** The commands people see in the bot's menu (the default list, for every chat). */
    public void setMyCommands(List<BotCommand> commands) throws TelegramApiException {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        ArrayNode list = params.putArray("commands");
        commands.forEach(c -> list.addObject().put("command", c.command()).put("description", c.description().strip()));
        require("setMyCommands", params);
    }

    /** Whether the user is in the chat: the bot cannot list a group's members, only ask about one user at a time. */
    public ChatMember getChatMember(long chatId, long userId) throws TelegramApiException {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("chat_id", chatId);
        params.put("user_id", userId);
        JsonNode member = require("getChatMember", params);
        ChatMember.Status status;
        try {
            status = ChatMember.Status.valueOf(member.path("status").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TelegramApiException("getChatMember answered an unknown status", 0, Optional.empty());
        }
        boolean inChat = switch (status) {
            case CREATOR, ADMINISTRATOR, MEMBER -> true;
            case RESTRICTED -> member.path("is_member").asBoolean(false);
            case LEFT, KICKED -> false;
        };
        return new ChatMember(status, inChat);
    }

    /**
     * What the chat shows of itself (https://core.telegram.org/bots/api#getchat): for a private chat the person's
     * first and last name and username, for a group its title.
     */
    public ChatProfile getChat(long chatId) throws TelegramApiException {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("chat_id", chatId);
        JsonNode chat = require("getChat", params);
        return new ChatProfile(text(chat, "first_name"), text(chat, "last_name"), text(chat, "username"),
                text(chat, "title"));
    }

    /**
     * The supergroup the basic group {@code chatId} was upgraded to: Telegram answers any call about the old group
     * with {@code parameters.migrate_to_chat_id} (https://core.telegram.org/bots/api#responseparameters), here
     * {@code getChat}'s, also to a bot that was not in the group then. Empty when it was not upgraded, or Telegram did
     * not say.
     */
    public Optional<Long> upgradedTo(long chatId) {
        ObjectNode params = BotApiTransport.JSON.createObjectNode();
        params.put("chat_id", chatId);
        return transport.call("getChat", params) instanceof ApiAnswer.Error error ? error.migrateTo()
                : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    /** The bot's own id and username. */
    public BotIdentity getMe() throws TelegramApiException {
        JsonNode me = require("getMe", BotApiTransport.JSON.createObjectNode());
        if (!me.path("id").canConvertToLong() || !me.path("username").isTextual()) {
            throw new TelegramApiException("getMe answered no bot", 0, Optional.empty());
        }
        return new BotIdentity(me.path("id").asLong(), me.path("username").asText());
    }

    private JsonNode require(String method, ObjectNode params) throws TelegramApiException {
        return switch (transport.call(method, params)) {
            case ApiAnswer.Ok ok -> ok.result();
            case ApiAnswer.Error error -> {
                LOG.warn("Telegram {} failed: {} {}", method, error.code(), error.description());
                throw new TelegramApiException("Telegram " + method + " failed: " + error.code() + " "
                        + error.description(), error.code(), error.retryAfter());
            }
            case ApiAnswer.NoAnswer none -> throw new TelegramApiException(none.reason(), 0, Optional.empty());
        };
    }
}
