package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code delete_group}'s question, "Delete the group Family?", as it is kept: the person's open question (a {@link
 * PendingChoice} offering no people, whose command text is its yes, {@code delete_group confirm <group id>}), so that
 * a no typed at it is its No tap and its Yes tap deletes only while it is open. Only the tap says yes.
 */
public final class DeleteQuestion {
    static final Choice NO = new Choice("No, keep it", "menu");
    /** The title of the Yes tap. */
    public static final String YES_TITLE = "Yes, delete it";
    private static final String YES = "delete_group confirm ";

    private DeleteQuestion() {
    }

    /** The question about deleting {@code group}, asked of its owner, open until {@code expiresAt}. */
    static PendingChoice of(ChatAddress owner, Group group, Instant expiresAt) {
        return new PendingChoice(owner, YES + group.id(), List.of(), expiresAt);
    }

    /** The tap that deletes {@code group}. */
    static Choice yes(Group group) {
        return new Choice(YES_TITLE, YES + group.id());
    }

    /** The taps of {@code question}, a question about deleting a group: Yes, then No. */
    public static List<Choice> taps(PendingChoice question) {
        return List.of(new Choice(YES_TITLE, question.commandText()), NO);
    }

    /** Whether {@code choice} is a question about deleting a group. */
    public static boolean asks(PendingChoice choice) {
        return choice.candidates().isEmpty() && choice.commandText().startsWith(YES);
    }

    /** Whether {@code choice} is the question about deleting the group {@code groupId}. */
    static boolean about(PendingChoice choice, String groupId) {
        return asks(choice) && choice.commandText().equals(YES + groupId);
    }

    /**
     * The payload of the No tap when {@code typed} means it: its title or a no ({@link WordsForTaps}), where a bare
     * {@code cancel} would stop a song sent earlier.
     */
    public static Optional<String> tapMeant(String typed) {
        return WordsForTaps.saysNo(typed, NO.title()) ? Optional.of(NO.payload()) : Optional.empty();
    }
}
