package app.sendsongs.core.share;

import app.sendsongs.core.shared.StableIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The message that releases a sender's {@code post} notes to the receiver who played their songs is held under an id
 * that says what it is, so that one still waiting for the receiver can be told from their other messages about that
 * sender and taken back when the receiver blocks them.
 */
public final class PostNotes {
    /** What the id of every held message of notes begins with. */
    public static final String ID_PREFIX = "post note ";

    private PostNotes() {
    }

    /** The id of the message of the notes on {@code songs}, of one sender, that one check of their receiver settled. */
    public static String id(List<Share> songs) {
        List<String> parts = new ArrayList<>();
        parts.add("post note");
        songs.stream().map(Share::id).sorted().forEach(parts::add);
        return ID_PREFIX + StableIds.of(parts.toArray(String[]::new));
    }
}
