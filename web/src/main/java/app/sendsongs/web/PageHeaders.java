package app.sendsongs.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every HTML page of the bot sends: a Content-Security-Policy that runs only the page's
 * own scripts (named by nonce or hash), no framing, no MIME sniffing, no referrer.
 */
public final class PageHeaders {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PageHeaders() {
    }

    /** A fresh value for a page's {@code <script nonce="...">}. */
    public static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The CSP source for a script with exactly this text: inline, or loaded by a {@code <script src>} whose
     * {@code integrity} is {@link #integrity} of the same text.
     */
    public static String hashSource(String script) {
        return "'" + integrity(script) + "'";
    }

    /** The SHA-256 of a script as a {@code <script>} tag's {@code integrity} names it: {@code sha256-…}. */
    public static String integrity(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * @param scriptSource the CSP source allowed to run scripts, e.g. {@code 'nonce-…'} or a
     *                     {@link #hashSource}; {@code 'none'} for a page without script
     */
    public static Map<String, String> forPage(String scriptSource) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src 'self'; script-src " + scriptSource
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }
}
