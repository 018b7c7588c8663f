package app.sendsongs.store.sqlite;

import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import java.sql.SQLException;
import java.util.Optional;

/** OAuth states and registration codes: saved once, taken (deleted and returned) at most once. */
final class RegistrationTables {
    private RegistrationTables() {
    }

    static void saveState(Session s, OAuthState state) throws SQLException {
        s.update("INSERT INTO oauth_states (state, expires_at) VALUES (?, ?) "
                + "ON CONFLICT (state) DO UPDATE SET expires_at = excluded.expires_at", state.state(), state.expiresAt());
    }

    /** One DELETE ... RETURNING: of two concurrent takers only one deletes the row. */
    static Optional<OAuthState> takeState(Session s, String state) throws SQLException {
        return s.queryOne("DELETE FROM oauth_states WHERE state = ? RETURNING state, expires_at",
                rs -> new OAuthState(rs.getString("state"), Codec.instant(rs, "expires_at")), state);
    }

    static void saveCode(Session s, RegistrationCode code) throws SQLException {
        s.update("INSERT INTO registration_codes (code, spotify_account_id, access_token, access_token_expires_at, "
                        + "refresh_token, expires_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO UPDATE SET spotify_account_id = excluded.spotify_account_id, "
                        + "access_token = excluded.access_token, "
                        + "access_token_expires_at = excluded.access_token_expires_at, "
                        + "refresh_token = excluded.refresh_token, expires_at = excluded.expires_at",
                code.code(), Codec.accountId(code.connection()), Codec.accessToken(code.connection()),
                Codec.accessTokenExpiresAt(code.connection()), Codec.refreshToken(code.connection()), code.expiresAt());
    }

    static Optional<RegistrationCode> takeCode(Session s, String code) throws SQLException {
        return s.queryOne("DELETE FROM registration_codes WHERE code = ? RETURNING code, spotify_account_id, "
                        + "access_token, access_token_expires_at, refresh_token, expires_at",
                rs -> new RegistrationCode(rs.getString("code"), Codec.connection(rs), Codec.instant(rs, "expires_at")), code);
    }
}
