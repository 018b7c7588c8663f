package app.sendsongs.telegram;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.Optional;

/** Telegram's numeric ids as the core's addresses: a person is {@code telegram:<user id>}, a group {@code telegram:<chat id>}. */
public final class TelegramIds {
    private TelegramIds() {
    }

    /** The address of a Telegram user, or of a chat (a group's id is negative). */
    public static ChatAddress address(long id) {
        return new ChatAddress(Platform.TELEGRAM, Long.toString(id));
    }

    /** The number an id stands for (a chat's, a person's, a message's); empty when it is no Telegram id. */
    static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
