package app.sendsongs.core.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chat platform a person is reached on, named by a short lowercase id ("messenger", "telegram").
 * A record rather than an enum so that a platform can be added (or made up in a test) without
 * changing the core.
 */
public record Platform(String id) {
    // Before the constants below: they are validated as the class initialises.
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /** Longest platform id accepted. */
    public static final int MAX_ID_LENGTH = 32;

    public static final Platform MESSENGER = new Platform("messenger");
    public static final Platform TELEGRAM = new Platform("telegram");

    public Platform {
        Objects.requireNonNull(id, "platform id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("platform id must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "platform id must be at most " + MAX_ID_LENGTH + " characters, got " + id.length());
        }
        if (id.indexOf(':') >= 0) {
            throw new IllegalArgumentException("platform id must not contain ':': " + id);
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "platform id must be lowercase letters, digits, '-' or '_', starting with a letter or digit: " + id);
        }
    }

    /** The platform with this id: one of the constants when it is theirs (addresses read back make many). */
    public static Platform of(String id) {
        if (MESSENGER.id.equals(id)) {
            return MESSENGER;
        }
        return TELEGRAM.id.equals(id) ? TELEGRAM : new Platform(id);
    }

    /** The platform's name as people say it: its id with a capital ("Messenger", "Telegram"). */
    public String displayName() {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    @Override
    public String toString() {
        return id;
    }
}
