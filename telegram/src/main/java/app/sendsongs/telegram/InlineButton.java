package app.sendsongs.telegram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A button of an inline keyboard under a message (https://core.telegram.org/bots/api#inlinekeyboardbutton): it either
 * sends the bot its data back as a button tap, or opens a URL.
 */
public sealed interface InlineButton {
    /** Telegram's limit on {@code callback_data}, in bytes of UTF-8. */
    int MAX_DATA_BYTES = 64;

    String text();

    /** A tap comes back to the bot as a callback query carrying {@code data}: 1-64 bytes of UTF-8. */
    record Callback(String text, String data) implements InlineButton {
        public Callback {
            requireText(text);
            Objects.requireNonNull(data, "data");
            int bytes = data.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_DATA_BYTES) {
                throw new IllegalArgumentException("a button's data is 1-" + MAX_DATA_BYTES
                        + " bytes of UTF-8, this one has " + bytes);
            }
        }
    }

    /** Opens an http, https or tg URL. */
    record Url(String text, URI url) implements InlineButton {
        private static final Set<String> SCHEMES = Set.of("http", "https", "tg");

        public Url {
            requireText(text);
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                throw new IllegalArgumentException("a URL button opens an http, https or tg URL");
            }
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a button needs a text");
        }
    }
}
