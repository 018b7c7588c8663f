package app.sendsongs.core.music;

import java.time.Instant;
import java.util.Optional;

/**
 * A person's one connection to the service their listening history comes from. Each source kind
 * has its own record, holding what that source needs to read the history; {@code toString} never
 * shows a secret.
 */
public sealed interface ListeningConnection permits SpotifyConnection, LastfmConnection, ListenBrainzConnection {

    SourceKind kind();

    /** The person's account id at the source, as people can recognise it. */
    String accountId();

    /** When the access token in hand expires; empty for a connection whose credentials do not expire. */
    default Optional<Instant> accessTokenExpiry() {
        return Optional.empty();
    }
}
