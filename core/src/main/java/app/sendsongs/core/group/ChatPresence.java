package app.sendsongs.core.group;

import app.sendsongs.core.shared.ChatAddress;

/**
 * Port: of a song shared in a group chat (whose group send's group id is the chat's address key), whether someone it
 * was withdrawn from left the chat, or only stopped getting its songs ({@code /leave}) and is still in it: the
 * sender's summary says which, as the chat itself showed it.
 */
public interface ChatPresence {
    /** What became of a person counted out of what a song was sent to. */
    enum Gone {
        /** One of the person's own groups: they are no longer in it. */
        LEFT_THE_GROUP,
        /** A group chat they are no longer in. */
        LEFT_THE_CHAT,
        /** A group chat they are still in (or the platform cannot say now): they stopped getting its songs. */
        STOPPED_THE_CHATS_SONGS
    }

    Gone gone(String groupId, ChatAddress person);
}
