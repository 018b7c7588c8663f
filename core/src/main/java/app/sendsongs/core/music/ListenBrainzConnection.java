package app.sendsongs.core.music;

/**
 * A ListenBrainz account: its user name and the user token the person pasted from their settings
 * page (checked with {@code validate-token} when they connected). The token does not expire; the
 * person can reset it. {@link #toString()} never shows the token.
 */
public record ListenBrainzConnection(String userName, String userToken) implements ListeningConnection {

    public ListenBrainzConnection {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("a ListenBrainz connection needs the user name");
        }
        if (userToken == null || userToken.isBlank()) {
            throw new IllegalArgumentException("a ListenBrainz connection needs the user token");
        }
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LISTENBRAINZ;
    }

    @Override
    public String accountId() {
        return userName;
    }

    @Override
    public String toString() {
        return "ListenBrainzConnection[user=" + userName + ", userToken=<redacted>]";
    }
}
