package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pending list a person was last shown, so that a typed {@code cancel 2} stops the song they saw as 2 although
 * the list has changed since (a song played, expired or was cancelled), and {@code cancel invite 1} the invite they saw
 * as 1 (the first of them expired, or was used). It is kept in the person's slot of the {@link ChoiceStore}, as a
 * {@link PendingChoice} with no candidates whose command text is {@code pending}, the songs' share ids in the order
 * shown, then the invites' {@link #madeAt} each after {@value #INVITE} (not their tokens: a token is the invite's
 * link, kept in the invite alone). It is no question: a bare number does not answer it, starting a share does not
 * drop it ({@link #takeQuestion}), and it never takes the place of an open question (a "which one?", forget_me's).
 * While it is not kept (none shown, too long, a question open when it was shown, or a question asked since), a number
 * counts in the list as it is.
 */
public final class ShownPendingList {
    private static final String COMMAND = "pending";
    /** A longer list is not kept (its ids would make one stored item too large): its numbers count as they are. */
    static final int MOST_KEPT = 1000;
    /** What an invite's entry starts with; no share id holds it. */
    private static final String INVITE = "invite@";

    private final ChoiceStore choices;
    private final Clock clock;
    private final Duration kept;

    /** @param kept how long a list is kept: as long as a song on it can stay pending */
    public ShownPendingList(ChoiceStore choices, Clock clock, Duration kept) {
        this.choices = choices;
        this.clock = clock;
        this.kept = kept;
    }

    /**
     * The person was shown {@code list} and {@code invites}: keep them, unless a question is open; an empty list
     * forgets the older one.
     */
    void shown(ChatAddress person, List<Share> list, List<Invite> invites) {
        Optional<PendingChoice> open = choices.openChoice(person);
        Instant now = clock.instant();
        if (open.filter(choice -> !isOne(choice) && choice.expiresAt().isAfter(now)).isPresent()) {
            return;
        }
        List<String> entries = Stream.concat(list.stream().map(Share::id),
                invites.stream().map(invite -> INVITE + madeAt(invite))).toList();
        if (!entries.isEmpty() && entries.size() <= MOST_KEPT) {
            choices.saveChoice(new PendingChoice(person, COMMAND + " " + String.join(" ", entries), List.of(),
                    now.plus(kept)));
        } else if (open.isPresent()) {
            choices.takeChoice(person); // an older list, or a question that has expired
        }
    }

    /**
     * The share ids of the list last shown to the person, in the order shown, while it is kept and showed any (numbers
     * typed after a list of invites alone count in the songs as they are).
     */
    Optional<List<String>> lastShown(ChatAddress person) {
        return entries(person).map(entries -> entries.stream().filter(entry -> !entry.startsWith(INVITE)).toList())
                .filter(ids -> !ids.isEmpty());
    }

    /**
     * The {@link #madeAt} of the invites the list last shown to the person showed, in the order shown, while it is
     * kept and showed any (numbers typed after a list that showed none count in the invites as they are).
     */
    Optional<List<String>> lastShownInvites(ChatAddress person) {
        return entries(person).map(entries -> entries.stream().filter(entry -> entry.startsWith(INVITE))
                .map(entry -> entry.substring(INVITE.length())).toList()).filter(invites -> !invites.isEmpty());
    }

    /** What tells one of a sender's invites from their others: when it was made, to the millisecond. */
    static String madeAt(Invite invite) {
        return Long.toString(invite.createdAt().toEpochMilli());
    }

    private Optional<List<String>> entries(ChatAddress person) {
        return choices.openChoice(person).filter(ShownPendingList::isOne)
                .filter(choice -> choice.expiresAt().isAfter(clock.instant()))
                .map(choice -> Arrays.asList(choice.commandText().substring(COMMAND.length() + 1).split(" ")));
    }

    /** Whether what the person's slot holds is a shown list rather than a question. */
    public static boolean isOne(PendingChoice choice) {
        return choice.candidates().isEmpty() && choice.commandText().startsWith(COMMAND + " ");
    }

    /** The person's open question, if any, left open; a shown list is no question. */
    public static Optional<PendingChoice> openQuestion(ChoiceStore choices, ChatAddress person) {
        return choices.openChoice(person).filter(choice -> !isOne(choice));
    }

    /** Takes the person's open question, if any; a shown list is no question and stays. */
    public static Optional<PendingChoice> takeQuestion(ChoiceStore choices, ChatAddress person) {
        return openQuestion(choices, person).flatMap(question -> take(choices, question));
    }

    /**
     * Takes {@code seen}, the person's open question as just read, to act on it once: empty when another answer took
     * it first, or when the person's slot holds something else by now, which stays as it is.
     */
    public static Optional<PendingChoice> take(ChoiceStore choices, PendingChoice seen) {
        Optional<PendingChoice> taken = choices.takeChoice(seen.person());
        if (taken.isPresent() && !taken.get().equals(seen)) {
            choices.saveChoice(taken.get()); // saved between the read and the take: not the one answered
            return Optional.empty();
        }
        return taken;
    }
}
