package app.sendsongs.core.groupchat;

import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group chat goes on at a new address (a Telegram group upgraded to a supergroup gets a new id, and the old one
 * takes no more messages): what was filed under the old address goes along. The songs shared there that are still open
 * for someone counted in are filed under the new chat, so {@code /leave} there stops them as it stops the later ones;
 * their messages, which the old chat no longer lets the bot edit, are shown anew in the new chat at their next change.
 * Who is counted in moves last ({@link Roster#move}), so a move cut short and done again finds the people where they
 * were, and what was moved already is left as it is.
 *
 * <p>The move is the event of whoever made it (on Telegram, who upgraded the group), handled in order with their own
 * events and beside other people's: an event in the new chat may come to be handled first. Such an event does the
 * move waiting in the inbox first ({@link #catchUp}), so {@code /leave} there finds the person counted in and
 * {@code /send} finds the others; the move's own event, handled later, finds it done.
 */
public final class ChatMove {
    private final Roster roster;
    private final GroupChatStore chats;
    private final GroupStore groups;
    private final ShareStore shares;
    private final InboxStore inbox;

    public ChatMove(Roster roster, GroupChatStore chats, GroupStore groups, ShareStore shares, InboxStore inbox) {
        this.inbox = inbox;
        this.roster = roster;
        this.chats = chats;
        this.groups = groups;
        this.shares = shares;
    }

    public void move(ChatAddress from, ChatAddress to) {
        openSongsOf(from).forEach(groupSendId -> refile(groupSendId, from, to));
        roster.move(from, to);
    }

    /** Does the moves to {@code chat} that wait in the inbox, not yet handled, before an event in that chat. */
    public void catchUp(ChatAddress chat) {
        inbox.chatsMovingTo(chat).forEach(from -> move(from, chat));
    }

    /** The group sends of the chat with a share still open for someone counted in: the only ones that still change. */
    private Set<String> openSongsOf(ChatAddress chat) {
        Set<String> sends = new TreeSet<>();
        roster.members(chat).forEach(member -> shares.openSharesTo(member.person())
                .forEach(share -> share.groupSendId().ifPresent(sends::add)));
        sends.removeIf(id -> groups.findGroupSend(id).filter(send -> send.groupId().equals(chat.key())).isEmpty());
        return sends;
    }

    private void refile(String groupSendId, ChatAddress from, ChatAddress to) {
        groups.moveGroupSend(groupSendId, to.key());
        chats.findChatSong(groupSendId).filter(song -> song.chat().equals(from)).ifPresent(song -> chats.saveChatSong(
                new ChatSong(groupSendId, to, Optional.empty(), Optional.empty()))); // in no topic: a group has none
    }
}
