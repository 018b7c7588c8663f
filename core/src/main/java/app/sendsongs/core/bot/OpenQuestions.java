package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.compose.LinkShare;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.group.DeleteQuestion;
import app.sendsongs.core.group.GroupNameQuestion;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.group.WhichGroup;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The question the bot left open for a person (a "which one?" about people or groups, a yes-or-no question, the
 * group's name, or the song being shared at the question it stands at), read and asked again with its taps. Nothing
 * here answers it: what answers it takes it.
 */
final class OpenQuestions {
    /** Before a question asked again after the answer to something else typed while it was open. */
    private static final String STILL_OPEN = "Still open:";

    private final ChoiceStore choices;
    private final Groups groups;
    private final WhichPerson whichPerson;
    private final LinkShare linkShare;
    private final Clock clock;

    OpenQuestions(ChoiceStore choices, Groups groups, WhichPerson whichPerson, LinkShare linkShare, Clock clock) {
        this.choices = choices;
        this.groups = groups;
        this.whichPerson = whichPerson;
        this.linkShare = linkShare;
        this.clock = clock;
    }

    /** The person's open question, left open; none once it has expired. */
    Optional<PendingChoice> of(User user) {
        return ShownPendingList.openQuestion(choices, user.address())
                .filter(question -> question.expiresAt().isAfter(clock.instant()));
    }

    /**
     * The person's open question asked again after {@code lead}, with its taps, and left open: a "which one?" (about
     * people or groups), a yes-or-no question, or else the song being shared, at the question it stands at. Empty when
     * nothing is asked.
     */
    Optional<Message> askedAgain(User user, String lead) {
        Optional<PendingChoice> question = of(user);
        if (question.filter(q -> WhichGroup.asks(q) || WhichPerson.asks(q)).isPresent()) {
            return Optional.of(whichOneAgain(user, question.get(), lead + "\n"));
        }
        if (question.filter(GroupNameQuestion::asks).isPresent()) {
            return Optional.of(groups.askNameAgain(lead + "\n"));
        }
        Optional<List<Choice>> yesOrNo = question.flatMap(OpenQuestions::yesOrNoTaps);
        if (yesOrNo.isPresent()) {
            List<Choice> taps = yesOrNo.get();
            return Optional.of(Message.text(lead + " To answer, tap \"" + taps.getFirst().title() + "\" or \""
                    + taps.getLast().title() + "\".").withChoices(taps));
        }
        return linkShare.draftOf(user).map(draft -> linkShare.askAgain(draft, lead + " "));
    }

    /**
     * {@code answer}, and after it, when a question was open (a "which one?", a yes-or-no question, the group's name,
     * or the song being shared) and is still open as it was, that question again, so the person is not left with a
     * question they no longer see: on Messenger its taps go with the next message. The answer's own taps come first, and
     * a yes-or-no question's two follow them (typed, a yes is not taken).
     */
    Message stillAsked(User user, Optional<ShareDraft> draft, Supplier<Message> answer) {
        Optional<PendingChoice> question = of(user);
        if (question.isEmpty() && draft.isEmpty()) {
            return answer.get(); // nothing open: no second look (history and pending are common)
        }
        Message reply = answer.get();
        if (!of(user).equals(question) || !linkShare.draftOf(user).equals(draft)) {
            return reply; // answered, ended or replaced by a question of its own
        }
        boolean onlyTapsAnswer = question.flatMap(OpenQuestions::yesOrNoTaps).isPresent();
        return askedAgain(user, STILL_OPEN).map(again -> reply.withText(reply.text() + "\n\n" + again.text())
                .withChoices(reply.choices().isEmpty() ? again.choices()
                        : onlyTapsAnswer ? both(reply.choices(), again.choices()) : reply.choices())).orElse(reply);
    }

    /**
     * The answer's taps, as many as leave room, then a yes-or-no question's: only its tap says yes, and on Messenger only
     * the newest message shows taps, so without them "tap Yes" would name a tap that is nowhere.
     */
    private static List<Choice> both(List<Choice> answers, List<Choice> question) {
        List<Choice> taps = new ArrayList<>(answers.subList(0,
                Math.min(answers.size(), Message.MAX_CHOICES - question.size())));
        taps.addAll(question);
        return taps;
    }

    /** The open "which one?" {@code question}, about people or groups, asked again after {@code lead}. */
    Message whichOneAgain(User user, PendingChoice question, String lead) {
        return WhichGroup.asks(question) ? groups.askWhichGroupAgain(question, lead)
                : whichPerson.askAgain(user, question, lead);
    }

    /** The Yes and No taps of {@code question} when it is a yes-or-no question. */
    static Optional<List<Choice>> yesOrNoTaps(PendingChoice question) {
        if (ForgetMe.asks(question)) {
            return Optional.of(ForgetMe.taps());
        }
        return DeleteQuestion.asks(question) ? Optional.of(DeleteQuestion.taps(question)) : Optional.empty();
    }

    /**
     * Going to the menu, which is also the No tap of a yes-or-no question (forget_me's, delete_group's) and the Never
     * mind of "What should the group be called?": it answers such a question, so its Yes, still under an older message
     * on Telegram, asks again, and a bare {@code cancel} is the command again.
     */
    void answeredByTheMenu(User user) {
        of(user).filter(question -> ForgetMe.asks(question) || DeleteQuestion.asks(question)
                        || GroupNameQuestion.asks(question))
                .ifPresent(question -> ShownPendingList.take(choices, question));
    }
}
