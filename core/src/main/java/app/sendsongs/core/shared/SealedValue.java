package app.sendsongs.core.shared;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A few named fields the server hands out in a URL and takes back only as it made them: {@code <fields>.<mac>},
 * both base64url, the fields as {@code name=value} lines (values URL-encoded) and the MAC the first 128 bits of
 * their HMAC-SHA-256 under the {@link SigningKey}. The fields are readable by whoever holds the value, so they
 * never carry a secret; they cannot be changed or made up without the key.
 */
public final class SignedValue {
    /** Longer values are refused before any decoding: nothing the server signs comes near it. */
    public static final int MAX_LENGTH = 1_000;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SignedValue() {
    }

    /** The signed value holding {@code fields}, in their order. Names are letters only. */
    public static String sign(SigningKey key, Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!name.matches("[a-z]+")) {
                throw new IllegalArgumentException("a field name is lower-case letters, not " + name);
            }
            text.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n');
        });
        String body = ENCODER.encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(Arrays.copyOf(key.sign(body), MAC_BYTES));
    }

    /** The fields of a value this key signed; empty for anything else (altered, made up, malformed, too long). */
    public static Optional<Map<String, String>> open(SigningKey key, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot != value.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        try {
            String macText = value.substring(dot + 1);
            byte[] mac = DECODER.decode(macText);
            // the last base64 character holds spare bits the decoder ignores: only the exact encoding is the value
            if (mac.length != MAC_BYTES || !ENCODER.encodeToString(mac).equals(macText) || !key.verify(body, mac)) {
                return Optional.empty();
            }
            return Optional.of(fields(new String(DECODER.decode(body), StandardCharsets.UTF_8)));
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
