package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/**
 * Port: whether a name typed for whom a song is for is the title of a group chat the person is counted in for (a
 * Telegram group with the bot in it). Such a chat is no person to invite: its songs are shared in it.
 */
public interface GroupChatsCalled {
    /** The title, as the chat shows it, of a group chat the person is counted in for that {@code name} names. */
    Optional<String> calledSo(ChatAddress person, String name);
}
