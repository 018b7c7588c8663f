package app.sendsongs.core.user;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.ListeningSources;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.PersonNotAllowedException;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs calls on a person's listening connection through the source of its kind: the stored connection while it is
 * fresh, a refreshed one (stored, with a rotated refresh token) shortly before it expires. A connection the source
 * refuses for good, whether on refresh or on the call itself, marks the person as needing to reconnect and tells
 * them once. A Spotify grant nearing its six months gets one reminder to reconnect before it ends.
 */
public final class ListeningAccess {
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);
    /** A call planned for a moment runs a little after it, when the scheduler next looks. */
    private static final Duration SCHEDULER_SLACK = Duration.ofMinutes(1);
    /** How long before a Spotify grant's end the person is reminded to reconnect. */
    public static final Duration REMIND_BEFORE_GRANT_ENDS = Duration.ofDays(3);

    private final ListeningSources sources;
    private final UserStore users;
    private final Outbox outbox;
    private final PersonalLinks links;
    private final Clock clock;

    public ListeningAccess(ListeningSources sources, UserStore users, Outbox outbox, PersonalLinks links,
                           Clock clock) {
        this.sources = sources;
        this.users = users;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** A call that needs a person's fresh connection, on the source of its kind. */
    @FunctionalInterface
    public interface SourceCall<T> {
        T call(ListeningSource source, ListeningConnection connection) throws MusicServiceException;
    }

    /**
     * Runs {@code call} with the person's connection. If the source rejects a connection that should still work,
     * refreshes once and runs the call again.
     *
     * @throws GrantRevokedException when the person must reconnect (already told)
     * @throws MusicServiceException when the source could not answer now
     */
    public <T> T withConnection(User user, SourceCall<T> call) throws MusicServiceException {
        if (user.needsReconnect()) {
            throw new GrantRevokedException("the " + user.connection().kind().displayName() + " connection has ended");
        }
        ListeningSource source = sourceFor(user);
        try {
            if (!user.connection().readable()) {
                throw new GrantRevokedException("the stored " + user.connection().kind().displayName()
                        + " connection cannot be opened with this server's key");
            }
            try {
                return call.call(source, freshConnection(source, user));
            } catch (AccessTokenRejectedException rejected) {
                User current = users.findUser(user.address()).orElse(user);
                return call.call(source, refresh(source, current));
            }
        } catch (GrantRevokedException revoked) {
            markDisconnected(users.findUser(user.address()).orElse(user));
            throw revoked;
        } catch (PersonNotAllowedException notAllowed) {
            markNotServed(users.findUser(user.address()).orElse(user));
            throw notAllowed;
        }
    }

    /**
     * Until when a call on {@code connection} runs without refreshing it, with a minute to spare for the scheduler;
     * empty for a connection that never needs a refresh.
     */
    public Optional<Instant> servesUntil(ListeningConnection connection) {
        return connection.accessTokenExpiry().map(expiry -> expiry.minus(EXPIRY_MARGIN).minus(SCHEDULER_SLACK));
    }

    private ListeningConnection freshConnection(ListeningSource source, User user) throws MusicServiceException {
        User current = remindIfGrantEndsSoon(user);
        if (!source.needsRefresh(current.connection(), clock.instant(), EXPIRY_MARGIN)) {
            return current.connection();
        }
        return refresh(source, current);
    }

    private ListeningSource sourceFor(User user) throws MusicServiceException {
        return sources.find(user.connection().kind()).orElseThrow(() -> new MusicServiceException(
                "no listening source of kind " + user.connection().kind() + " is configured", Optional.empty()));
    }

    private ListeningConnection refresh(ListeningSource source, User user) throws MusicServiceException {
        ListeningConnection fresh = source.refresh(user.connection());
        users.saveUser(user.withRefreshedConnection(fresh));
        return fresh;
    }

    /**
     * When the person is due the reminder that their Spotify grant ends, a few days before it does; empty when none is
     * to come (another source, a grant whose consent time is unknown, or one they were told of or that ended).
     */
    public static Optional<Instant> grantReminderAt(User user) {
        if (user.grantState() != GrantState.ACTIVE || !(user.connection() instanceof SpotifyConnection spotify)) {
            return Optional.empty();
        }
        return spotify.grantEndsAt().map(ends -> ends.minus(REMIND_BEFORE_GRANT_ENDS));
    }

    /**
     * Once per consent: a reminder a few days before Spotify ends a grant, with the person's own link. Answers the
     * person as stored after it, so what follows (a refresh) does not write back the state before it. Made by the
     * person's listen check, whether or not it has songs to read for: one is planned for the reminder's time.
     */
    public User remindIfGrantEndsSoon(User user) {
        Optional<Instant> remindAt = grantReminderAt(user);
        if (remindAt.isEmpty() || clock.instant().isBefore(remindAt.get())) {
            return user;
        }
        SpotifyConnection grant = (SpotifyConnection) user.connection();
        Instant ends = grant.grantEndsAt().orElseThrow();
        if (!clock.instant().isBefore(ends)) {
            return user; // over already: the next read tells them it ended
        }
        User current = users.findUser(user.address()).orElse(user);
        if (current.grantState() != GrantState.ACTIVE) {
            return current;
        }
        User told = current.withGrantState(GrantState.ENDING_SOON_TOLD);
        users.saveUser(told);
        outbox.notifyOnce(reminderId(user.address(), grant), user.address(), Message.text("Your Spotify connection "
                + RelativeTime.markEnds(ends)
                // "Reconnect now": the notice may wait for the person to write until after the end it names
                + ": Spotify asks everyone to allow apps again every six months. Reconnect now and I'll go on "
                + "watching the songs friends send you. Your own link " + heldLink(user, SourceKind.SPOTIFY))
                .withChoices(List.of(
                new Choice("Reconnect Spotify", SourceChoices.of(SourceKind.SPOTIFY).payload()))), List.of());
        return told;
    }

    /** The id the reminder that a grant ends is held under: one per consent. */
    private static String reminderId(ChatAddress person, SpotifyConnection grant) {
        return StableIds.of("spotify grant ends", person.key(), String.valueOf(grant.consentedAt()));
    }

    /**
     * "(it works once, within 14 days): <link>". These notices come unasked, so they may wait for the person to write
     * (the 24-hour rule) as long as the outbox holds a message: their link works that long, not a day from now.
     */
    private String heldLink(User user, SourceKind kind) {
        Duration lifetime = outbox.holdLimit();
        return "(it works once, within " + Texts.duration(lifetime) + "): " + links.url(user.address(), kind, lifetime);
    }

    /**
     * The source stopped serving the person (a development-mode Spotify app's owner dropped them from its users):
     * reading again does not help, another source does. As for an ended grant, they are told once and their watching
     * waits for them, with the other services to tap; their own link back is left out, as the app would refuse it.
     */
    private void markNotServed(User user) {
        if (user.needsReconnect()) {
            return;
        }
        SourceKind kind = user.connection().kind();
        users.saveUser(user.withGrantState(GrantState.NEEDS_RECONNECT));
        outbox.notify(user.address(), Message.text(kind.displayName() + " no longer lets me see what you play: this "
                + "server's " + kind.displayName() + " app is in development mode, where " + kind.displayName()
                + " lets an app serve only 5 people, each added by its owner, and you're not among them now. So I can't "
                + "see whether you play the songs friends sent you. Another service can see what you play on "
                + kind.displayName() + ": tap one to switch to it, and I'll watch for those songs there.")
                .withChoices(SourceChoices.of(sources.kinds().stream().filter(other -> other != kind).toList())));
    }

    /**
     * What may have ended a connection, in the person's words for their source: only a Spotify grant gets too old (six
     * months); a Last.fm session key lasts until the app is removed, and ListenBrainz refuses only a name it no longer
     * knows.
     */
    private static String whyEnded(SourceKind kind) {
        return switch (kind) {
            case SPOTIFY -> "it was revoked or is too old";
            case LASTFM -> "Last.fm refused it: Send Songs may have been removed from your Last.fm apps, or your "
                    + "account renamed or made private";
            case LISTENBRAINZ -> "ListenBrainz no longer finds your account, perhaps renamed or deleted";
        };
    }

    private void markDisconnected(User user) {
        if (user.needsReconnect()) {
            return;
        }
        SourceKind kind = user.connection().kind();
        users.saveUser(user.withGrantState(GrantState.NEEDS_RECONNECT));
        if (user.connection() instanceof SpotifyConnection grant) {
            // a reminder that it ends, still held (the person has not written since), is moot now: one notice, one link
            outbox.withdraw(user.address(), List.of(reminderId(user.address(), grant)));
        }
        outbox.notify(user.address(), Message.text("Your " + kind.displayName() + " connection has ended ("
                + whyEnded(kind) + "), so I can't see whether you play the songs friends sent you. Reconnect "
                + "with your own link " + heldLink(user, kind) + " — I'll pick up where I left off. Or tap another service to switch "
                + "to it.")
                .withChoices(SourceChoices.of(sources.kinds())));
    }
}
