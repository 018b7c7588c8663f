package app.sendsongs.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Time formats of the emulated services. */
final class Times {
    /** Spotify's {@code played_at}: always milliseconds, always {@code Z}. */
    private static final DateTimeFormatter SPOTIFY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String spotify(Instant instant) {
        return SPOTIFY.format(instant);
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
