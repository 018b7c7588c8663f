package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "What should the group be called?", asked when someone wants a group made without saying its name ("new group",
 * {@code create_group} alone, the Make a group tap). It is kept as the person's open question (a {@link PendingChoice}
 * offering no people, whose command text is {@code create_group}), so that the words typed next are the group's name;
 * a no typed at it, or its Never mind tap, makes none.
 */
public final class GroupNameQuestion {
    /** The title of the tap that makes no group. */
    public static final String NEVER_MIND_TITLE = "Never mind";
    static final Choice NEVER_MIND = new Choice(NEVER_MIND_TITLE, "menu");
    private static final String COMMAND = "create_group";
    private static final String ASK = "What should the group be called? Type its name, like Family or Road Trip.";

    private GroupNameQuestion() {
    }

    static PendingChoice of(ChatAddress person, Instant expiresAt) {
        return new PendingChoice(person, COMMAND, List.of(), expiresAt);
    }

    /** Whether {@code choice} is this question. */
    public static boolean asks(PendingChoice choice) {
        return choice.candidates().isEmpty() && choice.commandText().equals(COMMAND);
    }

    /** The question, after {@code lead} (a line, or nothing), with its Never mind tap. */
    static Message asked(String lead) {
        return Message.text(lead + ASK).withChoices(List.of(NEVER_MIND));
    }

    /** The payload of the Never mind tap when {@code typed} means it: its title or a no ({@link WordsForTaps}). */
    public static Optional<String> tapMeant(String typed) {
        return WordsForTaps.saysNo(typed, NEVER_MIND_TITLE) ? Optional.of(NEVER_MIND.payload()) : Optional.empty();
    }
}
