package app.sendsongs.core.music;

import java.util.Optional;

/**
 * Port: Spotify's short links ({@code https://spotify.link/<code>}), resolved by following their redirect to the
 * track link they stand for.
 */
public interface ShortLinks {

    /**
     * The track the short link leads to; empty when it leads nowhere or to something that is not a track (an
     * album, a playlist, Spotify's home page for an unknown code).
     *
     * @throws MusicServiceException when the link could not be followed now
     */
    Optional<TrackId> track(SongLink.Short link) throws MusicServiceException;
}
