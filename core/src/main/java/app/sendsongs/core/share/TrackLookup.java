package app.sendsongs.core.share;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicService;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.registration.ConnectLink;
import app.sendsongs.core.user.SpotifyAccess;
import app.sendsongs.core.user.User;
import java.util.Optional;

/** Checks a shared track with Spotify, using the sender's token, before anything is delivered. */
public final class TrackLookup {
    private final MusicService music;
    private final SpotifyAccess access;
    private final ConnectLink connectLink;

    public TrackLookup(MusicService music, SpotifyAccess access, ConnectLink connectLink) {
        this.music = music;
        this.access = access;
        this.connectLink = connectLink;
    }

    /** The track, or the reply that says why it cannot be sent. */
    public sealed interface Result {
        record Found(Track track) implements Result {
        }

        record Refused(String reply) implements Result {
        }
    }

    public Result find(User sender, TrackId id) {
        try {
            Optional<Track> found = access.withToken(sender, token -> music.track(id, token));
            return found.<Result>map(Result.Found::new).orElseGet(() -> new Result.Refused(
                    "I couldn't find that track on Spotify. Check the link and try again."));
        } catch (GrantRevokedException e) {
            return new Result.Refused("Your Spotify connection has ended, so I can't look the song up. Reconnect at "
                    + connectLink.url());
        } catch (MusicServiceException e) {
            return new Result.Refused("Spotify isn't answering right now, so I couldn't check the song. Nothing was "
                    + "sent; please try again in a minute.");
        }
    }
}
