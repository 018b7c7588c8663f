package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered people, in {@code users}: found by address or by {@link Names#key name key}. */
final class SqliteUsers implements UserStore {
    private static final String SELECT = "SELECT address, name, spotify_account_id, access_token, "
            + "access_token_expires_at, refresh_token, grant_state, registered_at, last_message_at FROM users ";

    private final Database db;
    private final TokenSeal seal;

    SqliteUsers(Database db, TokenSeal seal) {
        this.db = db;
        this.seal = seal;
    }

    @Override
    public Optional<User> findUser(ChatAddress address) {
        return db.read(s -> s.queryOne(SELECT + "WHERE address = ?", this::user, address));
    }

    @Override
    public List<User> findUsersByName(String name) {
        return db.read(s -> s.query(SELECT + "WHERE name_key = ? ORDER BY registered_at, address", this::user,
                Names.key(name)));
    }

    @Override
    public void saveUser(User u) {
        ListeningConnection connection = seal.sealed(u.connection());
        db.write(s -> s.update("INSERT INTO users (address, name, name_key, spotify_account_id, access_token, "
                        + "access_token_expires_at, refresh_token, grant_state, registered_at, last_message_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (address) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, "
                        + "spotify_account_id = excluded.spotify_account_id, access_token = excluded.access_token, "
                        + "access_token_expires_at = excluded.access_token_expires_at, "
                        + "refresh_token = excluded.refresh_token, grant_state = excluded.grant_state, "
                        + "registered_at = excluded.registered_at, last_message_at = excluded.last_message_at",
                u.address(), u.name(), u.nameKey(), Codec.accountId(connection), Codec.accessToken(connection),
                Codec.accessTokenExpiresAt(connection), Codec.refreshToken(connection),
                u.grantState() == null ? null : u.grantState().name(), u.registeredAt(), u.lastMessageAt()));
    }

    @Override
    public void saveLastMessageAt(ChatAddress address, Instant at) {
        db.write(s -> s.update("UPDATE users SET last_message_at = ? WHERE address = ?", at, address));
    }

    @Override
    public void deleteUser(ChatAddress address) {
        db.write(s -> delete(s, address));
    }

    static int delete(Session s, ChatAddress address) throws SQLException {
        return s.update("DELETE FROM users WHERE address = ?", address);
    }

    private User user(ResultSet rs) throws SQLException {
        String state = rs.getString("grant_state");
        return new User(Codec.address(rs, "address"), rs.getString("name"), seal.opened(Codec.connection(rs)),
                state == null ? null : GrantState.valueOf(state), Codec.instant(rs, "registered_at"),
                Codec.instant(rs, "last_message_at"));
    }
}
