package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.compose.LinkShare;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.group.GroupFinder;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.groupchat.GroupChats;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.share.InviteDelivery;
import app.sendsongs.core.share.ReceiverControls;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.user.User;
import java.util.Optional;

/** A registered person's command handed to the feature that answers it. */
final class CommandAnswers {
    private static final String LEAVE_A_CHAT = "If you meant a group chat: songs shared there come to you while "
            + "you're counted in, and /leave sent in that chat stops them.";
    private static final String SHARE_IN_A_CHAT = "If you meant a group chat: send /send with the link in that chat, "
            + "and the song goes to everyone counted in there.";

    private final Registration registration;
    private final LinkShare linkShare;
    private final SentSongs sentSongs;
    private final ReceiverControls controls;
    private final ForgetMe forgetMe;
    private final Groups groups;
    private final GroupChats groupChats;
    private final Choosing choosing;
    private final OpenQuestions questions;
    private final InviteDelivery invites;

    CommandAnswers(Registration registration, LinkShare linkShare, SentSongs sentSongs, ReceiverControls controls,
                   ForgetMe forgetMe, Groups groups, GroupChats groupChats, Choosing choosing,
                   OpenQuestions questions, InviteDelivery invites) {
        this.registration = registration;
        this.linkShare = linkShare;
        this.sentSongs = sentSongs;
        this.controls = controls;
        this.forgetMe = forgetMe;
        this.groups = groups;
        this.groupChats = groupChats;
        this.choosing = choosing;
        this.questions = questions;
        this.invites = invites;
    }

    /** The answer to {@code command}, typed as {@code text} while {@code draft} is the song being shared, if any. */
    Message answer(User user, Command command, String text, Optional<ShareDraft> draft) {
        return switch (command) {
            case Command.SendSong send when send.wordsAsNote().isPresent() -> linkShare.sendOrAsk(user, send, text);
            case Command.SendSong send -> linkShare.sendToName(user, send, text);
            case Command.DraftCommand step -> linkShare.handle(user, step, text);
            case Command.Choose choose -> choosing.answer(user, choose, draft);
            case Command.Pending p -> sentSongs.pending(user);
            case Command.History h -> sentSongs.history(user, h.page());
            case Command.Cancel cancel -> sentSongs.cancel(user, cancel);
            case Command.InviteNamesake tap -> invites.namesakeAnswered(user, tap.token(), tap.namesake());
            case Command.ForgetMe forget -> forgetMe.handle(user, forget.confirmed());
            case Command.LeaveGroup leave -> leaveGroup(user, leave, text);
            case Command.SendToGroup send -> sendToGroup(user, send, text);
            case Command.ListGroups list -> withChatsCountedIn(user, groups.handle(user, list, text));
            case Command.GroupCommand group -> groups.handle(user, group, text);
            case Command.Block b -> controls.handle(user, command, text);
            case Command.Unblock u -> controls.handle(user, command, text);
            case Command.Receipts r -> controls.handle(user, command, text);
            case Command.Help help -> HelpAnswers.help(help, user);
            case Command.Menu m -> menu(user);
            case Command.Rename rename -> rename(user, rename.name());
            case Command.Register r -> throw new IllegalStateException("handled before");
            case Command.Connect c -> throw new IllegalStateException("handled before");
        };
    }

    /**
     * Commands that answer no question and, typed while one is open (the song being shared counts), leave it open:
     * their answer is followed by the question ({@link OpenQuestions#stillAsked}). Not a tap's command, a song sent,
     * {@code menu} or {@code help} (whose answers stand alone), nor one that asks a question of its own.
     */
    static boolean leavesAQuestion(Command command) {
        return switch (command) {
            case Command.Pending p -> true;
            case Command.History h -> true;
            case Command.Cancel c -> true;
            case Command.Rename r -> true;
            case Command.Block b -> true;
            case Command.Unblock u -> true;
            case Command.Receipts r -> true;
            case Command.GroupCommand group -> !(group instanceof Command.SendToGroup);
            default -> false;
        };
    }

    /** A new name: whoever invited someone of that name before they took it is asked whether it is them. */
    private Message rename(User user, String name) {
        Message answer = Message.text(registration.rename(user, name));
        invites.renamed(user.address());
        return answer;
    }

    /** The menu, which answers a yes-or-no question or the group's name ({@link OpenQuestions#answeredByTheMenu}). */
    private Message menu(User user) {
        questions.answeredByTheMenu(user);
        return Menu.of(user);
    }

    /**
     * Leaving a group. Someone counted in for a group chat may mean the chat, which is none of their groups: when no
     * group of theirs has the name, the answer also says how that chat's songs stop.
     */
    private Message leaveGroup(User user, Command.LeaveGroup leave, String text) {
        boolean noSuchGroup = groups.findGroup(user, leave.group()) instanceof GroupFinder.Lookup.Missing;
        Message reply = groups.handle(user, leave, text);
        return noSuchGroup && groupChats.countsIn(user.address())
                ? Message.text(reply.text() + "\n" + LEAVE_A_CHAT).withChoices(reply.choices()) : reply;
    }

    /**
     * A song sent to a group. Someone counted in for a group chat may mean the chat, which is none of their groups (its
     * songs are shared in it): when no group of theirs has the name, the answer also says how to share it there.
     */
    private Message sendToGroup(User user, Command.SendToGroup send, String text) {
        boolean noSuchGroup = groups.findGroup(user, send.group()) instanceof GroupFinder.Lookup.Missing;
        Message reply = groups.handle(user, send, text);
        return noSuchGroup && groupChats.countsIn(user.address())
                ? Message.text(reply.text() + "\n" + SHARE_IN_A_CHAT).withChoices(reply.choices()) : reply;
    }

    /** The list of someone's groups, and after it the group chats they are counted in for, if any. */
    private Message withChatsCountedIn(User user, Message groupsList) {
        return groupChats.countedInLine(user.address())
                .map(line -> Message.text(groupsList.text() + "\n" + line).withChoices(groupsList.choices()))
                .orElse(groupsList);
    }
}
