package app.sendsongs.core.music;

/**
 * A person's one connection to the service their listening history comes from. Each source kind
 * has its own record, holding what that source needs to read the history; {@code toString} never
 * shows a secret.
 */
public sealed interface ListeningConnection permits SpotifyConnection, LastfmConnection, ListenBrainzConnection {

    SourceKind kind();

    /** The person's account id at the source, as people can recognise it. */
    String accountId();
}
