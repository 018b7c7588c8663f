package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A message text as Telegram keeps it once its {@code parse_mode} is applied: the text people see and its entities
 * (https://core.telegram.org/bots/api#formatting-options). Leading and trailing white space is trimmed, as Telegram
 * does; a text left empty is refused.
 */
record TelegramFormattedText(String text, List<TelegramEntity> entities) {
    static final Comparator<TelegramEntity> ENTITY_ORDER = Comparator.comparingInt(TelegramEntity::offset)
            .thenComparing(Comparator.comparingInt(TelegramEntity::length).reversed());

    TelegramFormattedText {
        entities = List.copyOf(entities);
    }

    /**
     * Applies {@code parseMode} (HTML, MarkdownV2, none; any case) to a non-empty {@code raw} text.
     *
     * @throws HttpProblem Telegram's 400 for an unknown parse mode, a text it cannot parse or one that is only white
     *                     space
     */
    static TelegramFormattedText parse(String raw, String parseMode) {
        String mode = parseMode == null ? "" : parseMode.toLowerCase(Locale.ROOT);
        TelegramFormattedText parsed = switch (mode) {
            case "", "none" -> new TelegramFormattedText(raw, List.of());
            case "html" -> TelegramHtml.parse(raw);
            case "markdownv2" -> TelegramMarkdownV2.parse(raw);
            case "markdown" -> throw TelegramErrors.badRequest(
                    "can't parse entities: the sandbox does not emulate the legacy Markdown parse mode");
            default -> throw TelegramErrors.badRequest("unsupported parse_mode");
        };
        return parsed.trimmed();
    }

    /** Without leading and trailing white space, entities cut to what remains. */
    TelegramFormattedText trimmed() {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw TelegramErrors.badRequest("text must be non-empty");
        }
        List<TelegramEntity> kept = new ArrayList<>();
        for (TelegramEntity e : entities) {
            int from = Math.max(e.offset(), start);
            int to = Math.min(e.offset() + e.length(), end);
            if (to > from) {
                kept.add(new TelegramEntity(e.type(), from - start, to - from, e.argument()));
            }
        }
        return new TelegramFormattedText(text.substring(start, end), kept);
    }

    ArrayNode entitiesJson() {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        entities.forEach(e -> array.add(e.toJson()));
        return array;
    }

    static int utf8Length(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    static boolean hasLoneSurrogate(CharSequence s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
