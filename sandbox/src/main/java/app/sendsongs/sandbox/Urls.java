package app.sendsongs.sandbox;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks on the callback URLs applications hand to the emulated consent pages. */
final class Urls {
    private Urls() {
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    static boolean isAbsoluteHttp(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() && parsed.getHost() != null
                    && ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
