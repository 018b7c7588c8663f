package app.sendsongs.core.groupchat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: who is counted in for each group chat, and the messages that show songs sent in a chat. Lists are ordered
 * so they read the same every time.
 */
public interface GroupChatStore {
    /** Counts a person in; false, changing nothing, when they are counted in already (their first time stays). */
    boolean addMember(CountedMember member);

    /** Counts a person out; false when they were not counted in. */
    boolean removeMember(ChatAddress chat, ChatAddress person);

    /** The people counted in for a chat, earliest first (ties by {@link ChatAddress#key()}). */
    List<CountedMember> membersOf(ChatAddress chat);

    /** The chats a person is counted in for, earliest first (ties by the chat's key). */
    List<CountedMember> chatsOf(ChatAddress person);

    /** Counts everyone out of a chat (it moved to another address). */
    void removeChat(ChatAddress chat);

    /** The chat was renamed: {@code title} is its title for everyone counted in for it, and kept for it. */
    void retitle(ChatAddress chat, String title);

    /**
     * The bot left the chat: everyone counted in is counted out and kept, as they were counted in, until
     * {@code keptUntil}, to be counted in again if the bot is added back (someone kept already stays kept, the new
     * time theirs). The purge removes them once that time has passed; forgetting a person removes theirs.
     */
    void keepMembers(ChatAddress chat, Instant keptUntil);

    /** Those kept for the chat ({@link #keepMembers}) whose time has not passed by {@code now}, earliest first. */
    List<CountedMember> keptMembersOf(ChatAddress chat, Instant now);

    /**
     * The chats {@code person} is kept for ({@link #keepMembers}) whose time has not passed by {@code now}, each as they
     * were counted in there, earliest first.
     */
    List<CountedMember> chatsKeptFor(ChatAddress person, Instant now);

    /** Nobody is kept for the chat any more (the bot is back). */
    void dropKept(ChatAddress chat);

    /** Inserts or replaces the chat message of a song, by its group send. */
    void saveChatSong(ChatSong song);

    Optional<ChatSong> findChatSong(String groupSendId);

    /** Chat messages whose update is due by {@code now}, earliest first, at most {@code limit}. */
    List<ChatSong> chatSongsDue(Instant now, int limit);

    void deleteChatSong(String groupSendId);

    /** The chat's song messages waiting for the bot to be added back ({@link ChatSong#awaitingBot}), by group send. */
    List<ChatSong> chatSongsAwaitingBot(ChatAddress chat);

    /** Keeps a Count me in tapped before connecting, in the place of the person's one kept before. */
    void keepTap(WaitingTap tap);

    /** The Count me in {@code person} tapped before connecting, if kept (expired or not). */
    Optional<WaitingTap> waitingTap(ChatAddress person);

    void dropTap(ChatAddress person);
}
