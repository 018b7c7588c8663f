package app.sendsongs.core.groupchat;

import app.sendsongs.core.share.GroupChatsCalled;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.util.Optional;

/**
 * The titles of the group chats a person is counted in for, asked of their platform (the bot keeps no title: a chat
 * may be renamed any day), to tell a chat's title given as a friend's name from a person's. One question a chat, for
 * at most {@link #MOST_ASKED} of them, and only for a name that fits nobody registered.
 */
public final class ChatTitles implements GroupChatsCalled {
    static final int MOST_ASKED = 10;

    private final GroupChatStore store;
    private final GroupChatPlatforms platforms;

    public ChatTitles(GroupChatStore store, GroupChatPlatforms platforms) {
        this.store = store;
        this.platforms = platforms;
    }

    @Override
    public Optional<String> calledSo(ChatAddress person, String name) {
        String key = Names.key(name);
        return store.chatsOf(person).stream().limit(MOST_ASKED).map(CountedMember::chat)
                .flatMap(chat -> platforms.of(chat).flatMap(platform -> platform.title(chat.id())).stream())
                .filter(title -> Names.key(title).equals(key)).findFirst();
    }
}
