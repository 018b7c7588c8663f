package app.sendsongs.core.user;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ConnectLink;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs calls on a person's listening connection through the source of its kind: the stored
 * connection while it is fresh, a refreshed one (stored, with a rotated refresh token) shortly
 * before it expires. A dead grant marks the person as needing to reconnect and tells them once.
 */
public final class ListeningAccess {
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

    private final Map<SourceKind, ListeningSource> sources;
    private final UserStore users;
    private final Outbox outbox;
    private final ConnectLink connectLink;
    private final Clock clock;

    public ListeningAccess(Iterable<? extends ListeningSource> sources, UserStore users, Outbox outbox,
                           ConnectLink connectLink, Clock clock) {
        this.sources = new EnumMap<>(SourceKind.class);
        for (ListeningSource source : sources) {
            if (this.sources.put(source.kind(), source) != null) {
                throw new IllegalArgumentException("two listening sources of kind " + source.kind());
            }
        }
        this.users = users;
        this.outbox = outbox;
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /** A call that needs a person's fresh connection, on the source of its kind. */
    @FunctionalInterface
    public interface SourceCall<T> {
        T call(ListeningSource source, ListeningConnection connection) throws MusicServiceException;
    }

    /**
     * Runs {@code call} with the person's connection. If the source rejects a connection that should
     * still work, refreshes once and runs the call again.
     *
     * @throws GrantRevokedException when the person must reconnect (already told)
     * @throws MusicServiceException when the source could not answer now
     */
    public <T> T withConnection(User user, SourceCall<T> call) throws MusicServiceException {
        ListeningSource source = sourceFor(user);
        try {
            return call.call(source, freshConnection(user));
        } catch (AccessTokenRejectedException rejected) {
            User current = users.findUser(user.address()).orElse(user);
            return call.call(source, refresh(source, current));
        }
    }

    /**
     * @throws GrantRevokedException when the person must reconnect (already told)
     * @throws MusicServiceException when the source could not refresh now
     */
    public ListeningConnection freshConnection(User user) throws MusicServiceException {
        if (user.needsReconnect()) {
            throw new GrantRevokedException("the " + user.connection().kind().displayName()
                    + " connection has ended");
        }
        ListeningSource source = sourceFor(user);
        if (!source.needsRefresh(user.connection(), clock.instant(), EXPIRY_MARGIN)) {
            return user.connection();
        }
        return refresh(source, user);
    }

    private ListeningSource sourceFor(User user) throws MusicServiceException {
        ListeningSource source = sources.get(user.connection().kind());
        if (source == null) {
            throw new MusicServiceException("no listening source of kind " + user.connection().kind()
                    + " is configured", Optional.empty());
        }
        return source;
    }

    private ListeningConnection refresh(ListeningSource source, User user) throws MusicServiceException {
        try {
            ListeningConnection fresh = source.refresh(user.connection());
            users.saveUser(user.withConnection(fresh));
            return fresh;
        } catch (GrantRevokedException revoked) {
            markDisconnected(user);
            throw revoked;
        }
    }

    private void markDisconnected(User user) {
        String service = user.connection().kind().displayName();
        users.saveUser(user.withGrantState(GrantState.NEEDS_RECONNECT));
        outbox.notify(user.address(), Message.text("Your " + service + " connection has ended (it was revoked or is "
                + "too old), so I've paused watching the songs friends sent you. Reconnect here: " + connectLink.url()
                + " — then send me the register command shown on that page; I'll pick up where I left off."));
    }
}
