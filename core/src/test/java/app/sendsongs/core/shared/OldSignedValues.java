package app.sendsongs.core.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Values as the server issued them before they were sealed, {@code <base64url fields>.<base64url mac>}: the way they
 * were made, kept here to show that those still in people's chats open until they expire.
 */
public final class OldSignedValues {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private OldSignedValues() {
    }

    /** The signed value holding {@code fields}, as the server made them before sealing. */
    public static String sign(SigningKey key, Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n'));
        String body = ENCODER.encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(Arrays.copyOf(key.sign(body), 16));
    }
}
