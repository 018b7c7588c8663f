package app.sendsongs.core.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How times, durations and notes appear in the bot's messages, whichever feature writes them. */
public final class Texts {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    public static String when(Instant at) {
        return WHEN.format(at);
    }

    /** "1 May 2030": the day only, as when someone joined. */
    public static String day(Instant at) {
        return DAY.format(at);
    }

    /** "7 days", "1 hour", "90 minutes": the largest whole unit. */
    public static String duration(java.time.Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return count(d.toDays(), "day");
        }
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) {
            return count(d.toHours(), "hour");
        }
        return count(Math.max(1, d.toMinutes()), "minute");
    }

    /** "1 song", "2 songs". */
    public static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** What a group's sender is told will come of a song sent to {@code receivers} people. */
    public static String tellingPlays(int receivers, java.time.Duration watchPeriod) {
        return receivers == 1
                ? "I'll tell you when they play it, or if they haven't within " + duration(watchPeriod) + "."
                : "I'll tell you as each of them plays it, and sum up when all have played it or " + duration(watchPeriod)
                        + " have passed.";
    }

    /** "1 person", "3 people". */
    public static String people(long n) {
        return n + (n == 1 ? " person" : " people");
    }

    /** Up to {@code shown} names, then how many more ("Bob, Carol and 3 more"): a list that keeps a message short. */
    public static String names(List<String> names, int shown) {
        if (names.size() <= shown) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }

    public static String note(String text) {
        return "“" + text + "”";
    }
}
