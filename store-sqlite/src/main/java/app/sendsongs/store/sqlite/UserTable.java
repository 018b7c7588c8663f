package app.sendsongs.store.sqlite;

import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered people; found by PSID or by {@link Names#key name key}. */
final class UserTable {
    private static final String COLUMNS = "psid, name, spotify_account_id, access_token, access_token_expires_at, "
            + "refresh_token, grant_state, registered_at, last_message_at";

    private UserTable() {
    }

    static Optional<User> find(Session s, String psid) throws SQLException {
        return s.queryOne("SELECT " + COLUMNS + " FROM users WHERE psid = ?", UserTable::user, psid);
    }

    static List<User> findByName(Session s, String name) throws SQLException {
        return s.query("SELECT " + COLUMNS + " FROM users WHERE name_key = ? ORDER BY registered_at, psid",
                UserTable::user, Names.key(name));
    }

    static void save(Session s, User u) throws SQLException {
        s.update("INSERT INTO users (psid, name, name_key, spotify_account_id, access_token, access_token_expires_at, "
                        + "refresh_token, grant_state, registered_at, last_message_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (psid) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, "
                        + "spotify_account_id = excluded.spotify_account_id, access_token = excluded.access_token, "
                        + "access_token_expires_at = excluded.access_token_expires_at, "
                        + "refresh_token = excluded.refresh_token, grant_state = excluded.grant_state, "
                        + "registered_at = excluded.registered_at, last_message_at = excluded.last_message_at",
                u.psid(), u.name(), u.nameKey(), Codec.accountId(u.connection()), Codec.accessToken(u.connection()),
                Codec.accessTokenExpiresAt(u.connection()), Codec.refreshToken(u.connection()),
                u.grantState() == null ? null : u.grantState().name(), u.registeredAt(), u.lastMessageAt());
    }

    static void saveLastMessageAt(Session s, String psid, Instant at) throws SQLException {
        s.update("UPDATE users SET last_message_at = ? WHERE psid = ?", at, psid);
    }

    static void delete(Session s, String psid) throws SQLException {
        s.update("DELETE FROM users WHERE psid = ?", psid);
    }

    private static User user(ResultSet rs) throws SQLException {
        String state = rs.getString("grant_state");
        return new User(rs.getString("psid"), rs.getString("name"), Codec.connection(rs), state == null ? null : GrantState.valueOf(state),
                Codec.instant(rs, "registered_at"), Codec.instant(rs, "last_message_at"));
    }
}
