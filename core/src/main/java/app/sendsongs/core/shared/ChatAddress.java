package app.sendsongs.core.shared;

import java.util.Objects;

/**
 * Where a person is reached: a platform and that platform's id for them (a Messenger page-scoped id,
 * a Telegram chat id). Two platforms may use the same id for different people, so a person is always
 * identified by both. {@link #key()} is the stable string form stores keep ("messenger:1234").
 */
public record ChatAddress(Platform platform, String id) {
    /** Longest platform-side id accepted. */
    public static final int MAX_ID_LENGTH = 128;

    public ChatAddress {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "address id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("address id must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "address id must be at most " + MAX_ID_LENGTH + " characters, got " + id.length());
        }
        if (!id.strip().equals(id)) {
            throw new IllegalArgumentException("address id must not start or end with white space");
        }
    }

    public static ChatAddress messenger(String psid) {
        return new ChatAddress(Platform.MESSENGER, psid);
    }

    /** The stable string form: platform id, ':', platform-side id. */
    public String key() {
        return platform.id() + ":" + id;
    }

    /** Reads a {@link #key()} back; the platform-side id may itself contain ':'. */
    public static ChatAddress parse(String key) {
        Objects.requireNonNull(key, "address key");
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address key must be <platform>:<id>, got no ':'");
        }
        return new ChatAddress(Platform.of(key.substring(0, colon)), key.substring(colon + 1));
    }

    /** The platform and length only: ids are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "ChatAddress[" + platform.id() + ", " + id.length() + " chars]";
    }
}
