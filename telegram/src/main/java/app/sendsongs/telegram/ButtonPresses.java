package app.sendsongs.telegram;

import static app.sendsongs.telegram.UpdateFields.MAX_NAME;
import static app.sendsongs.telegram.UpdateFields.NOT_THEIR_CHAT;
import static app.sendsongs.telegram.UpdateFields.chatOf;
import static app.sendsongs.telegram.UpdateFields.clip;
import static app.sendsongs.telegram.UpdateFields.sender;
import static app.sendsongs.telegram.UpdateFields.theirs;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A tap on an inline button (https://core.telegram.org/bots/api#callbackquery), with the keyboard it was on. */
final class ButtonPresses {
    private final Clock clock;

    /** @param clock dates button taps, which carry no date */
    ButtonPresses(Clock clock) {
        this.clock = clock;
    }

    TelegramUpdate read(long updateId, JsonNode query) {
        JsonNode id = query.path("id");
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 64) {
            return new TelegramUpdate.Ignored(updateId, "a callback query without an id");
        }
        Optional<TelegramUpdate.Sender> from = sender(query.path("from"));
        if (from.isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, "a callback query without a person as sender");
        }
        JsonNode data = query.path("data");
        if (!data.isTextual() || data.asText().isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, "a tap without data (a game button)");
        }
        if (data.asText().getBytes(StandardCharsets.UTF_8).length > InlineButton.MAX_DATA_BYTES) {
            return new TelegramUpdate.Ignored(updateId, "callback data longer than Telegram allows");
        }
        JsonNode message = query.path("message");
        Optional<TelegramUpdate.Chat> chat = chatOf(message);
        if (chat.isPresent() && !theirs(chat.get(), from.get())) {
            return new TelegramUpdate.Ignored(updateId, NOT_THEIR_CHAT);
        }
        OptionalLong messageId = chat.isPresent() && message.path("message_id").canConvertToLong()
                ? OptionalLong.of(message.path("message_id").asLong()) : OptionalLong.empty();
        return new TelegramUpdate.ButtonPress(updateId, id.asText(), from.get(), chat, messageId, clock.instant(),
                data.asText(), buttonText(message.path("reply_markup"), data.asText()),
                keyboard(message.path("reply_markup")));
    }

    /**
     * The message's inline keyboard (https://core.telegram.org/bots/api#inlinekeyboardmarkup) as the bot sent it: its
     * callback and URL buttons. Empty when there is none, or when a button is of another kind or cannot be read: the
     * bot then leaves the keyboard as it is.
     */
    private static List<List<InlineButton>> keyboard(JsonNode markup) {
        List<List<InlineButton>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                Optional<InlineButton> read = button(button);
                if (read.isEmpty()) {
                    return List.of();
                }
                buttons.add(read.get());
            }
            rows.add(buttons);
        }
        return rows;
    }

    private static Optional<InlineButton> button(JsonNode button) {
        try {
            if (button.path("callback_data").isTextual()) {
                return Optional.of(new InlineButton.Callback(button.path("text").asText(""),
                        button.path("callback_data").asText()));
            }
            if (button.path("url").isTextual()) {
                return Optional.of(new InlineButton.Url(button.path("text").asText(""),
                        new URI(button.path("url").asText())));
            }
        } catch (IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The text of the keyboard's first button carrying {@code data}; empty when there is none. */
    private static String buttonText(JsonNode markup, String data) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (data.equals(button.path("callback_data").asText(null)) && button.path("text").isTextual()) {
                    return clip(button.path("text").asText(), MAX_NAME);
                }
            }
        }
        return "";
    }
}
