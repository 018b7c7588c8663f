package app.sendsongs.core.share;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import java.util.List;

/**
 * Who a person knows through the bot: the people they exchanged songs with and the people they share a group with.
 * A first name is enough to name one of them, and they are the ones offered as taps when a song is shared.
 */
public interface Acquaintances {
    /** The person's contacts, those they exchanged songs with most recently first, then their groups' members. */
    List<ChatAddress> contactsOf(ChatAddress person);

    /**
     * The songs the person exchanged with others, sent or received, the latest first: those whose people
     * {@link #contactsOf} reads. When each was sent tells by which names the person and the other knew each other.
     */
    List<Exchange> exchangesOf(ChatAddress person);

    /**
     * Whether {@code other} is the person's contact through something else than the share {@code shareId}: another
     * song between them among their latest, or a group they are both in.
     */
    boolean knownApartFrom(ChatAddress person, ChatAddress other, String shareId);

    /**
     * The people who sent the person the song {@code track} (they have it), among the songs the person was sent
     * lately: one bounded read.
     */
    List<ChatAddress> sendersOf(ChatAddress person, TrackId track);

    /** The names of the groups both people are in, as {@code person} names them. */
    List<String> groupsInCommon(ChatAddress person, ChatAddress other);
}
