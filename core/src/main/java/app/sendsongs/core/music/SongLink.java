package app.sendsongs.core.music;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A song as a person pasted it: a track link (or URI) whose id is known at once, or a Spotify short link
 * ({@code https://spotify.link/<code>}, what the phone apps' share sheet often gives), which leads to a track only
 * once its redirect is followed (see {@link ShortLinks}).
 */
public sealed interface SongLink {

    /** A link that names its track. */
    record Track(TrackId id) implements SongLink {
        public Track {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A short link; {@code code} is what follows {@code spotify.link/}. */
    record Short(String code) implements SongLink {
        private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,64}");

        public Short {
            Objects.requireNonNull(code, "code");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a short link's code is 1 to 64 letters and digits");
            }
        }

        /** The link as people see it. */
        public String url() {
            return "https://spotify.link/" + code;
        }
    }

    static SongLink of(TrackId id) {
        return new Track(id);
    }
}
