package app.sendsongs.modulefixture.messenger;

import app.sendsongs.modulefixture.spotify.SpotifyPart;

/** An adapter that uses another adapter: what ModuleRules forbids. */
public final class MessengerPart {
    public SpotifyPart other() {
        return new SpotifyPart();
    }
}
