package app.sendsongs.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spotify base-62 ids, random tokens and message ids. */
final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
    private static final Pattern TRACK_REF = Pattern.compile(
            "(?:spotify:track:|https?://open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?track/)([0-9A-Za-z]{22})(?:\\?.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static boolean isSpotifyId(String id) {
        return id != null && SPOTIFY_ID.matcher(id).matches();
    }

    /** A bare id, or the id inside a {@code spotify:track:} URI or open.spotify.com link; else the input. */
    static String trackIdOf(String reference) {
        if (reference == null) {
            return null;
        }
        Matcher m = TRACK_REF.matcher(reference.trim());
        return m.matches() ? m.group(1) : reference.trim();
    }

    /** A stable 22-character base-62 id derived from a name (artist and album ids). */
    static String derived(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(22);
            for (int i = 0; i < 22; i++) {
                id.append(BASE62.charAt((hash[i] & 0xff) % 62));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** URL-safe random string of {@code bytes} random bytes, prefixed. */
    static String token(String prefix, int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A Messenger message id, {@code m_<random>}. */
    static String messageId() {
        return token("m_", 24);
    }

    /** A Graph {@code fbtrace_id}. */
    static String fbtrace() {
        return token("A", 8);
    }

    static String randomAlnum(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(BASE62.charAt(10 + RANDOM.nextInt(26)));
        }
        return s.toString().toLowerCase();
    }
}
