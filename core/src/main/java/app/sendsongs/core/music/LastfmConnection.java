package app.sendsongs.core.music;

/**
 * A Last.fm web service session: the person's Last.fm user name and the session key from
 * {@code auth.getSession}. The key does not expire; it ends only when the person revokes the app.
 * {@link #toString()} never shows the key.
 */
public record LastfmConnection(String userName, String sessionKey) implements ListeningConnection {

    public LastfmConnection {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("a Last.fm connection needs the user name");
        }
        if (sessionKey == null || sessionKey.isBlank()) {
            throw new IllegalArgumentException("a Last.fm connection needs the session key");
        }
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LASTFM;
    }

    @Override
    public String accountId() {
        return userName;
    }

    @Override
    public String toString() {
        return "LastfmConnection[user=" + userName + ", sessionKey=<redacted>]";
    }
}
