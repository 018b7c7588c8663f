package app.sendsongs.core.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in the chat as they read from now ("5 min ago", "in 3 h", "for 6 more days"): neither chat platform tells the
 * bot a person's time zone, and a clock time in one zone is hard to read in all the others. Minutes within the hour,
 * hours within the day, days within two weeks, weeks beyond; whole units, rounded down for a time past ("3 h ago" is
 * 3 to 4 hours ago) and to the nearest for one ahead (a watch of 7 days delivered a minute ago goes on "for 7 more days").
 *
 * <p>A message that may wait before it goes out (a notice held until the person next writes) carries a
 * {@link #mark mark} instead, which {@link #worded} turns into words when the message is sent.
 */
public final class RelativeTime {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration TWO_WEEKS = Duration.ofDays(14);
    // private-use characters: nothing a person writes or a song title holds ends up between them
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern MARK = Pattern.compile(OPEN + "([AE])(-?\\d+)" + CLOSE);

    private RelativeTime() {
    }

    /** "just now", "5 min ago", "3 h ago", "1 day ago", "13 days ago", "2 weeks ago". */
    public static String ago(Instant at, Instant now) {
        Duration past = nonNegative(Duration.between(at, now));
        return past.compareTo(MINUTE) < 0 ? "just now" : span(past, false) + " ago";
    }

    /** "in under a minute", "in 5 min", "in 3 h", "in 1 day", "in 2 weeks". */
    public static String in(Instant at, Instant now) {
        Duration ahead = nonNegative(Duration.between(now, at));
        return ahead.compareTo(MINUTE) < 0 ? "in under a minute" : "in " + span(nearest(ahead), false);
    }

    /** "for less than a minute more", "for 5 more minutes", "for 1 more hour", "for 6 more days", "for 2 more weeks". */
    public static String forMore(Instant until, Instant now) {
        Duration ahead = nonNegative(Duration.between(now, until));
        if (ahead.compareTo(MINUTE) < 0) {
            return "for less than a minute more";
        }
        String[] countAndUnit = span(nearest(ahead), true).split(" ", 2);
        return "for " + countAndUnit[0] + " more " + countAndUnit[1];
    }

    /** How a time reads in a message that may wait: {@link #worded} makes "5 min ago" of it when it is sent. */
    public static String markAgo(Instant at) {
        return mark('A', at);
    }

    /** As {@link #markAgo}, for an end: "ends in 3 days", or "ended 2 h ago" once past when it is sent. */
    public static String markEnds(Instant at) {
        return mark('E', at);
    }

    /** {@code text} with its marks in words, as they read at {@code now}. */
    public static String worded(String text, Instant now) {
        if (text.indexOf(OPEN) < 0) {
            return text;
        }
        Matcher mark = MARK.matcher(text);
        StringBuilder worded = new StringBuilder();
        while (mark.find()) {
            Instant at = Instant.ofEpochSecond(Long.parseLong(mark.group(2)));
            mark.appendReplacement(worded, Matcher.quoteReplacement(words(mark.group(1).charAt(0), at, now)));
        }
        return mark.appendTail(worded).toString();
    }

    private static String words(char kind, Instant at, Instant now) {
        if (kind == 'A') {
            return ago(at, now);
        }
        return at.isAfter(now) ? "ends " + in(at, now) : "ended " + ago(at, now);
    }

    private static String mark(char kind, Instant at) {
        return OPEN + String.valueOf(kind) + at.getEpochSecond() + CLOSE;
    }

    private static String span(Duration d, boolean longUnits) {
        if (d.compareTo(HOUR) < 0) {
            return longUnits ? Texts.count(d.toMinutes(), "minute") : d.toMinutes() + " min";
        }
        if (d.compareTo(DAY) < 0) {
            return longUnits ? Texts.count(d.toHours(), "hour") : d.toHours() + " h";
        }
        if (d.compareTo(TWO_WEEKS) < 0) {
            return Texts.count(d.toDays(), "day");
        }
        return Texts.count(d.toDays() / 7, "week");
    }

    /** {@code d} in whole units of the size it reads in: 2 h 40 min is 3 h, 23 h 40 min is a day. */
    private static Duration nearest(Duration d) {
        Duration unit = d.compareTo(HOUR) < 0 ? MINUTE : d.compareTo(DAY) < 0 ? HOUR
                : d.compareTo(TWO_WEEKS) < 0 ? DAY : WEEK;
        return unit.multipliedBy((d.toSeconds() + unit.toSeconds() / 2) / unit.toSeconds());
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
