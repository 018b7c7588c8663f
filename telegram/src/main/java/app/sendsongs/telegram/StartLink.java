package app.sendsongs.telegram;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A link that opens the bot's private chat with a start parameter, {@code https://t.me/<bot>?start=<parameter>}:
 * Telegram shows the person a START button, and pressing it sends the bot {@code /start <parameter>}. The parameter
 * is 1 to 64 of {@code A-Z a-z 0-9 _ -} (https://core.telegram.org/bots/features#deep-linking); Telegram's apps open a
 * link whose parameter breaks that rule as a plain link to the bot, without it, so such a link is never made.
 */
final class StartLink {
    static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private StartLink() {
    }

    /** @throws IllegalArgumentException when {@code parameter} is not one Telegram passes on */
    static URI to(String botUsername, String parameter) {
        if (parameter == null || !PARAMETER.matcher(parameter).matches()) {
            throw new IllegalArgumentException("a start link carries 1-64 of A-Z a-z 0-9 _ -");
        }
        return URI.create("https://t.me/" + botUsername + "?start=" + parameter);
    }

    /** The bot's private chat, without a start parameter: opening it sends the bot nothing. */
    static URI toChat(String botUsername) {
        return URI.create("https://t.me/" + botUsername);
    }
}
