package app.sendsongs.store.sqlite;

import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Single-use values already used ({@code oauth_states}: connect states and personal links, each one conditional
 * insert) and registration codes ({@code registration_codes}: saved once, taken at most once, each take one
 * {@code DELETE ... RETURNING}, so of two concurrent takers only one deletes the row).
 */
final class SqliteRegistrations implements RegistrationStore {
    private final Database db;
    private final TokenSeal seal;

    SqliteRegistrations(Database db, TokenSeal seal) {
        this.db = db;
        this.seal = seal;
    }

    @Override
    public boolean useOnce(String value, Instant keepUntil) {
        return db.write(s -> s.update("INSERT INTO oauth_states (state, expires_at) VALUES (?, ?) "
                + "ON CONFLICT (state) DO NOTHING", value, keepUntil)) == 1;
    }

    @Override
    public boolean wasUsed(String value) {
        return db.read(s -> s.queryOne("SELECT 1 FROM oauth_states WHERE state = ?", rs -> true, value)).isPresent();
    }

    @Override
    public void saveRegistrationCode(RegistrationCode code) {
        List<Object> values = new ArrayList<>(List.of(code.code()));
        values.addAll(Arrays.asList(ConnectionColumns.values(seal.sealed(code.connection()))));
        values.add(code.expiresAt());
        db.write(s -> s.update("INSERT INTO registration_codes (code, " + ConnectionColumns.NAMES + ", expires_at) "
                        + "VALUES (?, " + ConnectionColumns.PLACEHOLDERS + ", ?) "
                        + "ON CONFLICT (code) DO UPDATE SET " + ConnectionColumns.UPDATE_ALL
                        + ", expires_at = excluded.expires_at",
                values.toArray()));
    }

    @Override
    public Optional<RegistrationCode> takeRegistrationCode(String code) {
        return db.write(s -> s.queryOne("DELETE FROM registration_codes WHERE code = ? RETURNING code, "
                        + ConnectionColumns.NAMES + ", expires_at",
                rs -> new RegistrationCode(rs.getString("code"), seal.opened(ConnectionColumns.read(rs)),
                        Codec.instant(rs, "expires_at")), code));
    }
}
