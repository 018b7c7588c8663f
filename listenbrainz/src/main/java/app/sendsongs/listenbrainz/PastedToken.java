package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.ConsentRefusedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user token in what a person pasted on the token page. ListenBrainz makes user tokens as UUIDs
 * ({@code str(uuid.uuid4())} in metabrainz/listenbrainz-server {@code listenbrainz/db/user.py}), shown on
 * {@value ListenBrainzConfig#SETTINGS_PAGE}; people paste them with what stood around them ("User token: …",
 * "Token …", quotes, a line of their own), so a UUID anywhere in the text is the token. Without one, the text itself
 * is taken when it could be a token (lenient about its form), and the address of a profile page, which people paste
 * for "your ListenBrainz", is refused with what to paste instead.
 */
final class PastedToken {
    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{8,100}");
    private static final Pattern PROFILE = Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?listenbrainz\\.org/user/");

    private PastedToken() {
    }

    /**
     * The token in {@code pasted}.
     *
     * @throws ConsentRefusedException when it holds none, saying what to paste
     */
    static String in(String pasted) throws ConsentRefusedException {
        String text = pasted == null ? "" : pasted.strip();
        Matcher uuid = UUID.matcher(text);
        if (uuid.find()) {
            return uuid.group().toLowerCase(Locale.ROOT);
        }
        if (PROFILE.matcher(text).find()) {
            throw new ConsentRefusedException("That is the address of your ListenBrainz profile. I need your user "
                    + "token instead: copy the one shown on " + ListenBrainzConfig.SETTINGS_PAGE + " and paste it here.");
        }
        if (!TOKEN.matcher(text).matches()) {
            throw new ConsentRefusedException("That is not a ListenBrainz user token: copy the one shown on "
                    + ListenBrainzConfig.SETTINGS_PAGE + " and paste it here.");
        }
        return text;
    }
}
