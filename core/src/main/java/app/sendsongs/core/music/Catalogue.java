package app.sendsongs.core.music;

import java.util.Optional;

/**
 * Port: the app's music catalogue, looked up with the app's own credentials. Nobody's personal
 * connection is involved, so a sender whose own listening connection has ended can still send.
 */
public interface Catalogue {

    /** The track behind an id; empty when it does not exist. */
    Optional<Track> track(TrackId id) throws MusicServiceException;
}
