package app.sendsongs.core.registration;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSources;
import app.sendsongs.core.music.MusicServiceException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One look at the newest plays of someone who has just connected a source that keeps every play (Last.fm,
 * ListenBrainz). None at all means nothing reaches that history yet, most often because Spotify is not linked to it,
 * and then no song sent to them could ever be seen played: they are told how to get their plays there. Spotify's
 * window is only the last plays, empty after a quiet while, so it says nothing there. A read that fails says nothing.
 */
final class SourceCheck {
    static final String NOTHING_ON_LASTFM = "I see no scrobbles on your Last.fm yet, so I can't see what you play. "
            + "If you listen on Spotify, connect it on Last.fm (Settings → Applications → Spotify Scrobbling): what "
            + "you play from then on reaches me.";
    static final String NOTHING_ON_LISTENBRAINZ = "I see no listens on your ListenBrainz yet, so I can't see what "
            + "you play. If you listen on Spotify, connect it on https://listenbrainz.org/settings/music-services/details/ "
            + "so that ListenBrainz imports what you play.";
    private static final Logger LOG = Logger.getLogger(SourceCheck.class.getName());

    private final ListeningSources sources;

    SourceCheck(ListeningSources sources) {
        this.sources = sources;
    }

    /** What to tell someone who just connected {@code connection}, when its history holds no play at all. */
    Optional<String> nothingPlayed(ListeningConnection connection) {
        String hint = switch (connection.kind()) {
            case SPOTIFY -> null;
            case LASTFM -> NOTHING_ON_LASTFM;
            case LISTENBRAINZ -> NOTHING_ON_LISTENBRAINZ;
        };
        if (hint == null || sources.find(connection.kind()).isEmpty()) {
            return Optional.empty();
        }
        try {
            boolean empty = sources.find(connection.kind()).get().recentPlays(connection, Instant.EPOCH).plays()
                    .isEmpty();
            return empty ? Optional.of(hint) : Optional.empty();
        } catch (MusicServiceException e) {
            LOG.log(Level.INFO, "{0} history of a new connection could not be read: {1}",
                    new Object[] {connection.kind(), e.getMessage()});
            return Optional.empty();
        }
    }
}
