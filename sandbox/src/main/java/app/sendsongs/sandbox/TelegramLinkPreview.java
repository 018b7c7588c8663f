package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link a Telegram app shows a preview of under a message (https://core.telegram.org/bots/api#linkpreviewoptions):
 * the {@code url} of the call's {@code link_preview_options} when it gives one, else the first link of the text (a URL
 * written in it, or a {@code text_link}); none when the options say {@code is_disabled}.
 */
final class TelegramLinkPreview {
    /** A URL written in a text, without the punctuation or closing quote after it. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s]*[^\\s.,;:!?)\\]}'\"”’»]");

    private TelegramLinkPreview() {
    }

    static Optional<String> of(TelegramParams params, TelegramFormattedText text) {
        JsonNode options = params.json("link_preview_options");
        if (!params.get("link_preview_options").isEmpty() && (options == null || !options.isObject())) {
            throw TelegramErrors.badRequest("can't parse link preview options JSON object");
        }
        if (options != null && options.path("is_disabled").asBoolean(false)) {
            return Optional.empty();
        }
        if (options != null && !options.path("url").asText("").isEmpty()) {
            return Optional.of(options.path("url").asText());
        }
        return firstLink(text);
    }

    private static Optional<String> firstLink(TelegramFormattedText text) {
        Matcher written = URL.matcher(text.text());
        String link = null;
        int at = Integer.MAX_VALUE;
        if (written.find()) {
            link = written.group();
            at = written.start();
        }
        for (TelegramEntity entity : text.entities()) {
            if (entity.type().equals("text_link") && entity.offset() < at) {
                link = entity.argument();
                at = entity.offset();
            }
        }
        return Optional.ofNullable(link);
    }
}
