package app.sendsongs.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one Bot API call, from the query string and from a JSON, form or multipart body, each kept as
 * text the way Telegram's server keeps them: a string as it is, any other JSON value (a number, an object such as
 * {@code reply_markup}) as its JSON text. Like the real server, a body that is not a JSON object gives no parameters
 * rather than an error (https://github.com/tdlib/td, {@code HttpReader::parse_json_parameters}), so the call then
 * fails on its first missing parameter.
 */
final class TelegramParams {
    /** Telegram's cap on the parameters of one call ({@code MAX_TOTAL_PARAMETERS_LENGTH}). */
    static final int MAX_BYTES = 1 << 20;

    private final Map<String, String> values;

    private TelegramParams(Map<String, String> values) {
        this.values = values;
    }

    static TelegramParams of(Map<String, String> values) {
        return new TelegramParams(Map.copyOf(values));
    }

    /** The parameters of a JSON body (a bot's answer to a webhook call may carry one, see {@link TelegramWebhook}). */
    static TelegramParams fromJson(String body) {
        Map<String, String> values = new HashMap<>();
        putJsonObject(values, body);
        return new TelegramParams(values);
    }

    static TelegramParams read(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BYTES) {
            throw TelegramErrors.error(413, "Request Entity Too Large: too many parameters");
        }
        Map<String, String> values = new HashMap<>();
        ctx.queryParamMap().forEach((name, list) -> putFirst(values, name, list));
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            ctx.formParamMap().forEach((name, list) -> putFirst(values, name, list));
        } else if (ctx.method().name().equals("POST")) {
            String body = JsonIo.bodyText(ctx);
            if (body != null && body.length() > MAX_BYTES) {
                throw TelegramErrors.error(413, "Request Entity Too Large: too many parameters");
            }
            putJsonObject(values, body);
        }
        return new TelegramParams(values);
    }

    private static void putFirst(Map<String, String> values, String name, List<String> list) {
        if (!list.isEmpty()) {
            values.put(name, list.get(0));
        }
    }

    private static void putJsonObject(Map<String, String> values, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonNode root;
        try {
            root = JsonIo.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return;
        }
        if (root == null || !root.isObject()) {
            return;
        }
        root.properties().forEach(field -> values.put(field.getKey(),
                field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
    }

    /** The parameter's text; empty when absent (Telegram treats an absent and an empty parameter alike). */
    String get(String name) {
        return values.getOrDefault(name, "");
    }

    boolean isTrue(String name) {
        String value = get(name).toLowerCase(Locale.ROOT);
        return value.equals("true") || value.equals("1");
    }

    /** The parameter as a JSON value; null when absent, empty or not JSON. */
    JsonNode json(String name) {
        String value = get(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return JsonIo.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A number as Telegram's server reads one: anything unreadable is 0. */
    static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
