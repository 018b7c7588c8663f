package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a name matches several people: asks which one was meant (never picking the first), keeps the question with
 * the original command, and reads the numbered answer. The question tells the people apart only as a friend
 * would: the groups they are in with the asker, and when they joined; never an account id.
 */
public final class WhichPerson {
    private static final Duration CHOICE_LIFETIME = Duration.ofMinutes(10);
    /** People offered at most (one tap each, as a platform shows 13). */
    static final int MAX_CANDIDATES = Message.MAX_CHOICES;
    private static final int GROUPS_SHOWN = 2;

    private final ChoiceStore choices;
    private final UserStore users;
    private final Acquaintances acquaintances;
    private final Clock clock;

    public WhichPerson(ChoiceStore choices, UserStore users, Acquaintances acquaintances, Clock clock) {
        this.choices = choices;
        this.users = users;
        this.acquaintances = acquaintances;
        this.clock = clock;
    }

    /** The answer to a question: the person picked, or the reply to send instead. */
    public sealed interface Answer {
        record Picked(User person) implements Answer {
        }

        record Unusable(String reply) implements Answer {
        }
    }

    /** Keeps the question (with {@code commandText}, to finish it later) and returns it, the people as taps. */
    public Message ask(User asker, List<User> candidates, String commandText) {
        List<User> offered = candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
        choices.saveChoice(new PendingChoice(asker.address(), commandText,
                offered.stream().map(User::address).toList(), clock.instant().plus(CHOICE_LIFETIME)));
        boolean oneName = offered.stream().map(User::nameKey).distinct().count() == 1;
        StringBuilder text = new StringBuilder(oneName
                ? offered.size() + " people are called " + offered.getFirst().name() + ". Which one?"
                : "That name fits " + offered.size() + " people. Which one?");
        List<Choice> taps = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            User candidate = offered.get(i);
            String number = Integer.toString(i + 1);
            List<String> groups = acquaintances.groupsInCommon(asker.address(), candidate.address());
            text.append("\n").append(number).append(". ").append(candidate.name()).append(" — ")
                    .append(groups.isEmpty() ? "" : "in " + String.join(", ", groups.subList(0,
                            Math.min(GROUPS_SHOWN, groups.size()))) + " with you, ")
                    .append("joined ").append(Texts.day(candidate.registeredAt()));
            taps.add(new Choice(number + ". " + (oneName ? describe(candidate, groups) : candidate.name()), number));
        }
        return Message.text(text.toString()).withChoices(taps);
    }

    /** A short tell-apart for a tap's title: a group they share, else the day they joined. */
    private static String describe(User candidate, List<String> groups) {
        return Names.firstName(candidate.name()) + " · " + (groups.isEmpty() ? Texts.day(candidate.registeredAt())
                : groups.getFirst());
    }

    /** Reads the answer {@code number} to {@code choice}; a number out of range keeps the question open. */
    public Answer answer(PendingChoice choice, int number) {
        if (number < 1 || number > choice.candidates().size()) {
            choices.saveChoice(choice);
            return new Answer.Unusable("Please answer with a number from 1 to " + choice.candidates().size() + ".");
        }
        Optional<User> person = users.findUser(choice.candidates().get(number - 1));
        return person.<Answer>map(Answer.Picked::new).orElseGet(() -> new Answer.Unusable(
                "That person is no longer registered."));
    }
}
