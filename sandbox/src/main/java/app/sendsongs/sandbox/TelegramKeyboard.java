package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The {@code reply_markup} of a message, read as Telegram reads it (https://core.telegram.org/bots/api#inlinekeyboardmarkup;
 * wording of {@code Client::get_reply_markup} in https://github.com/tdlib/telegram-bot-api): an inline keyboard is kept
 * on the message, with each button's {@code text} and its {@code callback_data} (1-64 bytes) or {@code url}; other
 * markups (reply keyboards, force reply) are accepted and not kept, as they are not part of a sent message.
 */
final class TelegramKeyboard {
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    static final int MAX_BUTTONS = 100;

    private TelegramKeyboard() {
    }

    /**
     * The inline keyboard to keep on the message, or null when there is none; refuses what the Bot API server cannot
     * read. What Telegram itself refuses later is checked by {@link #validate}.
     */
    static ObjectNode parse(TelegramParams params) {
        String raw = params.get("reply_markup");
        if (raw.isEmpty()) {
            return null;
        }
        JsonNode markup = params.json("reply_markup");
        if (markup == null) {
            throw TelegramErrors.badRequest("can't parse reply keyboard markup JSON object");
        }
        if (!markup.isObject()) {
            throw TelegramErrors.badRequest("object expected as reply markup");
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows == null || rows.isNull()) {
            return null;
        }
        if (!rows.isArray()) {
            throw TelegramErrors.badRequest("field \"inline_keyboard\" must be of type Array");
        }
        ObjectNode kept = JsonIo.object();
        ArrayNode keptRows = kept.putArray("inline_keyboard");
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw TelegramErrors.badRequest(
                        "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            }
            ArrayNode keptRow = keptRows.addArray();
            for (JsonNode button : row) {
                keptRow.add(button(button));
            }
        }
        return keptRows.isEmpty() ? null : kept;
    }

    /** Telegram's own checks of a keyboard the Bot API server could read (made once the chat is known). */
    static void validate(ObjectNode keyboard) {
        if (keyboard == null) {
            return;
        }
        int buttons = 0;
        for (JsonNode row : keyboard.path("inline_keyboard")) {
            for (JsonNode button : row) {
                buttons++;
                if (button.path("text").asText().isBlank()) {
                    throw TelegramErrors.badRequest("BUTTON_TEXT_INVALID");
                }
                if (button.has("url") && TelegramLinks.checked(button.path("url").asText()).isEmpty()) {
                    throw TelegramErrors.badRequest("BUTTON_URL_INVALID");
                }
                if (button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length
                        > MAX_CALLBACK_DATA_BYTES) {
                    throw TelegramErrors.badRequest("BUTTON_DATA_INVALID");
                }
            }
        }
        if (buttons > MAX_BUTTONS) {
            throw TelegramErrors.badRequest("reply markup is too long");
        }
    }

    private static ObjectNode button(JsonNode button) {
        if (!button.isObject()) {
            throw buttonError("InlineKeyboardButton must be an Object");
        }
        JsonNode text = button.get("text");
        if (text == null || text.isNull()) {
            throw buttonError("Can't find field \"text\"");
        }
        if (!text.isTextual()) {
            throw buttonError("Field \"text\" must be of type String");
        }
        ObjectNode kept = JsonIo.object();
        kept.put("text", text.asText());
        String url = stringField(button, "url");
        String data = stringField(button, "callback_data");
        if (!url.isEmpty()) {
            kept.put("url", url);
        } else if (!data.isEmpty()) {
            kept.put("callback_data", data);
        } else {
            throw buttonError("Text buttons are unallowed in the inline keyboard");
        }
        return kept;
    }

    private static String stringField(JsonNode button, String name) {
        JsonNode value = button.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw buttonError("Field \"" + name + "\" must be of type String");
        }
        return value.asText();
    }

    private static HttpProblem buttonError(String detail) {
        return TelegramErrors.badRequest("can't parse inline keyboard button: " + detail);
    }
}
