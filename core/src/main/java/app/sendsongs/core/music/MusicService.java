package app.sendsongs.core.music;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Port: the music service (Spotify) as the core needs it. */
public interface MusicService {

    /** The consent page a person is sent to; {@code state} comes back on the callback. */
    URI authorizeUrl(String state);

    /** Exchanges the code from the consent callback for tokens. */
    SpotifyGrant exchangeCode(String code) throws MusicServiceException;

    /**
     * Gets a fresh access token. The returned grant carries the new refresh token when the
     * service rotated it, the old one otherwise.
     *
     * @throws GrantRevokedException when the person must connect again
     */
    SpotifyGrant refresh(String refreshToken) throws MusicServiceException;

    /** The account id of the person behind an access token. */
    String accountId(String accessToken) throws MusicServiceException;

    /** Looks a track up; empty when it does not exist. */
    Optional<Track> track(TrackId id, String accessToken) throws MusicServiceException;

    /** The most recent plays strictly after {@code after}, at most one page. */
    RecentPlays recentlyPlayed(String accessToken, Instant after) throws MusicServiceException;
}
