package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Graphemes;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The titles of a message's choices fitted to a platform's limit ({@link Graphemes#fit}) so that they are still told
 * apart: two long names that start alike ("Alexandra Montgomery-Smith", "Alexandra Montgomery-Jones") would both show
 * as "Alexandra Montgomer…". A title whose cut hides where it differs from another keeps its start and the end that
 * tells it apart, "Alexandra…Smith": the fewest whole last words (a word ends at a space or a hyphen) that no other
 * title ends with, or else the fewest last characters as people see them. A title numbered as an answer ("1. ")
 * keeps its number and is told apart by what follows it. Titles that are the same, or differ only where their cut
 * shows, are cut at the end.
 */
public final class ChoiceTitles {
    private static final String ELLIPSIS = "\u2026";
    private static final Pattern NUMBERED = Pattern.compile("(\\d+\\. )(.*)", Pattern.DOTALL);

    private ChoiceTitles() {
    }

    /** Each title, in order, at most {@code max} UTF-16 units long. */
    public static List<String> fitApart(List<String> titles, int max) {
        List<Title> all = titles.stream().map(Title::of).toList();
        List<String> fitted = new ArrayList<>(titles.size());
        for (Title title : all) {
            String plain = Graphemes.fit(title.whole(), max);
            List<String> others = all.stream().map(Title::body).filter(body -> !body.equals(title.body())).toList();
            boolean cutHidesTheDifference = !plain.equals(title.whole())
                    && plain.length() - ELLIPSIS.length() - title.number().length() <= alikeFor(title.body(), others);
            fitted.add(cutHidesTheDifference ? title.withEndApart(others, max).orElse(plain) : plain);
        }
        return fitted;
    }

    /** How many first characters of {@code body} the most alike of the others starts with too. */
    private static int alikeFor(String body, List<String> others) {
        int alike = 0;
        for (String other : others) {
            int same = 0;
            while (same < body.length() && same < other.length() && body.charAt(same) == other.charAt(same)) {
                same++;
            }
            alike = Math.max(alike, same);
        }
        return alike;
    }

    /** A title: its number as an answer ("1. ", or nothing) and what follows it, spacing stripped. */
    private record Title(String number, String body) {
        static Title of(String title) {
            String stripped = title.strip();
            Matcher numbered = NUMBERED.matcher(stripped);
            return numbered.matches() ? new Title(numbered.group(1), numbered.group(2)) : new Title("", stripped);
        }

        String whole() {
            return number + body;
        }

        /** Its start, "…", and the shortest end no other title's body ends with alike, when that fits. */
        Optional<String> withEndApart(List<String> others, int max) {
            int room = max - number.length() - ELLIPSIS.length();
            return endApart(others, wordStarts(), false, room)
                    .or(() -> endApart(others, characterStarts(), true, room))
                    .map(end -> number + start(room - end.length()) + ELLIPSIS + end);
        }

        /**
         * The shortest end shorter than {@code room}, from one of {@code starts} (latest first), that no other body ends
         * with ({@link #endsWithWhole}).
         */
        private Optional<String> endApart(List<String> others, List<Integer> starts, boolean anyCharacter, int room) {
            for (int from : starts) {
                String end = body.substring(from);
                if (end.length() >= room) {
                    return Optional.empty();
                }
                if (others.stream().noneMatch(other -> endsWithWhole(other, end, anyCharacter))) {
                    return Optional.of(end);
                }
            }
            return Optional.empty();
        }

        /** The body's first {@code room} units at most, cut after a word where one ends in them. */
        private String start(int room) {
            int cut = Graphemes.cutAt(body, room);
            for (int at = cut; at > 0; at--) {
                if (at < body.length() && isWordBreak(body.charAt(at))) {
                    return body.substring(0, at).stripTrailing();
                }
            }
            return body.substring(0, cut).stripTrailing();
        }

        /** Where the body's words start, after a space or a hyphen, the last first; not the first word. */
        private List<Integer> wordStarts() {
            List<Integer> starts = new ArrayList<>();
            for (int at = body.length() - 1; at > 0; at--) {
                if (isWordBreak(body.charAt(at - 1)) && !isWordBreak(body.charAt(at))) {
                    starts.add(at);
                }
            }
            return starts;
        }

        /** Where the body's characters as people see them start, the last first; not the first. */
        private List<Integer> characterStarts() {
            BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
            characters.setText(body);
            List<Integer> starts = new ArrayList<>();
            for (int at = characters.last(); at != BreakIterator.DONE; at = characters.previous()) {
                if (at > 0 && at < body.length()) {
                    starts.add(at);
                }
            }
            return starts;
        }
    }

    /**
     * Whether {@code other} ends with {@code end}: as a whole word or words (what comes before it is a space or a
     * hyphen, or nothing), or, {@code anyCharacter}, from any character.
     */
    private static boolean endsWithWhole(String other, String end, boolean anyCharacter) {
        if (!other.endsWith(end)) {
            return false;
        }
        int before = other.length() - end.length();
        return anyCharacter || before == 0 || isWordBreak(other.charAt(before - 1));
    }

    private static boolean isWordBreak(char c) {
        return c == ' ' || c == '-';
    }
}
