package app.sendsongs.core.share;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Songs for friends who have not registered yet. The sender gets a link to the bot that carries an invite's
 * unguessable token, on every platform the bot has links on (the sender's own first: the friend opens the one of the
 * app they use); the first person to open one is bound to the invite, and once they register the song goes to them
 * ({@link InviteDelivery}). An invite nobody used ends after {@link #LIFETIME}, and the sender is told. A sender has
 * at most {@link SendLimits#openInvites()} open at once.
 */
public final class Invites {
    /** How long an invite waits for its friend. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /**
     * How long past its expiry an invite whose song is being sent ({@link #claim}) is left for that delivery to finish,
     * before the tick finishes it ({@link InviteDelivery#expireDue}): far longer than an event is tried for.
     */
    public static final Duration CLAIM_GRACE = Duration.ofDays(1);
    private static final int TOKEN_BYTES = 16;
    private static final int NAMESAKE_BYTES = 8;

    private final InviteStore store;
    private final ChatPlatforms chats;
    private final int mostOpen;
    private final Clock clock;
    private final SigningKey tokens;
    private final SigningKey namesakes;

    public Invites(InviteStore store, ChatPlatforms chats, SendLimits limits, SigningKey key, Clock clock) {
        this.tokens = key.derive("invite tokens");
        this.namesakes = key.derive("invite namesakes");
        this.store = store;
        this.chats = chats;
        this.mostOpen = limits.openInvites();
        this.clock = clock;
    }

    /**
     * Why {@code sender} cannot have another invite now (as many of theirs are open as one person may have), if they
     * cannot: nothing is kept, so the reply says how the song can still reach the friend.
     */
    public Optional<String> refusal(ChatAddress sender, String friendName) {
        List<Invite> open = store.openInvitesSentBy(sender, clock.instant(), mostOpen);
        if (open.size() < mostOpen) {
            return Optional.empty();
        }
        return Optional.of("You have " + open.size() + (open.size() == 1 ? " invite" : " invites") + " nobody has used "
                + "yet, the most I keep for one person, so I didn't make one for " + Names.quoted(friendName) + " and "
                + "nothing was sent. To send it, ask them to write to me and sign up first, then send it to them by "
                + "name; or send it again once one of your invites is used or expires (the next one expires "
                + RelativeTime.in(open.getFirst().expiresAt(), clock.instant()) + ").");
    }

    /**
     * An invite to {@code track} for the friend the sender called {@code friendName}: what to tell the sender, with
     * the link to forward (one per platform that has links to the bot, the sender's own first); empty (and nothing
     * kept) when no platform has such links.
     */
    public Optional<String> invite(ChatAddress sender, String friendName, Track track, String pre, String post) {
        Instant now = clock.instant();
        Invite invite = new Invite(newToken(), sender, friendName, track.id(), track.title(), pre, post, now,
                now.plus(LIFETIME), Optional.empty());
        Map<Platform, String> links = chats.conversationLinks(invite.ref(), sender.platform());
        if (links.isEmpty()) {
            return Optional.empty();
        }
        if (store.findInvite(invite.token()).isEmpty()) { // else a run cut short saved it (it may be opened since)
            store.saveInvite(invite);
        }
        return Optional.of(unknown(friendName) + " " + forward(links)
                + "\nWhen they open it and sign up, " + track.title() + " goes to them and I'll tell you. The link "
                + "works for " + Texts.duration(LIFETIME) + ".");
    }

    private static String unknown(String friendName) {
        return Handles.typed(friendName).map(FriendFinder::unknownHandle)
                .orElseGet(() -> "I don't know anyone called " + Names.quoted(friendName) + " yet.");
    }

    private static String forward(Map<Platform, String> links) {
        if (links.size() == 1) {
            return "Forward them this link: " + links.values().iterator().next();
        }
        StringBuilder text = new StringBuilder("Forward them the link for the app they use:");
        links.forEach((platform, link) -> text.append('\n').append(platform.displayName()).append(": ").append(link));
        return text.toString();
    }

    /** What a friend opening an invite's link is told about it; binds the invite to them when it is free. */
    public Opened open(ChatAddress friend, String token) {
        if (!Invite.wellFormed(token)) {
            return new Opened.Gone(); // forged or cut short: no store is asked about it
        }
        Optional<Invite> stored = store.findInvite(token);
        Optional<Invite> found = stored.filter(i -> i.expiresAt().isAfter(clock.instant()));
        if (found.isEmpty()) {
            return new Opened.Gone(stored.map(expired -> EndedInvite.of(expired, EndedInvite.How.EXPIRED,
                    Optional.empty(), expired.expiresAt())).or(() -> ended(token)));
        }
        if (found.get().sender().equals(friend)) {
            return new Opened.OwnInvite();
        }
        if (!store.openInvite(token, friend)) {
            return new Opened.SomeoneElses(store.findInvite(token).flatMap(Invite::friend).map(ChatAddress::platform));
        }
        return new Opened.Yours(found.get().openedBy(friend));
    }

    /** What opening an invite's link came to. */
    public sealed interface Opened {
        /** The invite is now the friend's. */
        record Yours(Invite invite) implements Opened {
        }

        /** Someone else opened the link first, on {@code where} (empty when it was used or expired since). */
        record SomeoneElses(Optional<Platform> where) implements Opened {
        }

        /** The sender opened their own invite: it stays for the friend. */
        record OwnInvite() implements Opened {
        }

        /** It expired, was used or cancelled ({@code ended}, while that is kept), or never was. */
        record Gone(Optional<EndedInvite> ended) implements Opened {
            public Gone() {
                this(Optional.empty());
            }
        }
    }

    /** What became of the invite of {@code token}, while it is kept. */
    private Optional<EndedInvite> ended(String token) {
        return store.findEndedInvite(token).filter(ended -> ended.keepUntil().isAfter(clock.instant()));
    }

    /** The invites {@code sender} made that nobody has signed up through yet, the first to expire first. */
    List<Invite> waitingFrom(ChatAddress sender) {
        return store.openInvitesSentBy(sender, clock.instant(), mostOpen);
    }

    /**
     * Frees every invite {@code friend} opened (claimed too: the claim goes with them) for whoever opens its link next:
     * they asked to be forgotten, and their chat address stays in no invite. The senders' songs keep waiting.
     */
    public void releaseOpenedBy(ChatAddress friend) {
        store.invitesOpenedBy(friend).forEach(invite -> store.releaseInvite(invite.token(), friend));
    }

    /** The name {@code sender} typed for their latest invite to {@code track} nobody has signed up through yet. */
    public Optional<String> waitingFor(ChatAddress sender, TrackId track) {
        return waitingFrom(sender).stream().filter(invite -> invite.track().equals(track))
                .max(Comparator.comparing(Invite::createdAt)).map(Invite::friendName);
    }

    /** {@code sender}'s invite of that token, while nobody has signed up through it. */
    Optional<Invite> waitingFrom(ChatAddress sender, String token) {
        if (!Invite.wellFormed(token)) {
            return Optional.empty();
        }
        return store.findInvite(token).filter(invite -> invite.sender().equals(sender))
                .filter(invite -> invite.expiresAt().isAfter(clock.instant()));
    }

    /** The invites {@code friend} opened that are still open: the caller delivers each, then {@link #take}s it. */
    List<Invite> openedBy(User friend) {
        return openedBy(friend.address());
    }

    /** The invites {@code friend} opened that are still open, oldest first. */
    List<Invite> openedBy(ChatAddress friend) {
        return store.invitesOpenedBy(friend).stream()
                .filter(invite -> invite.expiresAt().isAfter(clock.instant())).toList();
    }

    /**
     * A few of the invites nobody has opened yet that were made for the name {@code newcomer} has before they took it
     * (signing up under it, or setting it since), the oldest first, leaving out their own.
     */
    List<Invite> unopenedFor(User newcomer, int limit) {
        return store.unopenedInvitesFor(newcomer.nameKey(), clock.instant(), limit).stream()
                .filter(invite -> !invite.sender().equals(newcomer.address()))
                .filter(invite -> !newcomer.namedAt().isBefore(invite.createdAt())).toList();
    }

    /**
     * What a tap puts for {@code person} as the one who signed up under {@code invite}'s name: 11 characters of
     * base64url signed with the bot's key for that invite, so it tells nothing about them, cannot be made up for
     * someone else, and fits a tap's payload with the token.
     */
    String namesake(Invite invite, ChatAddress person) {
        byte[] signature = namesakes.sign(invite.token() + "\n" + person.key());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(signature, NAMESAKE_BYTES));
    }

    /** Binds {@code invite} to {@code person}, unless someone else opened its link first: true when it is theirs. */
    boolean bind(Invite invite, ChatAddress person) {
        return store.openInvite(invite.token(), person);
    }

    /** Undoes {@link #bind}: {@code invite} is nobody's again, for its link. */
    void unbind(Invite invite, ChatAddress person) {
        store.releaseInvite(invite.token(), person);
    }

    /** How long ago {@code at} was: "3 days ago". */
    String ago(Instant at) {
        return RelativeTime.ago(at, clock.instant());
    }

    /** How much longer {@code invite}'s link works: "for 6 more days". */
    String linkWorks(Invite invite) {
        return RelativeTime.forMore(invite.expiresAt(), clock.instant());
    }

    /**
     * Ends {@code invite} as used by {@code friend}, who got its song ({@code sent}) or not (refused: a block, a
     * limit...): true for the one caller that ended it.
     */
    boolean takeUsed(Invite invite, ChatAddress friend, boolean sent) {
        return take(invite, sent ? EndedInvite.How.USED : EndedInvite.How.USED_UNSENT, Optional.of(friend),
                clock.instant());
    }

    /**
     * Ends {@code invite}, cancelled by its sender: true for the one caller that ended it; false too while its song is
     * being sent to whoever used it ({@link #claim}), which the cancel then no longer stops.
     */
    boolean takeCancelled(Invite invite) {
        return take(store.takeUnclaimedInvite(invite.token()), invite, EndedInvite.How.CANCELLED, Optional.empty(),
                clock.instant());
    }

    /**
     * Invites whose time is up, each taken from the store once: the caller tells their senders. One whose song is
     * being sent to whoever used it ({@link #claim}: they signed up in the very second it expired) is left for that
     * delivery, which ends it as used; should the delivery have died, {@link #claimedPastGrace} finds it.
     */
    List<Invite> takeExpired(int limit) {
        return store.invitesExpiredBy(clock.instant(), limit).stream().filter(this::takeExpired).toList();
    }

    /**
     * Invites still there {@link #CLAIM_GRACE} past their expiry: claimed by a delivery that died before it ended them
     * (any other is taken at its expiry), which the caller ends as used or {@link #releaseExpired}.
     */
    List<Invite> claimedPastGrace(int limit) {
        return store.invitesExpiredBy(clock.instant().minus(CLAIM_GRACE), limit);
    }

    /**
     * Ends {@code invite}, expired and claimed by a delivery that died before its song went: its claim released, it is
     * taken as expired, true for the one caller that took it (who tells its sender).
     */
    boolean releaseExpired(Invite invite) {
        invite.friend().ifPresent(friend -> store.releaseInvite(invite.token(), friend));
        return takeExpired(invite);
    }

    private boolean takeExpired(Invite invite) {
        return take(store.takeUnclaimedInvite(invite.token()), invite, EndedInvite.How.EXPIRED, Optional.empty(),
                invite.expiresAt());
    }

    /**
     * Marks {@code invite}, bound to {@code friend}, as having its song sent to them now, before it goes: its sender's
     * cancel and its expiry no longer take it (so neither can say nothing was sent while the song goes). False when it
     * is gone (cancelled or expired a moment before: nothing is to go) or not theirs.
     */
    boolean claim(Invite invite, ChatAddress friend) {
        return store.claimInvite(invite.token(), friend);
    }

    /** The invite of {@code token} as it is stored now, open or being sent to whoever used it. */
    Optional<Invite> stored(String token) {
        return store.findInvite(token);
    }

    /** What became of the invite of {@code token} once it ended, while that is kept. */
    Optional<EndedInvite> whatBecameOf(String token) {
        return Invite.wellFormed(token) ? ended(token) : Optional.empty();
    }

    private boolean take(Invite invite, EndedInvite.How how, Optional<ChatAddress> usedBy, Instant at) {
        return take(store.takeInvite(invite.token()), invite, how, usedBy, at);
    }

    /**
     * For the one caller that {@code took} {@code invite} from the store, keeps what became of it, so its link opened
     * again says so ({@link EndedInvite}); a run cut short between the two leaves it unknown, as before.
     */
    private boolean take(boolean took, Invite invite, EndedInvite.How how, Optional<ChatAddress> usedBy, Instant at) {
        if (!took) {
            return false;
        }
        store.saveEndedInvite(EndedInvite.of(invite, how, usedBy, at));
        return true;
    }

    /**
     * Unguessable (signed with the bot's key), and the same each time one inbound event is handled again
     * ({@link Cause#id}), so a run cut short by a crash and done again finds its invite instead of leaving a second
     * one behind, whose expiry the sender would be told of.
     */
    private String newToken() {
        byte[] signature = tokens.sign(Cause.id("invite"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(signature, TOKEN_BYTES));
    }
}
