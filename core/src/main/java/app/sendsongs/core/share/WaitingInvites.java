package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invites a person made that nobody has signed up through yet, as {@link SentSongs} shows them beside the songs
 * being watched: listed in {@code pending}, each with a tap that cancels it ({@code cancel invite <token>}, or typed,
 * {@code cancel invite <number>}, the number as the list last shown showed it), and offered by "undo" right after it
 * was made. A cancelled invite is taken from the store: its link opens nothing, its song goes to nobody, and its
 * sender hears nothing more of it.
 */
final class WaitingInvites {
    /** What a tap (or a typed cancel) puts after {@code cancel} to mean an invite. */
    static final String INVITE = "invite ";
    /** What a cancel of an invite marks before it takes it, so handled again after a crash it answers the same. */
    private static final String TOOK = "cancel took an invite";
    /** What a cancel by number keeps: which invite it chose. */
    private static final String CHOSE = "cancel chose an invite";
    private static final String DONE_BEFORE = "Cancelled that invite: its link no longer works, and nothing was sent.";

    private final Invites invites;
    private final ShownPendingList shown;
    private final HandlingMarks marks;
    private final Clock clock;
    private final UserStore users;
    private final TellingNames names;
    private final PreferenceStore preferences;

    WaitingInvites(Invites invites, ShownPendingList shown, HandlingMarks marks, Clock clock, UserStore users,
                   TellingNames names, PreferenceStore preferences) {
        this.users = users;
        this.preferences = preferences;
        this.names = names;
        this.invites = invites;
        this.shown = shown;
        this.marks = marks;
        this.clock = clock;
    }

    /** The sender's invites nobody has signed up through, the first to expire first. */
    List<Invite> of(User sender) {
        return invites.waitingFrom(sender.address());
    }

    /** The section of the pending list that lists {@code waiting}, numbered for {@code cancel invite <number>}. */
    String section(User sender, List<Invite> waiting) {
        Map<Invite, User> signedUp = signedUpSince(sender, waiting);
        TellingNames.Shown shown = names.to(sender.address(), signedUp.values());
        StringBuilder text = new StringBuilder("Invites nobody has signed up through yet:");
        for (int i = 0; i < waiting.size(); i++) {
            Invite invite = waiting.get(i);
            text.append('\n').append(i + 1).append(". ").append(line(invite,
                    Optional.ofNullable(signedUp.get(invite)).map(person -> shown.of(person)
                            + (person.registeredAt().isBefore(invite.createdAt()) ? " has taken that name since; "
                            : " has signed up since; "))));
        }
        return text.append("\nCancel one with: ").append(CommandStyle.of(sender.address()).spell("cancel"))
                .append(" invite <number>").toString();
    }

    /** {@code invite}'s line; {@code namesakeSince}: who signed up under its name (or took it) since, as said. */
    private String line(Invite invite, Optional<String> namesakeSince) {
        String works = "the link works " + RelativeTime.forMore(invite.expiresAt(), clock.instant());
        return invite.title() + " → " + Names.quoted(invite.friendName()) + ": "
                + (invite.friend().isPresent() ? "opened, waiting for them to sign up; "
                : namesakeSince.orElse("not opened yet, ")) + works;
    }

    /**
     * Of {@code waiting}, those nobody opened whose name someone (not the sender) has signed up under, or taken, since
     * they were made, with the first such person: the one whom the sender was asked about ({@link
     * InviteDelivery#registered}, {@link InviteDelivery#renamed}), whose tap sends the song to them. One read for all
     * their names.
     */
    private Map<Invite, User> signedUpSince(User sender, List<Invite> waiting) {
        List<Invite> unopened = waiting.stream().filter(invite -> invite.friend().isEmpty()).toList();
        if (unopened.isEmpty()) {
            return Map.of();
        }
        List<User> named = users.findUsersByNames(unopened.stream().map(Invite::friendName).toList());
        Map<Invite, User> signedUp = new LinkedHashMap<>();
        for (Invite invite : unopened) {
            named.stream().filter(user -> user.nameKey().equals(Names.key(invite.friendName())))
                    .filter(user -> !user.address().equals(sender.address()))
                    .filter(user -> !user.namedAt().isBefore(invite.createdAt()))
                    // as at the offer: whoever blocked the sender is not pointed out to them
                    .filter(user -> !preferences.preferencesOf(user.address()).blocks(sender.address())).findFirst()
                    .ifPresent(user -> signedUp.put(invite, user));
        }
        return signedUp;
    }

    /**
     * The taps under {@code waiting}, as many as {@code room} allows: "Send it to them" for each whose namesake signed
     * up since (the tap the sender was offered then), then one cancelling each.
     */
    List<Choice> taps(User sender, List<Invite> waiting, int room) {
        Map<Invite, User> signedUp = signedUpSince(sender, waiting);
        List<Choice> taps = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            Invite invite = waiting.get(i);
            if (signedUp.containsKey(invite)) {
                taps.add(new Choice(signedUp.size() == 1 ? "Send it to them" : "Send " + (i + 1) + " to them",
                        Command.InviteNamesake.sendPayload(invite.token(),
                                invites.namesake(invite, signedUp.get(invite).address()))));
            }
        }
        for (int i = 0; i < waiting.size(); i++) {
            taps.add(new Choice("Cancel invite " + (i + 1), payload(waiting.get(i))));
        }
        return List.copyOf(taps.subList(0, Math.min(taps.size(), room)));
    }

    private static String payload(Invite invite) {
        return "cancel " + INVITE + invite.token();
    }

    /** {@code cancel invite <which>}: the token a tap carries, or the number the list shows. */
    String cancel(User sender, String which) {
        if (which.matches("\\d{1,4}")) {
            return cancelNumber(sender, Integer.parseInt(which));
        }
        return invites.waitingFrom(sender.address(), which).map(invite -> cancel(sender, invite))
                .orElseGet(() -> usedBy(sender, which).orElseGet(() -> cancelledBefore() ? DONE_BEFORE
                        : "That invite isn't open any more (used, expired or cancelled), so I cancelled nothing."));
    }

    /**
     * The invite the list last shown showed at {@code number} ({@link ShownPendingList}), or, when none is kept, the
     * one the list shows at it now. The one chosen is kept first (by when it was made), so handled again after a crash
     * the cancel takes that invite, not the one at that number by then.
     */
    private String cancelNumber(User sender, int number) {
        List<Invite> waiting = of(sender);
        Optional<String> chosen = marks.kept(CHOSE);
        if (chosen.isPresent()) {
            return oneMadeAt(waiting, chosen.get()).map(invite -> cancel(sender, invite)).orElse(DONE_BEFORE);
        }
        List<String> listed = shown.lastShownInvites(sender.address())
                .orElseGet(() -> waiting.stream().map(ShownPendingList::madeAt).toList());
        if (number < 1 || number > listed.size()) {
            return "There is no invite " + number + " in your list: " + (listed.isEmpty()
                    ? "you have no invite nobody has signed up through." : "it has 1 to " + listed.size() + ".");
        }
        Optional<Invite> invite = oneMadeAt(waiting, listed.get(number - 1));
        if (invite.isEmpty()) {
            return "Invite " + number + " in the list I showed you isn't open any more (used, expired or cancelled), "
                    + "so I cancelled nothing.\nSee the list as it is now: "
                    + CommandStyle.of(sender.address()).spell("pending");
        }
        marks.keep(CHOSE, listed.get(number - 1), sender.lastMessageAt());
        return cancel(sender, invite.get());
    }

    private static Optional<Invite> oneMadeAt(List<Invite> waiting, String madeAt) {
        return waiting.stream().filter(invite -> ShownPendingList.madeAt(invite).equals(madeAt)).findFirst();
    }

    /** Cancels {@code invite} of {@code sender}'s (the only thing a bare {@code cancel} could stop, say). */
    String cancel(User sender, Invite invite) {
        marks.mark(TOOK, sender.lastMessageAt());
        if (!invites.takeCancelled(invite)) {
            return usedBy(sender, invite.token())
                    .orElse("That invite isn't open any more (used, expired or cancelled), so I cancelled nothing.");
        }
        return "Cancelled your invite for " + invite.title() + " to " + Names.quoted(invite.friendName())
                + ": its link no longer works, and nothing was sent.";
    }

    /**
     * Why {@code sender}'s invite of {@code token} could not be cancelled, when someone used it: its song is being
     * sent to them ({@link Invites#claim}: the cancel came the moment they signed up), or it went (or was refused them,
     * as its sender was told then). Empty when nobody used it (it expired, or was cancelled).
     */
    private Optional<String> usedBy(User sender, String token) {
        Optional<Invite> going = invites.stored(token).filter(invite -> invite.sender().equals(sender.address()));
        if (going.isPresent()) {
            return going.get().friend().map(friend -> "Too late: " + named(sender, friend) + " just used your "
                    + "invite, so I'm sending them " + going.get().title() + ".");
        }
        return invites.whatBecameOf(token).filter(ended -> ended.sender().equals(sender.address()))
                .flatMap(ended -> ended.usedBy().map(user -> "Too late: " + named(sender, user)
                        + (ended.how() == EndedInvite.How.USED_UNSENT ? " used your invite, but " + ended.title()
                        + " could not be delivered to them." : " used your invite and got " + ended.title() + ".")));
    }

    private String named(User reader, ChatAddress person) {
        return users.findUser(person).map(user -> names.to(reader.address(), List.of(user)).of(user))
                .orElse("your friend");
    }

    /** Whether a run of the event being handled, cut short by a crash, cancelled an invite. */
    boolean cancelledBefore() {
        return marks.marked(TOOK);
    }

    /** The sender's newest invite, when they made it within {@code lately} and after {@code newestSong}. */
    Optional<Invite> justMade(User sender, Duration lately, Optional<Instant> newestSong) {
        Instant since = clock.instant().minus(lately);
        return of(sender).stream().max(Comparator.comparing(Invite::createdAt))
                .filter(invite -> invite.createdAt().isAfter(since))
                .filter(invite -> newestSong.map(song -> invite.createdAt().isAfter(song)).orElse(true));
    }

    /** "undo" right after an invite: a tap that cancels it. */
    static String takeBackQuestion(Invite invite) {
        return "Your invite for " + invite.title() + " to " + Names.quoted(invite.friendName()) + " hasn't been used "
                + "yet. Cancel it, so its link stops working and nothing is sent?";
    }

    static Choice takeBackTap(Invite invite) {
        return new Choice("Cancel it", payload(invite));
    }
}
