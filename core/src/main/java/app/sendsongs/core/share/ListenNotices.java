package app.sendsongs.core.share;

import app.sendsongs.core.shared.StableIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The ids of what a listen check tells people, which say what each message is, so that one still waiting can be told
 * from its person's other messages about the same people and taken back when the receiver's choices change: the
 * message of a sender's {@code post} notes to the receiver (taken back when the receiver blocks the sender), and the
 * notices to a sender of the receiver's plays and expiries (taken back when the receiver stops telling them).
 *
 * <p>Before ids said what they are, such a message was held under {@code StableIds.of(kind, its songs' share ids,
 * sorted)}, a kind of "post note", "played" or "expired": a hash, which tells nothing by itself. One still waiting (for
 * at most the hold limit) is recognised by making that id again from the songs its text names, in every combination:
 * only a message of that kind on exactly those songs has it, so nothing else is taken back. A message naming more than
 * {@value #MOST_SONGS_LOOKED_AT} of the songs is not looked into, and expires as it would have.
 */
public final class ListenNotices {
    /** What the id of every held message of notes begins with. */
    public static final String NOTES_PREFIX = "post note ";
    /** What the id of every held notice of plays or expiries begins with. */
    public static final String RECEIPTS_PREFIX = "receipt ";

    /** The most songs a message held before ids said what they are may name and still be recognised. */
    static final int MOST_SONGS_LOOKED_AT = 12;

    private ListenNotices() {
    }

    /**
     * Tells a notice to a sender of plays or expiries among {@code songs} (those they sent one receiver) by the id it
     * was held under and its text.
     */
    public static BiPredicate<String, String> receiptsOn(List<Share> songs) {
        return (id, text) -> id.startsWith(RECEIPTS_PREFIX) || heldBefore(id, text, songs, "played", "expired");
    }

    /** Tells a message of a sender's notes on songs among {@code songs} (those they sent one receiver), likewise. */
    public static BiPredicate<String, String> notesOn(List<Share> songs) {
        return (id, text) -> id.startsWith(NOTES_PREFIX) || heldBefore(id, text, songs, "post note");
    }

    /** The id of the message of the notes on {@code songs}, of one sender, that one check of their receiver settled. */
    public static String notesId(List<Share> songs) {
        return NOTES_PREFIX + idOf("post note", songs);
    }

    /** The id of the notice of {@code kind} ("played", "expired") to the sender of {@code songs}, of one check. */
    public static String receiptId(String kind, List<Share> songs) {
        return RECEIPTS_PREFIX + idOf(kind, songs);
    }

    /**
     * The songs among {@code songs} (those a sender sent one receiver) that a notice of plays or expiries held under
     * {@code id}, saying {@code text}, tells of: those its text names whose ids make the one it was held under, with
     * {@link #RECEIPTS_PREFIX} or (held before ids said what they are) without. A notice with that prefix naming more
     * than {@value #MOST_SONGS_LOOKED_AT} songs, or whose songs are not found so, is taken to tell of every song it
     * names: keeping one more song's play from its sender reveals nothing.
     */
    public static List<Share> toldOf(String id, String text, List<Share> songs) {
        boolean prefixed = id.startsWith(RECEIPTS_PREFIX);
        List<Share> named = named(text, songs);
        return songsWithId(prefixed ? id.substring(RECEIPTS_PREFIX.length()) : id, named, "played", "expired")
                .orElse(prefixed ? named : List.of());
    }

    /** Whether {@code id} is the one a message of one of {@code kinds} on some of {@code songs} had (see above). */
    private static boolean heldBefore(String id, String text, List<Share> songs, String... kinds) {
        return songsWithId(id, named(text, songs), kinds).isPresent();
    }

    /** The songs among {@code songs} whose titles {@code text} names. */
    private static List<Share> named(String text, List<Share> songs) {
        return songs.stream().filter(song -> text.contains(song.track().title())).toList();
    }

    /**
     * Those of {@code named} (at most {@value #MOST_SONGS_LOOKED_AT}) whose ids make {@code id} for one of
     * {@code kinds}, tried in every combination.
     */
    private static Optional<List<Share>> songsWithId(String id, List<Share> named, String... kinds) {
        if (named.isEmpty() || named.size() > MOST_SONGS_LOOKED_AT) {
            return Optional.empty();
        }
        for (int some = 1; some < 1 << named.size(); some++) {
            List<Share> these = new ArrayList<>();
            for (int i = 0; i < named.size(); i++) {
                if ((some & 1 << i) != 0) {
                    these.add(named.get(i));
                }
            }
            for (String kind : kinds) {
                if (idOf(kind, these).equals(id)) {
                    return Optional.of(these);
                }
            }
        }
        return Optional.empty();
    }

    private static String idOf(String kind, List<Share> songs) {
        List<String> parts = new ArrayList<>();
        parts.add(kind);
        songs.stream().map(Share::id).sorted().forEach(parts::add);
        return StableIds.of(parts.toArray(String[]::new));
    }
}
