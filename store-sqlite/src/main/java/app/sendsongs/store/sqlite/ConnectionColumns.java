package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A listening connection in the columns {@code users} and {@code registration_codes} share (schema version 6):
 * {@code source} names its kind; a Spotify connection keeps the columns it always had ({@code spotify_account_id},
 * the tokens, their expiry) and {@code consented_at}; a Last.fm or ListenBrainz one {@code source_user} and
 * {@code source_secret}. The secrets are sealed before they get here (see {@link TokenSeal}).
 */
final class ConnectionColumns {
    /** The columns, in the order of {@link #values}. */
    static final String NAMES = "source, spotify_account_id, access_token, access_token_expires_at, refresh_token, "
            + "consented_at, source_user, source_secret";
    /** As many placeholders as {@link #NAMES}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?";
    /** {@code col = excluded.col} for each, for an upsert. */
    static final String UPDATE_ALL = Arrays.stream(NAMES.split(", ")).map(col -> col + " = excluded." + col)
            .reduce((a, b) -> a + ", " + b).orElseThrow();

    private ConnectionColumns() {
    }

    /** The values of {@link #NAMES} for a connection (already sealed). */
    static Object[] values(ListeningConnection connection) {
        return switch (connection) {
            case SpotifyConnection c -> new Object[] {SourceKind.SPOTIFY.id(), c.accountId(), c.accessToken(),
                c.accessTokenExpiresAt(), c.refreshToken(), c.consentedAt(), null, null};
            case LastfmConnection c -> scrobbling(SourceKind.LASTFM, c.userName(), c.sessionKey());
            case ListenBrainzConnection c -> scrobbling(SourceKind.LISTENBRAINZ, c.userName(), c.userToken());
        };
    }

    private static Object[] scrobbling(SourceKind kind, String user, String secret) {
        return new Object[] {kind.id(), null, null, null, null, null, user, secret};
    }

    /** The connection in the current row (still sealed). */
    static ListeningConnection read(ResultSet rs) throws SQLException {
        String source = rs.getString("source");
        SourceKind kind = SourceKind.named(source).orElseThrow(() -> new SqliteStoreException(
                "a stored connection is of an unknown source: " + source));
        return switch (kind) {
            case SPOTIFY -> new SpotifyConnection(rs.getString("spotify_account_id"), rs.getString("access_token"),
                    Codec.instant(rs, "access_token_expires_at"), rs.getString("refresh_token"),
                    Codec.instant(rs, "consented_at"));
            case LASTFM -> new LastfmConnection(rs.getString("source_user"), rs.getString("source_secret"));
            case LISTENBRAINZ -> new ListenBrainzConnection(rs.getString("source_user"),
                    rs.getString("source_secret"));
        };
    }
}
