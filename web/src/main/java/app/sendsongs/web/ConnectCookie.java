package app.sendsongs.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cookie that binds a consent round trip to the browser that started it: a random value, set when a browser
 * asks to connect, whose digest the sealed state carries; the callback is honoured only with the same cookie, so a
 * link to someone else's callback (login CSRF) finishes nothing. HttpOnly, SameSite=Lax (the callbacks are top-level
 * GET navigations from the source, which Lax lets through; a cross-site POST of the paste form carries no cookie),
 * Secure when the public base URL is https.
 */
public final class ConnectCookie {
    public static final String NAME = "send_songs_connect";
    /** A little longer than a consent state lives. */
    static final int MAX_AGE_SECONDS = 15 * 60;
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{32,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConnectCookie() {
    }

    /** The browser's connect cookie in a {@code Cookie} header (null when none); empty when absent or malformed. */
    public static Optional<String> read(String cookieHeader) {
        if (cookieHeader == null || cookieHeader.length() > 8_192) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(NAME)) {
                String value = unquoted(pair.substring(eq + 1).strip());
                return VALUE.matcher(value).matches() ? Optional.of(value) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A cookie value may come in double quotes (RFC 6265, section 4.1.1); some clients send it so. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code Set-Cookie} value that gives the browser {@code value}. */
    static String header(String value, boolean secure) {
        return NAME + "=" + value + "; Path=/; Max-Age=" + MAX_AGE_SECONDS + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
