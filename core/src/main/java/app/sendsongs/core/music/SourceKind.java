package app.sendsongs.core.music;

import java.util.Locale;
import java.util.Optional;

/** The kinds of service a person's listening history can come from. */
public enum SourceKind {
    /** Keeps only a person's last 50 plays: a check reads that whole window. Consent on Spotify's page. */
    SPOTIFY("Spotify", true, false),
    /** Keeps every scrobble: a check reads from where the last one stopped. Consent on Last.fm's page. */
    LASTFM("Last.fm", false, false),
    /**
     * Keeps every listen: a check reads from where the last one stopped. No consent page: the person pastes their
     * user token on the app's own page.
     */
    LISTENBRAINZ("ListenBrainz", false, true);

    private final String displayName;
    private final boolean recentWindowOnly;
    private final boolean pastedToken;

    SourceKind(String displayName, boolean recentWindowOnly, boolean pastedToken) {
        this.displayName = displayName;
        this.recentWindowOnly = recentWindowOnly;
        this.pastedToken = pastedToken;
    }

    /** The service's name as people read it in a message. */
    public String displayName() {
        return displayName;
    }

    /**
     * The short lower-case name in paths and commands: {@code spotify}, {@code lastfm},
     * {@code listenbrainz} ({@code /connect/lastfm}, {@code connect lastfm}).
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the source keeps only a short window of recent plays (Spotify's last 50), so a check
     * reads the whole window and paces itself so that nothing falls out of it unseen; false when it
     * keeps the whole history, read from where the last check stopped.
     */
    public boolean keepsOnlyRecentWindow() {
        return recentWindowOnly;
    }

    /**
     * True when the source has no consent page of its own: the person pastes a token on the app's page, so a refused
     * token is answered on that page again rather than by starting over.
     */
    public boolean pastesToken() {
        return pastedToken;
    }

    /** The kind an {@link #id()} (or a name people type: "last.fm", "ListenBrainz") names, if any. */
    public static Optional<SourceKind> named(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "");
        for (SourceKind kind : values()) {
            if (kind.id().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
