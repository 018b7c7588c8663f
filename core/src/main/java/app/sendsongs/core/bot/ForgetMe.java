package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.group.GroupSummary;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.groupchat.ChatSongMessages;
import app.sendsongs.core.groupchat.Roster;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.InviteDelivery;
import app.sendsongs.core.share.NamesakeCautions;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code forget_me} command: everything stored about the person goes, once they have confirmed with a tap (or
 * typed {@code forget_me confirm}) within a few minutes of being asked. A confirmation that comes unasked, or late,
 * asks again. A no typed at the question (a bare {@code cancel} among them) is its No tap.
 */
public final class ForgetMe {
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(5);
    static final String QUESTION = "forget_me";
    /** The title of the Yes tap. */
    static final String YES_TITLE = "Yes, delete it all";
    private static final Choice YES = new Choice(YES_TITLE, "forget_me confirm");
    private static final Choice NO = new Choice("No, keep it", "menu");

    private final ShareStore shares;
    private final Housekeeping housekeeping;
    private final ChoiceStore choices;
    private final Outbox outbox;
    private final Groups groups;
    private final UserStore users;
    private final Roster roster;
    private final ChatSongMessages chatSongs;
    private final GroupSummary summaries;
    private final NamesakeCautions cautions;
    private final InviteDelivery invites;
    private final HandlingMarks marks;
    private final Clock clock;

    public ForgetMe(ShareStore shares, Housekeeping housekeeping, ChoiceStore choices, Outbox outbox,
                    Groups groups, Roster roster, ChatSongMessages chatSongs, GroupSummary summaries,
                    NamesakeCautions cautions, InviteDelivery invites, UserStore users, HandlingMarks marks,
                    Clock clock) {
        this.invites = invites;
        this.marks = marks;
        this.summaries = summaries;
        this.cautions = cautions;
        this.shares = shares;
        this.housekeeping = housekeeping;
        this.choices = choices;
        this.outbox = outbox;
        this.groups = groups;
        this.roster = roster;
        this.chatSongs = chatSongs;
        this.users = users;
        this.clock = clock;
    }

    /**
     * {@code forget_me}: asks first; {@code confirmed}, deletes if the question is still open. The question is left in
     * place while the deletion runs, and goes with the rest at its end: a run cut short by a crash, handled again,
     * finds it still open and finishes.
     */
    public Message handle(User user, boolean confirmed) {
        return confirmed && asked(user) ? Message.text(forget(user)) : ask(user);
    }

    /**
     * The answer again to the Yes being handled when a run of it cut short by a crash deleted the person already (their
     * records gone, its answer not held): the "Done" that run would have given.
     */
    Optional<String> doneAlready() {
        return Arrays.stream(SourceKind.values()).filter(kind -> marks.marked(deleted(kind))).findFirst()
                .map(ForgetMe::done);
    }

    /**
     * What the Yes marks before the deletion: that it deleted a person who listened on {@code kind} (what its answer
     * names), known to it once their records are gone.
     */
    private static String deleted(SourceKind kind) {
        return "forget_me deleted a person who listened on " + kind.name();
    }

    private Message ask(User user) {
        choices.saveChoice(new PendingChoice(user.address(), QUESTION, List.of(),
                clock.instant().plus(CONFIRM_WITHIN)));
        return Message.text("This deletes everything I keep about you: your " + user.connection().kind().displayName()
                + " connection, your name, the songs you sent and received, your groups and memberships. It can't be "
                + "undone. Delete it all?")
                .withChoices(List.of(YES, NO));
    }

    /** Whether {@code choice} is this question. */
    static boolean asks(PendingChoice choice) {
        return choice.commandText().equals(QUESTION) && choice.candidates().isEmpty();
    }

    /** The question's taps: Yes, then No. */
    static List<Choice> taps() {
        return List.of(YES, NO);
    }

    /**
     * The payload of the No tap when {@code typed} means it: its title or a no ({@link WordsForTaps}), where a bare
     * {@code cancel} would stop a song sent earlier. Only the tap (or {@code forget_me confirm}) says yes.
     */
    static Optional<String> tapMeant(String typed) {
        return WordsForTaps.saysNo(typed, NO.title()) ? Optional.of(NO.payload()) : Optional.empty();
    }

    /**
     * True when the open question is this one and was still open when the person answered: judged by the time of
     * their answer (the event's own, on the user {@link Bot} hands over), so that the answer handled again after a
     * crash, minutes later, is judged as it was the first time. Any other open question is left as it was.
     */
    private boolean asked(User user) {
        return choices.openChoice(user.address()).filter(ForgetMe::asks)
                .filter(question -> question.expiresAt().isAfter(user.lastMessageAt())).isPresent();
    }

    private List<String> groupSends(User user) {
        return Stream.concat(shares.sharesSentBy(user.address()).stream(),
                        shares.sharesReceivedBy(user.address()).stream())
                .flatMap(share -> share.groupSendId().stream()).distinct().toList();
    }

    private List<String> groupSendsSent(User user) {
        return shares.sharesSentBy(user.address()).stream().flatMap(share -> share.groupSendId().stream())
                .distinct().toList();
    }

    private List<String> groupSendsReceived(User user) {
        return shares.sharesReceivedBy(user.address()).stream().flatMap(share -> share.groupSendId().stream())
                .distinct().toList();
    }

    private String forget(User user) {
        // Named as nobody first: what the deletion itself tells others (a group's summary that their leaving
        // completes) does not name them. Done again harmlessly if the event is handled again after a crash.
        users.saveUser(user.withName(User.SOMEONE_WHO_LEFT));
        // Songs of others still waiting for this person's contacts, whose caution names them, are held again
        // without it: before their shares and memberships go, which tell who their contacts are (also when done again).
        cautions.leaveOut(user.address());
        // Their own group sends end here: nobody is left to sum them up for.
        summaries.summarizeNone(groupSendsSent(user));
        groups.forget(user);
        // Counted out of every group chat as leaving it does: the chats' songs to them stop, so each chat's count and
        // its sender's summary finish without them.
        roster.forget(user.address());
        // The invites they opened keep their address no longer (one claimed by a delivery that died too): they wait
        // for their link again.
        invites.forget(user.address());
        // Messages to others not sent yet that carry this person's name (songs they sent, with their note; notices
        // of their plays, of their leaving a group) go too. Songs held before messages recorded whom they are about
        // are found by their share.
        // A group's summary still waiting for its sender names them too: it goes, and comes again without them. Made
        // again first: cut short before the first is taken back, doing this again finds it still waiting and takes it
        // back; the other way round, a crash in between would lose the summary for good.
        summaries.waitingToBeSent(groupSendsReceived(user))
                .forEach(id -> summaries.summarizeAgainWithout(id, user.address()));
        outbox.withdrawAbout(user.address());
        shares.sharesSentBy(user.address()).stream()
                .filter(share -> share.status() == ShareStatus.HELD)
                .forEach(share -> outbox.withdrawShare(share.receiver(), share.id()));
        // The group chats' song messages name them too: as the sharer of their songs, shown now as someone who left
        // (those sends go with the rest), and among who played the songs they received, which go with the rest.
        List<String> chatSongsTheyAreIn = groupSends(user);
        chatSongs.refresh(chatSongsTheyAreIn);
        marks.mark(deleted(user.connection().kind()), user.lastMessageAt());
        housekeeping.forgetPerson(user.address());
        chatSongs.refresh(chatSongsTheyAreIn);
        return done(user.connection().kind());
    }

    private static String done(SourceKind kind) {
        return "Done: I've deleted everything I kept about you — your " + kind.displayName() + " connection, your "
                + "name, the songs you sent and received, your groups and memberships. To use Send Songs again, just "
                + "write to me.";
    }
}
