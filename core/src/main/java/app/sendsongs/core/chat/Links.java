package app.sendsongs.core.chat;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The rule for links in messages: absolute http or https, as every platform accepts. */
final class Links {
    private Links() {
    }

    static void check(URI url, String what) {
        Objects.requireNonNull(url, what);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
        }
    }
}
