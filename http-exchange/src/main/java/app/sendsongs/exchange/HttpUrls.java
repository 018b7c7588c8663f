package app.sendsongs.exchange;

import java.net.URI;
import java.net.URISyntaxException;

/** The checks and clean-ups the adapters' configurations make on the URLs they are given. */
public final class HttpUrls {
    private HttpUrls() {
    }

    /** {@code url} trimmed and without trailing slashes, so paths can be appended; {@code fallback} when blank. */
    public static String base(String url, String fallback) {
        if (url == null || url.isBlank()) {
            return fallback;
        }
        String s = url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public static boolean isAbsoluteHttp(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            return uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
