package app.sendsongs.core.music;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a Spotify track id in the link forms people paste. */
public final class TrackLinks {
    private static final Pattern WEB = Pattern.compile(
            "^https?://open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?(?:embed/)?track/([0-9A-Za-z]{22})(?:[/?#].*)?$");
    private static final Pattern URI = Pattern.compile("^spotify:track:([0-9A-Za-z]{22})$");
    private static final Pattern ANY_SPOTIFY = Pattern.compile("^(?:https?://(?:open|play)\\.spotify\\.com/|spotify:).*",
            Pattern.CASE_INSENSITIVE);

    private TrackLinks() {
    }

    public static Optional<TrackId> parse(String text) {
        for (Pattern p : new Pattern[] {WEB, URI}) {
            Matcher m = p.matcher(text);
            if (m.matches()) {
                return Optional.of(new TrackId(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** True for anything that looks like a Spotify link or URI, track or not. */
    public static boolean looksLikeSpotify(String text) {
        return ANY_SPOTIFY.matcher(text).matches();
    }
}
