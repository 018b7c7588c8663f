package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The group chats of each chat platform that has them ({@link ChatPlatform#groupChats()}). */
public final class GroupChatPlatforms {
    private final Map<Platform, GroupChatPlatform> byPlatform = new HashMap<>();

    public GroupChatPlatforms(List<? extends ChatPlatform> chats) {
        chats.forEach(chat -> chat.groupChats().ifPresent(groups -> byPlatform.put(chat.platform(), groups)));
    }

    /** The group chats of the platform of {@code chat}; empty when that platform has none here. */
    public Optional<GroupChatPlatform> of(ChatAddress chat) {
        return Optional.ofNullable(byPlatform.get(chat.platform()));
    }
}
