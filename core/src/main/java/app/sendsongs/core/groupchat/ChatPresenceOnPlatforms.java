package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.group.ChatPresence;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/**
 * {@link ChatPresence} asked of the chat's platform, one person at a time: someone it says is not in the chat left it;
 * anyone else stopped getting its songs (true of both, when the platform cannot say now). A group id that is no chat's
 * address (a person's own group) is a group's.
 */
public final class ChatPresenceOnPlatforms implements ChatPresence {
    private final GroupChatPlatforms platforms;

    public ChatPresenceOnPlatforms(GroupChatPlatforms platforms) {
        this.platforms = platforms;
    }

    @Override
    public Gone gone(String groupId, ChatAddress person) {
        Optional<ChatAddress> chat = chatOf(groupId);
        Optional<GroupChatPlatform> platform = chat.flatMap(platforms::of);
        if (platform.isEmpty()) {
            return Gone.LEFT_THE_GROUP;
        }
        return platform.get().membership(chat.get().id(), person.id()) == GroupChatPlatform.Membership.OUT
                ? Gone.LEFT_THE_CHAT : Gone.STOPPED_THE_CHATS_SONGS;
    }

    /** The chat whose address key {@code groupId} is; empty for a person's own group (its id has no platform). */
    private static Optional<ChatAddress> chatOf(String groupId) {
        if (groupId.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChatAddress.parse(groupId));
        } catch (IllegalArgumentException notAChat) {
            return Optional.empty();
        }
    }
}
