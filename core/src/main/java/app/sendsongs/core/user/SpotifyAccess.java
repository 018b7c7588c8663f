package app.sendsongs.core.user;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicService;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.SpotifyGrant;
import app.sendsongs.core.registration.ConnectLink;
import java.time.Clock;
import java.time.Duration;

/**
 * Hands out a working access token for a person: the stored one while it is valid, a refreshed
 * one (stored, with a rotated refresh token) shortly before it expires. A dead grant marks the
 * person as needing to reconnect and tells them once.
 */
public final class SpotifyAccess {
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

    private final MusicService music;
    private final UserStore users;
    private final Outbox outbox;
    private final ConnectLink connectLink;
    private final Clock clock;

    public SpotifyAccess(MusicService music, UserStore users, Outbox outbox, ConnectLink connectLink, Clock clock) {
        this.music = music;
        this.users = users;
        this.outbox = outbox;
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /** A call that needs a person's access token. */
    @FunctionalInterface
    public interface TokenCall<T> {
        T call(String accessToken) throws MusicServiceException;
    }

    /**
     * Runs {@code call} with the person's access token. If Spotify rejects a token that should
     * still be valid, refreshes once and runs the call again.
     *
     * @throws GrantRevokedException when the person must reconnect (already told)
     * @throws MusicServiceException when Spotify could not answer now
     */
    public <T> T withToken(User user, TokenCall<T> call) throws MusicServiceException {
        try {
            return call.call(accessToken(user));
        } catch (AccessTokenRejectedException rejected) {
            User current = users.findUser(user.psid()).orElse(user);
            return call.call(refresh(current));
        }
    }

    /**
     * @throws GrantRevokedException when the person must reconnect (already told)
     * @throws MusicServiceException when Spotify could not refresh now
     */
    public String accessToken(User user) throws MusicServiceException {
        if (user.needsReconnect()) {
            throw new GrantRevokedException("the Spotify connection has ended");
        }
        if (user.grant().accessTokenValidAt(clock.instant(), EXPIRY_MARGIN)) {
            return user.grant().accessToken();
        }
        return refresh(user);
    }

    private String refresh(User user) throws MusicServiceException {
        try {
            SpotifyGrant fresh = music.refresh(user.grant().refreshToken());
            users.saveUser(user.withGrant(fresh));
            return fresh.accessToken();
        } catch (GrantRevokedException revoked) {
            markDisconnected(user);
            throw revoked;
        }
    }

    private void markDisconnected(User user) {
        users.saveUser(user.withGrantState(GrantState.NEEDS_RECONNECT));
        outbox.notify(user.psid(), "Your Spotify connection has ended (it was revoked or is too old), so I've "
                + "paused watching the songs friends sent you. Reconnect here: " + connectLink.url()
                + " — then send me the register command shown on that page; I'll pick up where I left off.");
    }
}
