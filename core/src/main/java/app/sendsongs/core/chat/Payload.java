package app.sendsongs.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a tap sends back: text the bot understands exactly as if the person had typed it, so a tap
 * and typing are one path, and a platform without buttons can say what to type instead. At most
 * {@value #MAX_BYTES} bytes of UTF-8, the smallest limit of the platforms (Telegram's
 * {@code callback_data}).
 */
public final class Payload {
    public static final int MAX_BYTES = 64;

    private Payload() {
    }

    /** @throws IllegalArgumentException when {@code payload} is blank or longer than {@value #MAX_BYTES} bytes */
    static void check(String payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.isBlank()) {
            throw new IllegalArgumentException("a payload must not be blank");
        }
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a payload is at most " + MAX_BYTES + " bytes of UTF-8, not " + bytes);
        }
    }
}
