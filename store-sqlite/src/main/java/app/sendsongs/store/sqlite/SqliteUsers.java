package app.sendsongs.store.sqlite;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Registered people, in {@code users}: found by address or by {@link Names#key name key}; their handles in
 * {@code user_handles}, found by {@link Handles#key handle key}; the keys of their former names in
 * {@code former_name_keys}.
 */
final class SqliteUsers implements UserStore {
    private static final String SELECT = "SELECT address, name, " + ConnectionColumns.NAMES + ", grant_state, "
            + "registered_at, last_message_at, named_at, former_names, former_names_held FROM users ";
    private static final String UPSERT = "INSERT INTO users (address, name, name_key, " + ConnectionColumns.NAMES
            + ", grant_state, registered_at, last_message_at, named_at, former_names, former_names_held) "
            + "VALUES (?, ?, ?, " + ConnectionColumns.PLACEHOLDERS + ", ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (address) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, "
            + ConnectionColumns.UPDATE_ALL + ", grant_state = excluded.grant_state, "
            + "registered_at = excluded.registered_at, last_message_at = excluded.last_message_at, "
            + "named_at = excluded.named_at, former_names = excluded.former_names, "
            + "former_names_held = excluded.former_names_held";

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

    /** One query, however many names. */
    @Override
    public List<User> findUsersByNames(Collection<String> names) {
        List<String> keys = names.stream().map(Names::key).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(keys.size(), "?"));
        return db.read(s -> s.query(SELECT + "WHERE name_key IN (" + marks + ") ORDER BY registered_at, address",
                this::user, keys.toArray()));
    }

    @Override
    public List<User> findUsersOnceNamed(String name) {
        return db.read(s -> s.query(SELECT + "WHERE address IN (SELECT address FROM former_name_keys "
                + "WHERE name_key = ?) ORDER BY registered_at, address", this::user, Names.key(name)));
    }

    /** The person and the keys of their former names, in one unit. */
    @Override
    public void saveUser(User u) {
        Object[] connection = ConnectionColumns.values(seal.sealed(u.connection()));
        List<Object> values = new ArrayList<>(List.of(u.address(), u.name(), u.nameKey()));
        values.addAll(Arrays.asList(connection));
        values.addAll(Arrays.asList(u.grantState() == null ? null : u.grantState().name(), u.registeredAt(),
                u.lastMessageAt(), u.namedAt(), FormerNameTimes.names(u.formerNames()),
                FormerNameTimes.held(u.formerNames())));
        db.write(s -> {
            s.update(UPSERT, values.toArray());
            s.update("DELETE FROM former_name_keys WHERE address = ?", u.address());
            for (String key : u.formerNames().stream().map(FormerName::key).distinct().toList()) {
                s.update("INSERT INTO former_name_keys (address, name_key) VALUES (?, ?)", u.address(), key);
            }
            return null;
        });
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
        s.update("DELETE FROM user_handles WHERE address = ?", address);
        s.update("DELETE FROM former_name_keys WHERE address = ?", address);
        return s.update("DELETE FROM users WHERE address = ?", address);
    }

    @Override
    public Optional<User> findUserByHandle(Platform platform, String handle) {
        return db.read(s -> s.queryOne(SELECT + "WHERE address = (SELECT address FROM user_handles "
                + "WHERE platform = ? AND handle_key = ?)", this::user, platform.id(), Handles.key(handle)));
    }

    /** In one transaction: whoever else had the handle on the platform loses it, and the person's own is replaced. */
    @Override
    public void saveHandle(ChatAddress address, String handle) {
        db.transaction(s -> {
            s.update("DELETE FROM user_handles WHERE platform = ? AND handle_key = ?", address.platform().id(),
                    Handles.key(handle));
            return s.update("INSERT INTO user_handles (address, platform, handle_key) VALUES (?, ?, ?) "
                    + "ON CONFLICT (address) DO UPDATE SET platform = excluded.platform, "
                    + "handle_key = excluded.handle_key", address, address.platform().id(), Handles.key(handle));
        });
    }

    @Override
    public Optional<String> handleKeyOf(ChatAddress address) {
        return db.read(s -> s.queryOne("SELECT handle_key FROM user_handles WHERE address = ?",
                rs -> rs.getString("handle_key"), address));
    }

    @Override
    public void forgetHandle(ChatAddress address) {
        db.write(s -> s.update("DELETE FROM user_handles WHERE address = ?", address));
    }

    private User user(ResultSet rs) throws SQLException {
        String state = rs.getString("grant_state");
        Instant registeredAt = Codec.instant(rs, "registered_at");
        Instant lastMessageAt = Codec.instant(rs, "last_message_at");
        return new User(Codec.address(rs, "address"), rs.getString("name"), seal.opened(ConnectionColumns.read(rs)),
                state == null ? null : GrantState.valueOf(state), registeredAt, lastMessageAt,
                Codec.instant(rs, "named_at"), FormerNameTimes.read(rs.getString("former_names"),
                        rs.getString("former_names_held"), registeredAt, lastMessageAt));
    }
}
