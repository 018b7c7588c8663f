package app.sendsongs.core.share;

import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.ShortLinks;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import java.util.Optional;

/**
 * Checks a shared track in the catalogue before anything is delivered, following a short link to its track first.
 * The catalogue answers with the app's own credentials, so the sender's own listening connection plays no part.
 */
public final class TrackLookup {
    private final Catalogue catalogue;
    private final ShortLinks shortLinks;

    public TrackLookup(Catalogue catalogue, ShortLinks shortLinks) {
        this.catalogue = catalogue;
        this.shortLinks = shortLinks;
    }

    /** The track, or the reply that says why it cannot be sent. */
    public sealed interface Result {
        record Found(Track track) implements Result {
        }

        record Refused(String reply) implements Result {
        }
    }

    public Result find(SongLink song) {
        return switch (song) {
            case SongLink.Track(TrackId id) -> find(id);
            case SongLink.Short link -> followed(link);
        };
    }

    public Result find(TrackId id) {
        try {
            Optional<Track> found = catalogue.track(id);
            return found.<Result>map(Result.Found::new).orElseGet(() -> new Result.Refused(
                    "I couldn't find that track on Spotify. Check the link and try again."));
        } catch (MusicServiceException e) {
            return spotifyDown();
        }
    }

    private Result followed(SongLink.Short link) {
        try {
            return shortLinks.track(link).map(this::find).orElseGet(() -> new Result.Refused(
                    "That spotify.link link doesn't lead to a song. Open it in Spotify and share the song itself."));
        } catch (MusicServiceException e) {
            return spotifyDown();
        }
    }

    private static Result spotifyDown() {
        return new Result.Refused("Spotify isn't answering right now, so I couldn't check the song. Nothing was "
                + "sent; please try again in a minute.");
    }
}
