package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.compose.LinkShare;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.group.WhichGroup;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.ReceiverControls;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a number, typed or tapped ({@link Command.Choose}): it answers the open "which one?" question, else
 * picks from the people offered for the song being shared, and the feature that asked does what was chosen.
 */
final class Choosing {
    private static final String EARLIER_QUESTION = "That tap answered an earlier question, so I did nothing.";

    private final CommandParser parser = new CommandParser();
    private final OpenQuestions questions;
    private final SendSong sendSong;
    private final WhichPerson whichPerson;
    private final LinkShare linkShare;
    private final SentSongs sentSongs;
    private final ReceiverControls controls;
    private final Groups groups;

    Choosing(OpenQuestions questions, SendSong sendSong, WhichPerson whichPerson, LinkShare linkShare,
             SentSongs sentSongs, ReceiverControls controls, Groups groups) {
        this.questions = questions;
        this.sendSong = sendSong;
        this.whichPerson = whichPerson;
        this.linkShare = linkShare;
        this.sentSongs = sentSongs;
        this.controls = controls;
        this.groups = groups;
    }

    /**
     * A bare number answers the open "which one?" question, else picks from the people offered for a song. A tap
     * answers only the question or offer it was shown with (its key); one under an older message leaves the open
     * question as it is ({@link #tapUnderAnOlderMessage}). The question is read, not taken: what answers it takes it,
     * once ({@link WhichPerson#answer}, {@link WhichGroup}).
     */
    Message answer(User user, Command.Choose choose, Optional<ShareDraft> draft) {
        int number = choose.number();
        Optional<PendingChoice> choice = questions.of(user);
        if (choose.question().isPresent() && !choice.map(PendingChoice::key).equals(choose.question())) {
            return tapUnderAnOlderMessage(user, choose, choice, draft);
        }
        if (choice.isEmpty()) {
            return draft.map(d -> linkShare.choose(user, d, number)).orElseGet(Choosing::notWaiting);
        }
        if (WhichGroup.asks(choice.get())) {
            // asked about a name typed for the song being shared, which only the share can finish
            boolean forTheShare = WhichGroup.command(choice.get()).filter(Command.DraftTo.class::isInstance)
                    .isPresent();
            return forTheShare ? linkShare.chooseGroupAsked(user, choice.get(), number)
                    : groups.chooseGroup(user, choice.get(), number);
        }
        if (!WhichPerson.asks(choice.get())) {
            return notWaiting(); // a yes-or-no question (forget_me's, delete_group's): a number answers nothing
        }
        Optional<Message> unanswered = whichPerson.outOfRange(user, choice.get(), number);
        if (unanswered.isPresent()) {
            return unanswered.get(); // asked again with its taps, which Messenger shows under the newest message only
        }
        return personChosen(user, choice.get(), number);
    }

    /**
     * A tap whose key is not the open question's: one under the offer of the song being shared picks from it;
     * otherwise the open question is left as it is, and asked again when it is the song being shared or a "which
     * one?" about groups: on Messenger the answer takes the place of the taps it was shown with, which only the newest
     * message has. With nothing open, a tap under the question about a song that went since says where it went.
     */
    private Message tapUnderAnOlderMessage(User user, Command.Choose choose, Optional<PendingChoice> choice,
                                           Optional<ShareDraft> draft) {
        if (choice.isEmpty() && draft.isEmpty()) {
            return choose.song().flatMap(song -> sentSongs.tapAfterItWent(user, song))
                    .map(text -> Message.text(text).withChoices(List.of(Menu.MENU))).orElseGet(Choosing::notWaiting);
        }
        if (draft.filter(d -> d.offerKey().equals(choose.question().get())).isPresent()) {
            return linkShare.chooseOffered(user, draft.get(), choose.number());
        }
        if (choice.filter(WhichGroup::asks).isPresent()) {
            return groups.askWhichGroupAgain(choice.get(), EARLIER_QUESTION + " ");
        }
        // the song being shared is the open question unless a "which one?" was asked since
        return draft.filter(d -> choice.isEmpty()).map(d -> linkShare.askAgain(d, linkShare.tapForAnotherSong(d,
                        choose.song()).orElse(EARLIER_QUESTION + " ")))
                .or(() -> questions.askedAgain(user, EARLIER_QUESTION))
                .orElseGet(() -> Message.text(EARLIER_QUESTION).withChoices(List.of(Menu.MENU)));
    }

    /** The person picked from a "which one?" about people: the command that asked it goes on with them. */
    private Message personChosen(User user, PendingChoice choice, int number) {
        return switch (parser.parse(choice.commandText())) {
            case ParseResult.Parsed(Command.SendSong send) -> sendSong.choose(user, choice, send, number);
            case ParseResult.Parsed(Command.GroupCommand group) -> groups.choose(user, choice, group, number);
            case ParseResult.Parsed(Command.DraftTo to) -> linkShare.chooseAsked(user, choice, to, number);
            case ParseResult.Parsed(Command.Block block) -> controls.choose(user, choice, block, number);
            case ParseResult.Parsed(Command.Unblock unblock) -> controls.choose(user, choice, unblock, number);
            case ParseResult.Parsed(Command.Receipts receipts) -> controls.choose(user, choice, receipts, number);
            default -> notWaiting();
        };
    }

    private static Message notWaiting() {
        return Message.text("I'm not waiting for an answer from you.").withChoices(List.of(Menu.MENU));
    }
}
