package app.sendsongs.core.share;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a song card's taps put after {@code block} and {@code receipts on|off} to mean "whoever sent me this song":
 * {@code song} and the share's id (and a pending list's taps after {@code cancel}, to mean that song, whatever
 * number it has by the time of the tap). A name would do only while nobody else has it: names need not be unique, and a
 * person may take another's old one, so a tap on an old card could act on someone else. The id tells nothing about
 * anyone, so a platform without buttons can show it as what to type. A pending list's taps put it after
 * {@code cancel} to mean "this song", for the same reason: a place in the list may be another song's by then.
 */
final class SenderOfSong {
    private static final Pattern REFERENCE = Pattern.compile(
            "song ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", Pattern.CASE_INSENSITIVE);

    private SenderOfSong() {
    }

    /** {@code command} for the sender of {@code share}: "block song 0b6f…". */
    static String payload(String command, Share share) {
        return command + " song " + share.id();
    }

    /** The share id in what a tap (or a person) put where a name goes, when it is such a reference. */
    static Optional<String> shareId(String name) {
        Matcher reference = REFERENCE.matcher(name.strip());
        return reference.matches() ? Optional.of(reference.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
