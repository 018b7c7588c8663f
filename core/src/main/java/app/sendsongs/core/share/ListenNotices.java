package app.sendsongs.core.share;

import app.sendsongs.core.shared.StableIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of what a listen check tells people, which say what each message is, so that one still waiting can be told
 * from its person's other messages about the same people and taken back when the receiver's choices change: the
 * message of a sender's {@code post} notes to the receiver (taken back when the receiver blocks the sender), and the
 * notices to a sender of the receiver's plays and expiries (taken back when the receiver stops telling them).
 */
public final class ListenNotices {
    /** What the id of every held message of notes begins with. */
    public static final String NOTES_PREFIX = "post note ";
    /** What the id of every held notice of plays or expiries begins with. */
    public static final String RECEIPTS_PREFIX = "receipt ";

    private ListenNotices() {
    }

    /** The id of the message of the notes on {@code songs}, of one sender, that one check of their receiver settled. */
    public static String notesId(List<Share> songs) {
        return NOTES_PREFIX + idOf("post note", songs);
    }

    /** The id of the notice of {@code kind} ("played", "expired") to the sender of {@code songs}, of one check. */
    public static String receiptId(String kind, List<Share> songs) {
        return RECEIPTS_PREFIX + idOf(kind, songs);
    }

    private static String idOf(String kind, List<Share> songs) {
        List<String> parts = new ArrayList<>();
        parts.add(kind);
        songs.stream().map(Share::id).sorted().forEach(parts::add);
        return StableIds.of(parts.toArray(String[]::new));
    }
}
