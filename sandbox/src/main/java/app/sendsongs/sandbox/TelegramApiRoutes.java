package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated Telegram Bot API (https://core.telegram.org/bots/api): {@code GET|POST
 * <base>/sandbox/telegram/bot<token>/<method>} with the parameters in the query string or a JSON, form or multipart
 * body, answering {@code {"ok":true,"result":...}} or Telegram's error object. Method names are case-insensitive, as
 * on the real server. Implemented: getMe, sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery,
 * setWebhook, deleteWebhook, getWebhookInfo, setMyCommands, getMyCommands, getChat, getChatMember.
 */
final class TelegramApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramApiRoutes.class);
    static final String BASE = "/sandbox/telegram";
    private static final int MAX_RAW_TEXT_BYTES = 1 << 15;
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]+");
    private static final Set<Integer> WEBHOOK_PORTS = Set.of(80, 88, 443, 8443);
    private static final Set<String> COMMAND_SCOPES = Set.of("default", "all_private_chats", "all_group_chats",
            "all_chat_administrators", "chat", "chat_administrators", "chat_member");
    private static final int MAX_COMMANDS = 100;

    /** A successful answer: its {@code result} and, for some methods, a {@code description}. */
    private record Answer(JsonNode result, String description) {
        Answer(JsonNode result) {
            this(result, null);
        }
    }

    private final TelegramEmulator telegram;
    private final FaultInjector faults;
    private final byte[] token = TelegramEmulator.BOT_TOKEN.getBytes(StandardCharsets.UTF_8);
    private long lastSetWebhookNanos = System.nanoTime() - 2_000_000_000L;

    TelegramApiRoutes(TelegramEmulator telegram, FaultInjector faults) {
        this.telegram = telegram;
        this.faults = faults;
        telegram.webhook().onReplyCall(this::invokeFromWebhookAnswer);
    }

    void routes(Javalin app) {
        app.get(BASE + "/{bot}/{method}", JsonIo.guarded(this::call));
        app.post(BASE + "/{bot}/{method}", JsonIo.guarded(this::call));
    }

    private void call(Context ctx) {
        String bot = ctx.pathParam("bot");
        if (!bot.startsWith("bot")) {
            throw TelegramErrors.notFound();
        }
        faults.take(FaultInjector.Target.TELEGRAM).ifPresent(fault -> {
            throw TelegramErrors.fault(fault);
        });
        checkToken(bot.substring(3));
        Answer answer = invoke(ctx.pathParam("method").toLowerCase(Locale.ROOT), TelegramParams.read(ctx));
        ObjectNode body = JsonIo.object();
        body.put("ok", true);
        body.set("result", answer.result());
        if (answer.description() != null) {
            body.put("description", answer.description());
        }
        JsonIo.send(ctx, 200, body);
    }

    /** Runs a method; its failures are thrown as Telegram's errors, and a 403 counted. */
    private Answer invoke(String method, TelegramParams params) {
        try {
            Answer answer = answer(method, params);
            telegram.countCall(method);
            return answer;
        } catch (HttpProblem problem) {
            if (problem.status() == 403) {
                telegram.countForbidden(method);
            }
            if (problem.status() == 400) {
                telegram.countBadRequest(method);
            }
            throw problem;
        }
    }

    private Answer answer(String method, TelegramParams params) {
        return switch (method) {
            case "getme" -> new Answer(getMe());
            case "sendmessage" -> new Answer(sendMessage(params));
            case "editmessagetext" -> new Answer(editMessageText(params));
            case "editmessagereplymarkup" -> new Answer(editMessageReplyMarkup(params));
            case "answercallbackquery" -> answerCallbackQuery(params);
            case "setwebhook" -> setWebhook(params);
            case "deletewebhook" -> deleteWebhook(params);
            case "getwebhookinfo" -> new Answer(telegram.webhook().info());
            case "setmycommands" -> setMyCommands(params);
            case "getmycommands" -> new Answer(telegram.commands(commandKey(params)));
            case "getchat" -> new Answer(telegram.chat(params.get("chat_id")));
            case "getchatmember" -> new Answer(telegram.chatMember(params.get("chat_id"), params.get("user_id")));
            default -> throw TelegramErrors.methodNotFound();
        };
    }

    /** A call a bot made in its answer to an update: run as any other, its outcome told to nobody. */
    private void invokeFromWebhookAnswer(String method, TelegramParams params) {
        try {
            invoke(method.toLowerCase(Locale.ROOT), params);
        } catch (HttpProblem refused) {
            LOG.info("a call the bot made in its answer to an update was refused: {}", refused.getMessage());
        }
    }

    /** Telegram's checks: a token that cannot be one, then one that is not this bot's (compared in constant time). */
    private void checkToken(String given) {
        int colon = given.indexOf(':');
        if (given.isEmpty() || given.charAt(0) == '0' || given.length() > 80 || colon < 0) {
            throw TelegramErrors.error(401, "Unauthorized: invalid token specified");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            throw TelegramErrors.unauthorized();
        }
    }

    private static ObjectNode getMe() {
        ObjectNode me = TelegramEmulator.botJson();
        me.put("can_join_groups", true);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        me.put("can_connect_to_business", false);
        me.put("has_main_web_app", false);
        return me;
    }

    private ObjectNode sendMessage(TelegramParams params) {
        TelegramFormattedText text = messageText(params);
        ObjectNode keyboard = TelegramKeyboard.parse(params);
        return telegram.sendMessage(params.get("chat_id"), params.get("message_thread_id"), text, keyboard,
                TelegramLinkPreview.of(params, text), params.isTrue("allow_paid_broadcast"));
    }

    private ObjectNode editMessageText(TelegramParams params) {
        TelegramFormattedText text = messageText(params);
        checkEditedMessageNamed(params);
        ObjectNode keyboard = TelegramKeyboard.parse(params);
        return telegram.editMessageText(params.get("chat_id"), params.get("message_id"), text, keyboard,
                TelegramLinkPreview.of(params, text));
    }

    /** https://core.telegram.org/bots/api#editmessagereplymarkup: no {@code reply_markup} removes the keyboard. */
    private ObjectNode editMessageReplyMarkup(TelegramParams params) {
        checkEditedMessageNamed(params);
        ObjectNode keyboard = TelegramKeyboard.parse(params);
        return telegram.editMessageReplyMarkup(params.get("chat_id"), params.get("message_id"), keyboard);
    }

    /** An edit names a chat's message, or an inline-mode message (which the sandbox has none of). */
    private static void checkEditedMessageNamed(TelegramParams params) {
        if (params.get("chat_id").isEmpty() && params.get("message_id").isEmpty()) {
            if (params.get("inline_message_id").isEmpty()) {
                throw TelegramErrors.badRequest("message identifier is not specified");
            }
            throw TelegramErrors.badRequest("MESSAGE_ID_INVALID");
        }
    }

    /**
     * The {@code text} with its {@code parse_mode} applied, refused as Telegram refuses it, and its commands marked as
     * Telegram marks them.
     */
    private static TelegramFormattedText messageText(TelegramParams params) {
        String raw = params.get("text");
        if (raw.isEmpty()) {
            throw TelegramErrors.badRequest("message text is empty");
        }
        if (TelegramFormattedText.utf8Length(raw) > MAX_RAW_TEXT_BYTES) {
            throw TelegramErrors.badRequest("text is too long");
        }
        return TelegramUserText.withBotCommands(TelegramFormattedText.parse(raw, params.get("parse_mode")));
    }

    private Answer answerCallbackQuery(TelegramParams params) {
        telegram.answerCallbackQuery(params.get("callback_query_id"), params.get("text"), params.isTrue("show_alert"),
                params.get("url"));
        return new Answer(BooleanNode.TRUE);
    }

    // ---------------------------------------------------------------- webhook

    private Answer setWebhook(TelegramParams params) {
        String url = params.get("url");
        if (url.isEmpty()) {
            return deleteWebhook(params);
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastSetWebhookNanos < 1_000_000_000L) {
                throw TelegramErrors.tooManyRequests(1);
            }
            lastSetWebhookNanos = now;
        }
        URI uri = webhookUri(url);
        String secret = params.get("secret_token");
        if (secret.length() > 256) {
            throw TelegramErrors.badRequest("secret token is too long");
        }
        if (!SECRET.matcher(secret).matches()) {
            throw TelegramErrors.badRequest("secret token contains unallowed characters");
        }
        int maxConnections = maxConnections(params.get("max_connections"));
        TelegramWebhook webhook = telegram.webhook();
        TelegramWebhook.Settings settings = new TelegramWebhook.Settings(uri.toString(), secret,
                webhook.allowedUpdates(params.json("allowed_updates")), maxConnections);
        boolean changed = webhook.set(settings, params.isTrue("drop_pending_updates"));
        return new Answer(BooleanNode.TRUE, changed ? "Webhook was set" : "Webhook is already set");
    }

    /**
     * The webhook URL as Telegram checks it: HTTPS on port 80, 88, 443 or 8443. The one liberty the sandbox takes: a
     * loopback host may also be plain HTTP on any port, since the bot under test runs next to the sandbox.
     */
    private static URI webhookUri(String url) {
        URI uri;
        try {
            uri = new URI(url.contains("://") ? url : "https://" + url);
        } catch (URISyntaxException e) {
            throw TelegramErrors.badRequest("invalid webhook URL specified");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw TelegramErrors.badRequest("invalid webhook URL specified");
        }
        if (isLoopback(uri.getHost())) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw TelegramErrors.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (uri.getPort() != -1 && !WEBHOOK_PORTS.contains(uri.getPort())) {
            throw TelegramErrors.badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Telegram's {@code max_connections}: 40 when absent, kept within 1-100. */
    private static int maxConnections(String value) {
        if (value.isEmpty()) {
            return 40;
        }
        long n = TelegramParams.parseLong(value);
        return (int) Math.max(1, Math.min(100, n));
    }

    private Answer deleteWebhook(TelegramParams params) {
        boolean had = telegram.webhook().delete(params.isTrue("drop_pending_updates"));
        return new Answer(BooleanNode.TRUE, had ? "Webhook was deleted" : "Webhook is already deleted");
    }

    // ---------------------------------------------------------------- commands

    private Answer setMyCommands(TelegramParams params) {
        ArrayNode commands = commands(params);
        String key = commandKey(params);
        telegram.setCommands(key, commands);
        return new Answer(BooleanNode.TRUE);
    }

    /** The commands checked as the Bot API server, TDLib and Telegram check them, trimmed and without '/'. */
    private static ArrayNode commands(TelegramParams params) {
        ArrayNode kept = JsonIo.MAPPER.createArrayNode();
        if (params.get("commands").isEmpty()) {
            return kept;
        }
        JsonNode list = params.json("commands");
        if (list == null) {
            throw TelegramErrors.badRequest("can't parse commands JSON object");
        }
        if (!list.isArray()) {
            throw TelegramErrors.badRequest("expected an Array of BotCommand");
        }
        for (JsonNode command : list) {
            kept.add(command(command));
        }
        if (kept.size() > MAX_COMMANDS) {
            throw TelegramErrors.badRequest("BOT_COMMANDS_TOO_MUCH");
        }
        return kept;
    }

    private static ObjectNode command(JsonNode command) {
        if (!command.isObject()) {
            throw TelegramErrors.badRequest("can't parse BotCommand: expected an Object");
        }
        String name = requiredString(command, "command").strip();
        String description = requiredString(command, "description").strip();
        if (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            throw TelegramErrors.badRequest("command must be non-empty");
        }
        if (name.codePointCount(0, name.length()) > 32) {
            throw TelegramErrors.badRequest("command length must not exceed 32");
        }
        if (description.isEmpty()) {
            throw TelegramErrors.badRequest("command description must be non-empty");
        }
        if (description.codePointCount(0, description.length()) > 256) {
            throw TelegramErrors.badRequest("command description length must not exceed 256");
        }
        if (!COMMAND.matcher(name).matches()) {
            throw TelegramErrors.badRequest("BOT_COMMAND_INVALID");
        }
        ObjectNode kept = JsonIo.object();
        kept.put("command", name);
        kept.put("description", description);
        return kept;
    }

    private static String requiredString(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw TelegramErrors.badRequest("can't parse BotCommand: Can't find field \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw TelegramErrors.badRequest("can't parse BotCommand: Field \"" + field + "\" must be of type String");
        }
        return value.asText();
    }

    /** Which list of commands a call names: its {@code scope} and {@code language_code}. */
    private static String commandKey(TelegramParams params) {
        String language = params.get("language_code");
        if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
            throw TelegramErrors.badRequest("invalid language code specified");
        }
        if (params.get("scope").isEmpty()) {
            return "default/" + language;
        }
        JsonNode scope = params.json("scope");
        if (scope == null) {
            throw TelegramErrors.badRequest("can't parse BotCommandScope JSON object");
        }
        if (!scope.isObject()) {
            throw TelegramErrors.badRequest("can't parse BotCommandScope: BotCommandScope must be an Object");
        }
        String type = scope.path("type").asText("");
        if (!COMMAND_SCOPES.contains(type)) {
            throw TelegramErrors.badRequest("can't parse BotCommandScope: Unsupported type specified");
        }
        String chat = scope.path("chat_id").asText("");
        String user = scope.path("user_id").asText("");
        return type + ":" + chat + ":" + user + "/" + language;
    }
}
