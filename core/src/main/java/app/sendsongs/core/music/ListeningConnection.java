package app.sendsongs.core.music;

import java.time.Instant;
import java.util.Optional;

/**
 * A person's one connection to the service their listening history comes from. Each source kind
 * has its own record, holding what that source needs to read the history; {@code toString} never
 * shows a secret.
 */
public sealed interface ListeningConnection permits SpotifyConnection, LastfmConnection, ListenBrainzConnection {

    /**
     * What a store reads in place of a token or secret it cannot open (sealed with another {@code TOKEN_ENCRYPTION_KEY},
     * or altered): the person is asked to connect again when the connection is next needed.
     */
    String UNREADABLE_SECRET = "(unreadable: sealed with another key)";

    SourceKind kind();

    /** False when a store could not open one of the connection's secrets ({@link #UNREADABLE_SECRET}). */
    default boolean readable() {
        return switch (this) {
            case SpotifyConnection c -> !UNREADABLE_SECRET.equals(c.accessToken())
                    && !UNREADABLE_SECRET.equals(c.refreshToken());
            case LastfmConnection c -> !UNREADABLE_SECRET.equals(c.sessionKey());
            case ListenBrainzConnection c -> !UNREADABLE_SECRET.equals(c.userToken());
        };
    }

    /** The person's account id at the source, as people can recognise it. */
    String accountId();

    /** When the access token in hand expires; empty for a connection whose credentials do not expire. */
    default Optional<Instant> accessTokenExpiry() {
        return Optional.empty();
    }
}
