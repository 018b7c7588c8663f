package app.sendsongs.core.shared;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A few named fields the server hands out in a URL and takes back only as it made them, which nobody else can read:
 * {@code 2<base64url(nonce ‖ ciphertext ‖ tag)>}, the fields as {@code name=value} lines (values URL-encoded) sealed
 * with AES-256-GCM ({@link AesGcm}) under a key derived from the {@link SigningKey} of the value's purpose. Personal
 * links and consent states carry a person's chat address, and they travel where the server does not control who reads
 * them (to Spotify and Last.fm in the redirect, in forwarded links, in proxy logs): so the fields are sealed, not only
 * signed.
 *
 * <p>Until values were sealed, the fields were readable: {@code <base64url fields>.<base64url mac>}, the MAC the first
 * 128 bits of the fields' HMAC-SHA-256 under the same key. {@link #open} still takes those, so the links already in
 * people's chats work until they expire; only sealed values are made. The two cannot be taken for one another: a
 * signed value has exactly one dot, a sealed one none (base64url has no dot), and a sealed one starts with
 * {@value #VERSION}, which no signed value does (its first character encodes a field name's lower-case letter, so it is
 * one of {@code Y}-{@code e}). Reading signed values can go once the longest-lived of them has expired: a personal
 * link in a message the bot sent unasked lives as long as the outbox holds a message ({@code HELD_MESSAGE_DAYS}, 14
 * days unless set otherwise), a consent state 10 minutes, so that many days after the first deploy that seals.
 */
public final class SealedValue {
    /** Longer values are refused before any decoding: nothing the server seals comes near it. */
    public static final int MAX_LENGTH = 1_000;
    /** What every sealed value starts with: the second way of making these values, after signing them. */
    static final char VERSION = '2';
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SealedValue() {
    }

    /** The sealed value holding {@code fields}, in their order. Names are letters only. */
    public static String seal(SigningKey key, Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!name.matches("[a-z]+")) {
                throw new IllegalArgumentException("a field name is lower-case letters, not " + name);
            }
            text.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n');
        });
        return VERSION + ENCODER.encodeToString(key.cipher().seal(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The fields of a value this key sealed, or signed before values were sealed; empty for anything else (altered,
     * made up, malformed, too long).
     */
    public static Optional<Map<String, String>> open(SigningKey key, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (value.indexOf('.') >= 0) {
            return openSigned(key, value);
        }
        if (value.charAt(0) != VERSION) {
            return Optional.empty();
        }
        return exactlyDecoded(value.substring(1)).flatMap(sealed -> key.cipher().open(sealed))
                .map(text -> fields(new String(text, StandardCharsets.UTF_8)));
    }

    /** A value as the server made them before sealing: {@code <fields>.<mac>}. */
    private static Optional<Map<String, String>> openSigned(SigningKey key, String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        Optional<byte[]> mac = exactlyDecoded(value.substring(dot + 1));
        if (mac.isEmpty() || mac.get().length != MAC_BYTES || !key.verify(body, mac.get())) {
            return Optional.empty();
        }
        return exactlyDecoded(body).map(text -> fields(new String(text, StandardCharsets.UTF_8)));
    }

    /**
     * The bytes of {@code text} when it is exactly their unpadded base64url: the last character holds spare bits the
     * decoder ignores, so other texts decode to the same bytes, and only the one the server made is the value.
     */
    private static Optional<byte[]> exactlyDecoded(String text) {
        try {
            byte[] bytes = DECODER.decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
