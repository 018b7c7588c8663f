package app.sendsongs.core.music;

/** A Spotify track id: 22 base-62 characters. */
public record TrackId(String value) {
    private static final int LENGTH = 22;

    public TrackId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("a Spotify track id is 22 letters and digits");
        }
    }

    /** Checked character by character, not by a regular expression: every share read makes one. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean base62 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!base62) {
                return false;
            }
        }
        return true;
    }

    public String link() {
        return "https://open.spotify.com/track/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
