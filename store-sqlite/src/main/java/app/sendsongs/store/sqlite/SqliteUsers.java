package app.sendsongs.store.sqlite;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Registered people, in {@code users}: found by address or by {@link Names#key name key}. */
final class SqliteUsers implements UserStore {
    private static final String SELECT = "SELECT address, name, " + ConnectionColumns.NAMES + ", grant_state, "
            + "registered_at, last_message_at FROM users ";

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
        Object[] connection = ConnectionColumns.values(seal.sealed(u.connection()));
        List<Object> values = new ArrayList<>(List.of(u.address(), u.name(), u.nameKey()));
        values.addAll(Arrays.asList(connection));
        values.addAll(Arrays.asList(u.grantState() == null ? null : u.grantState().name(), u.registeredAt(),
                u.lastMessageAt()));
        db.write(s -> s.update("INSERT INTO users (address, name, name_key, " + ConnectionColumns.NAMES
                        + ", grant_state, registered_at, last_message_at) VALUES (?, ?, ?, "
                        + ConnectionColumns.PLACEHOLDERS + ", ?, ?, ?) "
                        + "ON CONFLICT (address) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, "
                        + ConnectionColumns.UPDATE_ALL + ", grant_state = excluded.grant_state, "
                        + "registered_at = excluded.registered_at, last_message_at = excluded.last_message_at",
                values.toArray()));
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
        return new User(Codec.address(rs, "address"), rs.getString("name"), seal.opened(ConnectionColumns.read(rs)),
                state == null ? null : GrantState.valueOf(state), Codec.instant(rs, "registered_at"),
                Codec.instant(rs, "last_message_at"));
    }
}
