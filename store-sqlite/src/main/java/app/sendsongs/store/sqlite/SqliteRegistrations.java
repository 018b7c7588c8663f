package app.sendsongs.store.sqlite;

import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Single-use values already used ({@code oauth_states}: connect states and personal links, each one conditional
 * insert) and registration codes ({@code registration_codes}: saved once; claimed by moving the row to the claimant's
 * id, one {@code UPDATE ... RETURNING} of its key, so of two concurrent claimants only one moves it, and the claimant
 * asking again finds it under its id).
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
    public Optional<RegistrationCode> claimRegistrationCode(String code, String claimant) {
        String columns = ConnectionColumns.NAMES + ", expires_at";
        return db.write(s -> {
            Optional<RegistrationCode> moved = s.queryOne("UPDATE registration_codes SET code = ? WHERE code = ? "
                    + "RETURNING " + columns, rs -> read(code, rs), claimant, code);
            return moved.isPresent() ? moved : s.queryOne("SELECT " + columns + " FROM registration_codes "
                    + "WHERE code = ?", rs -> read(code, rs), claimant);
        });
    }

    @Override
    public void dropClaimedCode(String code, String claimant) {
        db.write(s -> s.update("DELETE FROM registration_codes WHERE code = ?", claimant));
    }

    private RegistrationCode read(String code, ResultSet rs) throws SQLException {
        return new RegistrationCode(code, seal.opened(ConnectionColumns.read(rs)), Codec.instant(rs, "expires_at"));
    }
}
