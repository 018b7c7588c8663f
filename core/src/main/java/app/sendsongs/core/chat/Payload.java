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
    /** What a tap is answered whose payload names nothing of the person's now (gone, or never theirs). */
    public static final String NOT_USED_ANY_MORE = "That button isn't used any more.";

    private Payload() {
    }

    /** True when {@code payload} can be a payload: not blank, at most {@value #MAX_BYTES} bytes of UTF-8. */
    public static boolean fits(String payload) {
        return !payload.isBlank() && payload.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /**
     * {@code command} followed by a person's name, as a payload: the whole name when it fits, else their first name
     * (the command then finds them among the person's contacts, or asks), else the command alone.
     */
    public static String withName(String command, String name, String firstName) {
        String whole = command + " " + name;
        if (fits(whole)) {
            return whole;
        }
        String first = command + " " + firstName;
        return fits(first) ? first : command;
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
