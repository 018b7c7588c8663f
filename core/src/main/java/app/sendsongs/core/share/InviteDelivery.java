package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What happens to an invite after it was made: the friend opens its link (bound to them, or told why not), the
 * friend registers (the song goes to them as any song does, through {@link SendSong#sendTo}, and the sender hears
 * of it), or its time runs out (the sender hears that). Each invite ends once: the store hands it to one caller.
 */
public final class InviteDelivery {
    private static final int EXPIRY_BATCH = 100;
    /** The most senders asked, when someone signs up, whether that is who they invited: the oldest invites first. */
    static final int NAMESAKE_OFFERS = 5;
    private static final String NOT_OPEN = "That invite isn't open any more (used, expired or cancelled), so nothing "
            + "was sent.";

    private final Invites invites;
    private final SendSong sendSong;
    private final UserStore users;
    private final Outbox outbox;
    private final TellingNames names;
    private final PreferenceStore preferences;

    public InviteDelivery(Invites invites, SendSong sendSong, UserStore users, Outbox outbox, TellingNames names,
                          PreferenceStore preferences) {
        this.names = names;
        this.preferences = preferences;
        this.invites = invites;
        this.sendSong = sendSong;
        this.users = users;
        this.outbox = outbox;
    }

    /**
     * Someone opened an invite's link ({@code token}): what to tell them before the welcome (or, when they are
     * registered, the menu). Someone registered gets the song at once.
     */
    public String opened(ChatAddress from, Optional<User> registered, String token) {
        return switch (invites.open(from, token)) {
            case Invites.Opened.Yours(Invite invite) -> {
                String sender = users.findUser(invite.sender()).map(User::name).orElse("A friend");
                if (registered.isPresent()) {
                    deliverOpened(registered.get());
                    // The song follows as any song does, unless it cannot (they have it, a limit): no promise here.
                    yield "You opened " + sender + "'s invite for " + invite.title() + ".";
                }
                yield sender + " sent you a song: " + invite.title() + ". Sign up below and it's yours.";
            }
            case Invites.Opened.OwnInvite() -> "That's your own invite: forward the link to your friend.";
            case Invites.Opened.SomeoneElses(Optional<Platform> where) -> "Someone else has already opened that "
                    + "invite. " + openedElsewhere(from, where, registered.isPresent());
            case Invites.Opened.Gone(Optional<EndedInvite> ended) ->
                    ended.map(end -> whatBecameOf(end, from)).orElse("That invite has expired or was already used.");
        };
    }

    /** What became of an invite that ended, to its sender opening its link: not as if it were someone else's. */
    private String whatBecameOfOwn(EndedInvite ended) {
        return switch (ended.how()) {
            case USED -> "Your invite for " + ended.title() + " was already used.";
            case USED_UNSENT -> "Your invite for " + ended.title() + " was already used, but the song could not be "
                    + "delivered.";
            case CANCELLED -> "You cancelled your invite for " + ended.title() + ".";
            case EXPIRED -> "Your invite for " + ended.title() + " expired " + invites.ago(ended.endedAt())
                    + ": send the song again to make a new one.";
        };
    }

    /**
     * What became of an invite that ended, to someone opening its link again: whoever used it is told it was theirs
     * (and, when its song was refused them, that it could not be sent, not why); anyone else that it was used, no more (who used it is not theirs to know); that its sender cancelled it; or when
     * it expired, and what to do.
     */
    private String whatBecameOf(EndedInvite ended, ChatAddress from) {
        if (ended.sender().equals(from)) {
            return whatBecameOfOwn(ended);
        }
        String sender = users.findUser(ended.sender()).map(User::name).orElse("whoever sent it");
        return switch (ended.how()) {
            case USED -> ended.usedBy().filter(from::equals).isPresent()
                    ? "You already used this invite: " + ended.title() + " from " + sender + "."
                    : "This invite was already used.";
            // why it could not be sent (a block, a limit) is not said: being told it did not come is enough
            case USED_UNSENT -> ended.usedBy().filter(from::equals).isPresent()
                    ? "You already used this invite, but " + ended.title() + " from " + sender + " could not be "
                    + "sent to you."
                    : "This invite was already used.";
            case CANCELLED -> Character.toUpperCase(sender.charAt(0)) + sender.substring(1) + " cancelled this invite.";
            case EXPIRED -> "This invite expired " + invites.ago(ended.endedAt()) + ". Ask " + sender
                    + " to send the song again.";
        };
    }

    /**
     * What else to do with an invite someone else opened first: when it was opened on another app, it may have been
     * them, whose song then waits in that chat; otherwise the sender can send it by name (the invite is bound to whoever
     * opened it first, so the link cannot pass it on).
     */
    private static String openedElsewhere(ChatAddress from, Optional<Platform> where, boolean registered) {
        String byName = "ask whoever sent you the link to send you the song by name"
                + (registered ? "." : " once you've signed up.");
        return where.filter(platform -> platform != from.platform())
                .map(platform -> "If it was you, on " + platform.displayName() + ", sign up there: the song goes to "
                        + "that chat. If not, " + byName)
                .orElseGet(() -> Character.toUpperCase(byName.charAt(0)) + byName.substring(1));
    }

    /**
     * {@code friend} has just signed up: the songs of the invites they opened go to them ({@link #deliverOpened}), and
     * the senders of a few invites nobody opened that were made for the name they signed up under are asked whether
     * that is who they invited ({@link #askSendersOfNamesakes}).
     */
    public void registered(User friend) {
        deliverOpened(friend);
        askSendersOfNamesakes(friend, invite -> " just signed up.");
    }

    /**
     * {@code person} may have just set their name (someone who signed up under a placeholder, "B", and now says they
     * are Bob Fisher): the senders of a few invites nobody opened, made for the name they have now before they took it,
     * are asked about them as at a sign-up ({@link #registered}), once an invite and person (the same notice: someone
     * asked at sign-up, or who takes the name again, is not asked again), and nothing goes without the sender's tap.
     * Asked after every {@code name}, so one handled again after a crash asks what the first run did not.
     */
    public void renamed(ChatAddress person) {
        users.findUser(person).ifPresent(now -> askSendersOfNamesakes(now, invite ->
                !now.registeredAt().isBefore(invite.createdAt()) ? " just joined (they set their name now)."
                        : " just set their name (they joined " + invites.ago(now.registeredAt()) + ")."));
    }

    /**
     * The songs of the invites {@code friend} opened go to them. Each invite is claimed for them first (its sender's
     * cancel then no longer takes it, and says the song is going), delivered as its own work (one share each, by the
     * invite's token) and ended only after, so a crash in between leaves it to be delivered again, which finds the
     * share and the messages the first run made.
     */
    private void deliverOpened(User friend) {
        for (Invite invite : invites.openedBy(friend)) {
            if (!invites.claim(invite, friend.address())) {
                continue; // its sender cancelled it a moment ago: nothing goes
            }
            boolean sent = Cause.call(deliveryWork(invite), () -> send(invite, friend));
            invites.takeUsed(invite, friend.address(), sent);
        }
    }

    /**
     * Asks the senders of the oldest few invites nobody has opened, made for the name {@code newcomer} has before they
     * took it, whether that is their friend ({@code justDid}: what they did, "just signed up."), with a tap that sends the song and one that leaves the invite waiting. Nothing
     * goes by itself: anyone may sign up under any name. Each sender is asked once an invite and newcomer (told again,
     * after a crash, it is the same notice).
     */
    private void askSendersOfNamesakes(User newcomer, Function<Invite, String> justDid) {
        for (Invite invite : invites.unopenedFor(newcomer, NAMESAKE_OFFERS)) {
            // someone who blocked the sender (before taking the name) is not pointed out to them: a block is not told
            if (users.findUser(invite.sender()).isEmpty()
                    || preferences.preferencesOf(newcomer.address()).blocks(invite.sender())) {
                continue;
            }
            String name = names.to(invite.sender(), List.of(newcomer)).of(newcomer);
            Message ask = Message.text(name + justDid.apply(invite) + " Is that who you invited with \"" + invite.title()
                    + "\"? If so, I'll send it to them now.").withChoices(List.of(
                    new Choice("Send it to them", Command.InviteNamesake.sendPayload(invite.token(),
                            invites.namesake(invite, newcomer.address()))),
                    new Choice("Not them", Command.InviteNamesake.keepPayload(invite.token()))));
            outbox.notifyOnce(StableIds.of("invite namesake", invite.token(), newcomer.address().key()),
                    invite.sender(), ask, List.of(newcomer.address()));
        }
    }

    /**
     * {@code sender}'s answer to whether the person {@code namesake} names, who signed up under the name of their
     * invite of {@code token}, is their friend: the song goes to them as any song does, or (empty: "Not them") the
     * invite keeps waiting for its link. The invite is bound to that person first, as opening its link would, so of
     * the tap and someone opening the link meanwhile only one has it; then sent (one share for the invite and person,
     * whichever event asks) and ended as an opened invite is at sign-up ({@link #deliverOpened}): a tap handled again
     * after a crash, or tapped twice, sends nothing twice and answers as the send did. A send refused (over a limit,
     * the person unreachable...) leaves the invite as it was, nobody's, for its link or another tap.
     */
    public Message namesakeAnswered(User sender, String token, Optional<String> namesake) {
        Optional<Invite> waiting = invites.waitingFrom(sender.address(), token);
        if (waiting.isEmpty()) {
            // a Send that went (tapped twice, or handled again after a crash once the invite was taken) says so again
            return namesake.flatMap(who -> Cause.call(namesakeWork(token, who), () -> sendSong.sentBefore(sender)))
                    .orElseGet(() -> Message.text(NOT_OPEN));
        }
        Invite invite = waiting.get();
        if (namesake.isEmpty()) {
            return Message.text("OK: your invite for " + invite.title() + " still waits for "
                    + Names.quoted(invite.friendName()) + " to open its link (it works " + invites.linkWorks(invite)
                    + ").");
        }
        Optional<User> person = users.findUsersByName(invite.friendName()).stream()
                .filter(user -> invites.namesake(invite, user.address()).equals(namesake.get())).findFirst();
        if (person.isEmpty()) {
            return Message.text("I can't find who signed up as " + Names.quoted(invite.friendName()) + " any more "
                    + "(they may have changed their name or left), so nothing was sent. Your invite still waits for "
                    + "its link.");
        }
        if (!invites.bind(invite, person.get().address())) {
            return Message.text(openedMeanwhile(sender, invite, person.get()));
        }
        if (!invites.claim(invite, person.get().address())) {
            return Message.text(NOT_OPEN); // gone since it was bound: taken by its expiry
        }
        Message told = Cause.call(namesakeWork(token, namesake.get()), () -> sendSong.sendTo(sender, person.get(),
                SongLink.of(invite.track()), invite.pre(), invite.post()));
        if (!sendSong.hasSong(sender, person.get(), invite.track())) { // refused: over a limit, unreachable, blocked...
            invites.unbind(invite, person.get().address());
            return told.withText(told.text() + " Your invite still waits for its link.");
        }
        invites.takeUsed(invite, person.get().address(), true);
        return told;
    }

    /**
     * Why the tap sent {@code invite}'s song to {@code person} did nothing: someone else opened its link meanwhile.
     * When they have signed up, its song is going to them (their own delivery of it is under way); else it waits for
     * them to.
     */
    private String openedMeanwhile(User sender, Invite invite, User person) {
        Optional<User> usedBy = invites.stored(invite.token()).flatMap(Invite::friend).flatMap(users::findUser);
        if (usedBy.isPresent()) {
            return names.to(sender.address(), List.of(usedBy.get())).of(usedBy.get()) + " already used your invite: "
                    + invite.title() + " is going to them.";
        }
        return "Someone opened your invite's link meanwhile, so it waits for them to sign up and nothing was sent. If "
                + person.name() + " is your friend too, send it to them by name: "
                + CommandStyle.of(sender.address()).spell("send_song") + " name:" + Names.quoted(person.name()) + " "
                + invite.track().link();
    }

    /** The work of sending an invite's song to whoever opened its link: one share, whichever event asks for it. */
    private static String deliveryWork(Invite invite) {
        return "invite:" + invite.token();
    }

    /**
     * Whether {@code invite}'s song went to {@code friend} through the invite: the share its delivery or a namesake's
     * tap made for them (not any other send of the same song, which an older direct send would be).
     */
    private boolean sentThroughInvite(Invite invite, ChatAddress friend) {
        return sendSong.sharedBy(deliveryWork(invite))
                || sendSong.sharedBy(namesakeWork(invite.token(), invites.namesake(invite, friend)));
    }

    /** The work of sending an invite's song to a namesake: one share, whichever event asks for it. */
    private static String namesakeWork(String token, String namesake) {
        return "invite:" + token + ":namesake:" + namesake;
    }

    /**
     * Someone asked to be forgotten: the invites they opened (and claimed, when they signed up through one whose
     * delivery died before ending it) no longer keep their chat address, and wait for their link again.
     */
    public void forget(ChatAddress person) {
        invites.releaseOpenedBy(person);
    }

    /**
     * {@code answer} to someone not registered, led by the songs of the invites they opened that still wait for them
     * to sign up: they may come back days after opening the link, and the welcome alone says nothing of them.
     */
    public Message remindNewcomer(ChatAddress newcomer, Message answer) {
        List<Invite> waiting = invites.openedBy(newcomer);
        if (waiting.isEmpty()) {
            return answer;
        }
        String songs = String.join("; ", waiting.stream().map(invite -> invite.title() + " from "
                + users.findUser(invite.sender()).map(User::name).orElse("a friend")).toList());
        return answer.withText("Waiting for you once you sign up: " + songs + ".\n\n" + answer.text());
    }

    /**
     * Tells the senders of invites whose time ran out: whether someone opened the link (and did not sign up), and
     * when nobody did but someone has registered under the invited name since, without the link, that they may be the
     * friend, with the send by name to copy. Only the link binds an invite (anyone may register under any name), so
     * the song never goes to them by itself. An invite whose song is being sent when it expires is left for that
     * delivery, and finished here once {@link Invites#CLAIM_GRACE} has passed ({@link #finishClaimed}).
     */
    public void expireDue() {
        invites.takeExpired(EXPIRY_BATCH).forEach(this::tellExpired);
        invites.claimedPastGrace(EXPIRY_BATCH).forEach(this::finishClaimed);
    }

    private void tellExpired(Invite invite) {
        if (users.findUser(invite.sender()).isPresent()) {
            outbox.notify(invite.sender(), Message.text(expired(invite) + " " + whatNow(invite)));
        }
    }

    /**
     * An expired invite a delivery claimed and then died on (the process stopped, its event given up): ended as used
     * when the song went to whoever claimed it (the delivery told the sender with the song, in the same work), else
     * released and expired, its sender told that whoever opened it signed up but the song did not go (not, as of an
     * invite opened by someone who never signed up, that they did not), or as of any expiry once whoever claimed it is
     * gone. So no claimed invite waits for ever.
     */
    private void finishClaimed(Invite invite) {
        Optional<User> sender = users.findUser(invite.sender());
        Optional<User> friend = invite.friend().flatMap(users::findUser);
        if (sender.isPresent() && friend.isPresent() && sentThroughInvite(invite, friend.get().address())) {
            invites.takeUsed(invite, friend.get().address(), true);
        } else if (invites.releaseExpired(invite)) {
            if (sender.isPresent() && friend.isPresent()) {
                outbox.notify(invite.sender(), Message.text("Your invite for " + invite.title() + " (to "
                        + Names.quoted(invite.friendName()) + ") has expired: whoever opened it signed up, but the "
                        + "song could not be sent to them then, so nothing was sent. Send it again."));
            } else {
                tellExpired(invite);
            }
        }
    }

    private static String expired(Invite invite) {
        String which = invite.title() + " (to " + Names.quoted(invite.friendName()) + ")";
        String lifetime = Texts.duration(Invites.LIFETIME);
        return invite.friend().isPresent()
                ? "Your invite for " + which + " has expired: someone opened it but didn't sign up within " + lifetime
                + ", so nothing was sent."
                : "Nobody used your invite for " + which + " within " + lifetime + ", so it has expired.";
    }

    private String whatNow(Invite invite) {
        if (invite.friend().isEmpty()) {
            Optional<User> signedUp = users.findUsersByName(invite.friendName()).stream()
                    .filter(user -> !user.address().equals(invite.sender()))
                    .filter(user -> !user.namedAt().isBefore(invite.createdAt()))
                    .filter(user -> !preferences.preferencesOf(user.address()).blocks(invite.sender())).findFirst();
            if (signedUp.isPresent()) {
                String name = signedUp.get().name();
                return "Someone has signed up as " + name + " since, without the link: if that's them, send it to "
                        + "them by name: " + CommandStyle.of(invite.sender()).spell("send_song") + " name:"
                        + Names.quoted(name) + " " + invite.track().link();
            }
        }
        return "Once they've signed up, send it again.";
    }

    /** Sends {@code invite}'s song to {@code friend} and tells its sender: whether the song went (not refused). */
    private boolean send(Invite invite, User friend) {
        Optional<User> sender = users.findUser(invite.sender());
        if (sender.isEmpty()) {
            return false; // the sender has since asked to be forgotten
        }
        Message told = sendSong.sendTo(sender.get(), friend, SongLink.of(invite.track()), invite.pre(),
                invite.post());
        // Named as the sender knows them: which Bob Fisher, when the sender knows another (TellingNames).
        String friendName = names.to(invite.sender(), List.of(friend)).of(friend);
        // About the friend: if they are forgotten before it reaches the sender, it is taken back with their song.
        outbox.notify(invite.sender(), told.withLead(friendName + " opened your invite. "),
                List.of(friend.address()));
        return sendSong.hasSong(sender.get(), friend, invite.track());
    }
}
