package app.sendsongs.core.share;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and notes appear in the bot's messages. */
public final class Texts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    public static String when(Instant at) {
        return WHEN.format(at);
    }

    /** "7 days", "1 hour", "90 minutes": the largest whole unit. */
    public static String duration(java.time.Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return plural(d.toDays(), "day");
        }
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) {
            return plural(d.toHours(), "hour");
        }
        return plural(Math.max(1, d.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public static String note(String text) {
        return "“" + text + "”";
    }

    /** The message that delivers a song: {@code heading}, the title, the {@code pre} note and the link. */
    public static String songMessage(String heading, Share share) {
        StringBuilder text = new StringBuilder("🎵 " + heading + share.track().title());
        if (!share.pre().isEmpty()) {
            text.append("\n").append(note(share.pre()));
        }
        return text.append("\n").append(share.track().id().link()).toString();
    }
}
