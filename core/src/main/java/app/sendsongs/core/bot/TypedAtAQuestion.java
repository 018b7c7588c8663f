package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.group.DeleteQuestion;
import app.sendsongs.core.group.GroupNameQuestion;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.group.WhichGroup;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * What words typed while a question is open do to it, read before the song being shared and before commands: a yes
 * that cannot answer it, the group's name, or one of its taps meant. Only text is read, and not while the song being
 * shared waits for a note, which such words may be.
 */
final class TypedAtAQuestion {
    private final OpenQuestions questions;
    private final Groups groups;
    private final WhichPerson whichPerson;

    TypedAtAQuestion(OpenQuestions questions, Groups groups, WhichPerson whichPerson) {
        this.questions = questions;
        this.groups = groups;
        this.whichPerson = whichPerson;
    }

    /**
     * A yes typed while a question is open, which a yes cannot answer: at a yes-or-no question (forget_me's,
     * delete_group's) only its tap says yes, and at "which one?" (about people or groups) a yes says not which. Nothing
     * is done, and the question comes again with its taps. Read before the song being shared, asked about earlier,
     * would take the yes as its Send. Not while that song waits for a note, which a yes may be.
     */
    Optional<Message> yesTyped(Inbound event, String typed, User user, Optional<ShareDraft> draft) {
        if (!(event instanceof Inbound.Text) || !mightSayYes(typed) || waitsForANote(draft)) {
            return Optional.empty(); // most texts: the open question is not read for them
        }
        return questions.of(user).flatMap(question -> {
            Optional<List<Choice>> yesOrNo = OpenQuestions.yesOrNoTaps(question);
            if (yesOrNo.isPresent()) {
                String yes = yesOrNo.get().getFirst().title();
                return Optional.of(yesOrNo.get()).filter(taps -> WordsForTaps.saysYes(typed, yes))
                        .map(taps -> Message.text("Only a tap says yes to that, so I did nothing: tap \"" + yes
                                + "\" if you mean it.").withChoices(taps));
            }
            // a yes to "did you mean" one person is that person (WhichPerson.tapMeant)
            boolean whichOne = WhichGroup.asks(question)
                    || WhichPerson.asks(question) && whichPerson.tapMeant(question, typed).isEmpty();
            return Optional.of(question).filter(q -> whichOne && WordsForTaps.saysYes(typed))
                    .map(q -> questions.whichOneAgain(user, q, "A yes doesn't tell me which one, so I did nothing.\n"));
        });
    }

    /**
     * Words typed at "What should the group be called?" ({@link GroupNameQuestion}): the name of the group to make,
     * when they name no command and are no no (its Never mind, {@link #tapMeant}), no thanks, no link and no
     * slashed command; a yes, which names nothing, asks again. Not while the song being shared waits for a note, which
     * such words may be. Handled again after a crash once its first run made the group, it says so again.
     */
    Optional<Message> groupNamed(Inbound event, ParseResult parsed, String typed, User user,
                                 Optional<ShareDraft> draft) {
        if (!(event instanceof Inbound.Text) || !(parsed instanceof ParseResult.Unknown) || waitsForANote(draft)
                || TextForTheShare.slashed(typed) || GroupNameQuestion.tapMeant(typed).isPresent()
                || WordsForWho.isKindWords(typed) && !WordsForTaps.saysYes(typed)
                || OtherMusicLinks.serviceIn(typed).isPresent() || TextForTheShare.notAName(typed)) {
            return Optional.empty();
        }
        if (groups.namedBefore()) {
            return Optional.of(groups.nameGiven(user, typed)); // a run cut short once the question had ended
        }
        return questions.of(user).filter(GroupNameQuestion::asks).map(question -> WordsForTaps.saysYes(typed)
                ? groups.askNameAgain("A yes doesn't name it.\n") : groups.nameGiven(user, typed));
    }

    /**
     * The tap typed words mean while a question is open ("which one?" about people or groups, forget_me's or
     * delete_group's, "What should the group be called?"): words that name no command (a group's name with its owner's,
     * the owner's name, a no), or a bare {@code cancel} or {@code discard}, a no to the question as at a share's
     * question, where the {@code cancel} command would stop a song sent earlier. Not while the song being shared waits
     * for a note, which such words may be.
     */
    Optional<String> tapMeant(Inbound event, ParseResult parsed, String typed, User user,
                              Optional<ShareDraft> draft) {
        boolean words = parsed instanceof ParseResult.Unknown || saysNo(parsed);
        if (!(event instanceof Inbound.Text) || !words || waitsForANote(draft)) {
            return Optional.empty();
        }
        return questions.of(user).flatMap(question -> {
            if (WhichGroup.asks(question)) {
                return groups.groupTapMeant(question, typed);
            }
            if (DeleteQuestion.asks(question)) {
                return DeleteQuestion.tapMeant(typed);
            }
            if (GroupNameQuestion.asks(question)) {
                return GroupNameQuestion.tapMeant(typed);
            }
            return ForgetMe.asks(question) ? ForgetMe.tapMeant(typed) : whichPerson.tapMeant(question, typed);
        });
    }

    /** Whether {@code typed} is a yes, or the title of a yes-or-no question's Yes tap, which a yes typed there is. */
    private static boolean mightSayYes(String typed) {
        return WordsForTaps.saysYes(typed) || WordsForTaps.saysYes(typed, ForgetMe.YES_TITLE)
                || WordsForTaps.saysYes(typed, DeleteQuestion.YES_TITLE);
    }

    /** Whether the song being shared waits for a note, which may be any words. */
    private static boolean waitsForANote(Optional<ShareDraft> draft) {
        return draft.filter(d -> d.stage() == ShareDraft.Stage.NOTE || d.stage() == ShareDraft.Stage.AFTER_NOTE)
                .isPresent();
    }

    /** A bare {@code cancel} or {@code discard}: commands that, typed at a question, are a no to it. */
    private static boolean saysNo(ParseResult parsed) {
        return switch (parsed) {
            case ParseResult.Parsed(Command.Cancel cancel) -> cancel.which().isEmpty();
            case ParseResult.Parsed(Command.DiscardDraft discard) -> discard.key().isEmpty();
            default -> false;
        };
    }
}
