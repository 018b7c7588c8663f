package app.sendsongs.core.music;

/** The kinds of service a person's listening history can come from. */
public enum SourceKind {
    SPOTIFY("Spotify"),
    LASTFM("Last.fm"),
    LISTENBRAINZ("ListenBrainz");

    private final String displayName;

    SourceKind(String displayName) {
        this.displayName = displayName;
    }

    /** The service's name as people read it in a message. */
    public String displayName() {
        return displayName;
    }
}
