package app.sendsongs.core.share;

import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a name matches several registered people: asks which one was meant (never picking the
 * first), keeps the question with the original command, and reads the numbered answer.
 */
public final class WhichPerson {
    private static final Duration CHOICE_LIFETIME = Duration.ofMinutes(10);

    private final ChoiceStore choices;
    private final UserStore users;
    private final Clock clock;

    public WhichPerson(ChoiceStore choices, UserStore users, Clock clock) {
        this.choices = choices;
        this.users = users;
        this.clock = clock;
    }

    /** The answer to a question: the person picked, or the reply to send instead. */
    public sealed interface Answer {
        record Picked(User person) implements Answer {
        }

        record Unusable(String reply) implements Answer {
        }
    }

    /** Keeps the question (with {@code commandText}, to finish it later) and returns it as a reply. */
    public String ask(User asker, List<User> candidates, String commandText) {
        choices.saveChoice(new PendingChoice(asker.address(), commandText,
                candidates.stream().map(User::address).toList(), clock.instant().plus(CHOICE_LIFETIME)));
        StringBuilder reply = new StringBuilder(candidates.size() + " people are registered as "
                + Names.quoted(candidates.getFirst().name()) + ". Which one did you mean? Answer with the number:");
        for (int i = 0; i < candidates.size(); i++) {
            User candidate = candidates.get(i);
            reply.append("\n").append(i + 1).append(". ").append(candidate.name()).append(" — ")
                    .append(candidate.connection().kind().displayName()).append(" account ")
                    .append(candidate.connection().accountId()).append(", joined ").append(Texts.when(candidate.registeredAt()));
        }
        return reply.toString();
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
