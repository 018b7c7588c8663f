package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.util.Optional;

/**
 * OAuth states and registration codes ({@code oauth_states}, {@code registration_codes}): saved once,
 * taken at most once, each take one {@code DELETE ... RETURNING}, so of two concurrent takers only
 * one deletes the row.
 */
final class SqliteRegistrations implements RegistrationStore {
    private final Database db;
    private final TokenSeal seal;

    SqliteRegistrations(Database db, TokenSeal seal) {
        this.db = db;
        this.seal = seal;
    }

    @Override
    public void saveOAuthState(OAuthState state) {
        db.write(s -> s.update("INSERT INTO oauth_states (state, expires_at) VALUES (?, ?) "
                + "ON CONFLICT (state) DO UPDATE SET expires_at = excluded.expires_at", state.state(), state.expiresAt()));
    }

    @Override
    public Optional<OAuthState> takeOAuthState(String state) {
        return db.write(s -> s.queryOne("DELETE FROM oauth_states WHERE state = ? RETURNING state, expires_at",
                rs -> new OAuthState(rs.getString("state"), Codec.instant(rs, "expires_at")), state));
    }

    @Override
    public void saveRegistrationCode(RegistrationCode code) {
        ListeningConnection connection = seal.sealed(code.connection());
        db.write(s -> s.update("INSERT INTO registration_codes (code, spotify_account_id, access_token, "
                        + "access_token_expires_at, refresh_token, expires_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO UPDATE SET spotify_account_id = excluded.spotify_account_id, "
                        + "access_token = excluded.access_token, "
                        + "access_token_expires_at = excluded.access_token_expires_at, "
                        + "refresh_token = excluded.refresh_token, expires_at = excluded.expires_at",
                code.code(), Codec.accountId(connection), Codec.accessToken(connection),
                Codec.accessTokenExpiresAt(connection), Codec.refreshToken(connection), code.expiresAt()));
    }

    @Override
    public Optional<RegistrationCode> takeRegistrationCode(String code) {
        return db.write(s -> s.queryOne("DELETE FROM registration_codes WHERE code = ? RETURNING code, "
                        + "spotify_account_id, access_token, access_token_expires_at, refresh_token, expires_at",
                rs -> new RegistrationCode(rs.getString("code"), seal.opened(Codec.connection(rs)),
                        Codec.instant(rs, "expires_at")), code));
    }
}
