package app.sendsongs.core.music;

import java.util.regex.Pattern;

/** A Spotify track id: 22 base-62 characters. */
public record TrackId(String value) {
    private static final Pattern BASE62_22 = Pattern.compile("[0-9A-Za-z]{22}");

    public TrackId {
        if (value == null || !BASE62_22.matcher(value).matches()) {
            throw new IllegalArgumentException("a Spotify track id is 22 letters and digits");
        }
    }

    public static boolean isValid(String value) {
        return value != null && BASE62_22.matcher(value).matches();
    }

    public String link() {
        return "https://open.spotify.com/track/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
