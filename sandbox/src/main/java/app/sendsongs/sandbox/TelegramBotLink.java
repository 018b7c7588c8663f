package app.sendsongs.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A link to a bot's chat as Telegram's apps read it (https://core.telegram.org/api/links#bot-links):
 * {@code https://t.me/<username>} (or {@code telegram.me}, or {@code tg://resolve?domain=<username>}) with an optional
 * {@code start} parameter. What the apps do with the parameter follows TDLib's link parser: only base64url characters
 * make a start link, and up to 64 of them are passed on (https://core.telegram.org/bots/features#deep-linking); longer
 * ones are refused by Telegram when START is pressed (https://core.telegram.org/method/messages.startBot).
 *
 * @param username the bot's username as the link has it
 * @param start    the start parameter as given (decoded); empty when the link has none
 */
record TelegramBotLink(String username, Optional<String> start) {
    static final int MAX_START = 64;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    /** What a link names; empty when it is no link to a bot's chat. */
    static Optional<TelegramBotLink> parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String username;
        if ((scheme.equals("https") || scheme.equals("http")) && (host.equals("t.me") || host.equals("telegram.me"))) {
            username = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "").replaceFirst("/$", "");
        } else if (scheme.equals("tg") && "resolve".equals(uri.getAuthority())) {
            username = parameter(uri.getRawQuery(), "domain").orElse("");
        } else {
            return Optional.empty();
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TelegramBotLink(username, parameter(uri.getRawQuery(), "start")));
    }

    /** Whether the app reads the start parameter as one (base64url characters); if not, the link opens the chat only. */
    boolean startIsBase64url() {
        return start.filter(value -> BASE64URL.matcher(value).matches()).isPresent();
    }

    private static Optional<String> parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                try {
                    return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
