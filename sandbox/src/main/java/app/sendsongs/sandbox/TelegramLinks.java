package app.sendsongs.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The link of a {@code text_link} entity as Telegram keeps it: a URL without a scheme gets {@code http://}; a URL with
 * a scheme Telegram does not open, or that is not a URL at all, gives no link (the text stays, unformatted).
 */
final class TelegramLinks {
    private static final Set<String> SCHEMES = Set.of("http", "https", "tg", "ton");

    private TelegramLinks() {
    }

    static Optional<String> checked(String url) {
        String candidate = url.strip();
        if (candidate.isEmpty() || candidate.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        if (!candidate.contains("://")) {
            candidate = "http://" + candidate;
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme) || (scheme.startsWith("http") && uri.getHost() == null)) {
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
