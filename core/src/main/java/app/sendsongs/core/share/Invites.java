package app.sendsongs.core.share;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Songs for friends who have not registered yet. The sender gets a link to the bot that carries an invite's
 * unguessable token; the first person to open it is bound to the invite, and once they register the song goes to
 * them ({@link InviteDelivery}). An invite nobody used ends after {@link #LIFETIME}, and the sender is told.
 */
public final class Invites {
    /** How long an invite waits for its friend. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final int TOKEN_BYTES = 16;

    private final InviteStore store;
    private final ChatPlatforms chats;
    private final Clock clock;
    private final SigningKey tokens;

    public Invites(InviteStore store, ChatPlatforms chats, SigningKey key, Clock clock) {
        this.tokens = key.derive("invite tokens");
        this.store = store;
        this.chats = chats;
        this.clock = clock;
    }

    /**
     * An invite to {@code track} for the friend the sender called {@code friendName}: what to tell the sender, with
     * the link to forward; empty (and nothing kept) when the sender's chat platform has no links to the bot.
     */
    public Optional<String> invite(ChatAddress sender, String friendName, Track track, String pre, String post) {
        Instant now = clock.instant();
        Invite invite = new Invite(newToken(), sender, friendName, track.id(), track.title(), pre, post, now,
                now.plus(LIFETIME), Optional.empty());
        Optional<String> link = chats.conversationLink(sender.platform(), invite.ref());
        if (link.isEmpty()) {
            return Optional.empty();
        }
        if (store.findInvite(invite.token()).isEmpty()) { // else a run cut short saved it (it may be opened since)
            store.saveInvite(invite);
        }
        return Optional.of("I don't know anyone called " + Names.quoted(friendName) + " yet. Forward them this "
                + "link: " + link.get() + "\nWhen they open it and sign up, " + track.title() + " goes to them and I'll "
                + "tell you. The link works for " + Texts.duration(LIFETIME) + ".");
    }

    /** What a friend opening an invite's link is told about it; binds the invite to them when it is free. */
    public Opened open(ChatAddress friend, String token) {
        Optional<Invite> found = store.findInvite(token).filter(i -> i.expiresAt().isAfter(clock.instant()));
        if (found.isEmpty()) {
            return new Opened.Gone();
        }
        if (found.get().sender().equals(friend)) {
            return new Opened.OwnInvite();
        }
        if (!store.openInvite(token, friend)) {
            return new Opened.SomeoneElses();
        }
        return new Opened.Yours(found.get().openedBy(friend));
    }

    /** What opening an invite's link came to. */
    public sealed interface Opened {
        /** The invite is now the friend's. */
        record Yours(Invite invite) implements Opened {
        }

        /** Someone else opened the link first. */
        record SomeoneElses() implements Opened {
        }

        /** The sender opened their own invite: it stays for the friend. */
        record OwnInvite() implements Opened {
        }

        /** It expired, was used, or never was. */
        record Gone() implements Opened {
        }
    }

    /** The invites {@code friend} opened that are still open: the caller delivers each, then {@link #take}s it. */
    List<Invite> openedBy(User friend) {
        return store.invitesOpenedBy(friend.address()).stream()
                .filter(invite -> invite.expiresAt().isAfter(clock.instant())).toList();
    }

    /** Ends {@code invite}: true for the one caller that ended it. */
    boolean take(Invite invite) {
        return store.takeInvite(invite.token());
    }

    /** Invites whose time is up, each taken from the store once: the caller tells their senders. */
    List<Invite> takeExpired(int limit) {
        return store.invitesExpiredBy(clock.instant(), limit).stream()
                .filter(invite -> store.takeInvite(invite.token())).toList();
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
