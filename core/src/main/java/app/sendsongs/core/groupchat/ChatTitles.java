package app.sendsongs.core.groupchat;

import app.sendsongs.core.share.GroupChatsCalled;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.util.Optional;

/**
 * The titles of the group chats a person is counted in for, to tell a chat's title given as a friend's name from a
 * person's: each as kept with them, learnt from the chat's own events (when they were counted in, and each rename),
 * so no question to the platform. Only someone counted in before titles were kept has none: their platform is asked
 * then, one question a chat, for at most {@link #MOST_ASKED} of them, and only for a name that fits nobody
 * registered.
 */
public final class ChatTitles implements GroupChatsCalled {
    static final int MOST_ASKED = 10;

    private final GroupChatStore store;
    private final GroupChatPlatforms platforms;

    public ChatTitles(GroupChatStore store, GroupChatPlatforms platforms) {
        this.store = store;
        this.platforms = platforms;
    }

    private Optional<String> titleOf(CountedMember member) {
        return member.title().or(() -> platforms.of(member.chat())
                .flatMap(platform -> platform.title(member.chat().id())));
    }

    @Override
    public Optional<String> calledSo(ChatAddress person, String name) {
        String key = Names.key(name);
        return store.chatsOf(person).stream().limit(MOST_ASKED).flatMap(member -> titleOf(member).stream())
                .filter(title -> Names.key(title).equals(key)).findFirst();
    }
}
