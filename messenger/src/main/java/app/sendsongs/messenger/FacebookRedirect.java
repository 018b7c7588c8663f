package app.sendsongs.messenger;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Facebook's link redirect: a link shared on Facebook may reach an app as {@code https://l.facebook.com/l.php?u=<the
 * link, URL-encoded>&h=...}, which leads to the link after a safety check. The link itself is what the person shared.
 *
 * @see <a href="https://www.facebook.com/notes/facebook-security/link-shim-protecting-the-people-who-use-facebook-from-malicious-urls/10150492832835766">Link
 * Shim: Protecting the People who Use Facebook from Malicious URLs</a>
 */
final class FacebookRedirect {
    private static final Set<String> HOSTS = Set.of("l.facebook.com", "lm.facebook.com", "www.facebook.com",
            "facebook.com", "m.facebook.com");

    private FacebookRedirect() {
    }

    /** The link {@code url} leads to when it is Facebook's redirect with a link in {@code u}; otherwise {@code url}. */
    static String target(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
                    || !"/l.php".equals(uri.getPath()) || uri.getRawQuery() == null) {
                return url;
            }
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("u=") && parameter.length() > 2) {
                    return URLDecoder.decode(parameter.substring(2), StandardCharsets.UTF_8);
                }
            }
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url;
        }
    }
}
