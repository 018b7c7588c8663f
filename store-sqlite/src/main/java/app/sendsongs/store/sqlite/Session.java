package app.sendsongs.store.sqlite;

import app.sendsongs.core.shared.ChatAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JDBC connection with its prepared statements cached by SQL text. A session is used by one
 * thread at a time (the {@link Database} hands it out), so nothing here is synchronised.
 *
 * <p>Parameters: {@code null}, {@link String}, {@link Long}, {@link Integer}, {@link Boolean}
 * (0/1), {@link Instant} (epoch milliseconds) and {@link ChatAddress} (its {@link ChatAddress#key() key}).
 */
final class Session implements AutoCloseable {
    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Session(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Runs SQL without parameters and without caching (pragmas, BEGIN/COMMIT, DDL). */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs SQL without parameters through the statement cache (BEGIN, COMMIT, SAVEPOINT: run again and again). */
    void run(String sql) throws SQLException {
        withStatement(sql, PreparedStatement::execute);
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    int update(String sql, Object... params) throws SQLException {
        return withStatement(sql, statement -> bind(statement, params).executeUpdate());
    }

    /** Runs a query (or a statement with RETURNING) and reads every row. */
    <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
        return withStatement(sql, statement -> {
            try (ResultSet rs = bind(statement, params).executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        });
    }

    /** A query expected to find at most one row. */
    <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = query(sql, row, params);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, found " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /** What is done with a cached statement. */
    @FunctionalInterface
    private interface Use<T> {
        T with(PreparedStatement statement) throws SQLException;
    }

    /**
     * Uses the cached statement for {@code sql}; one that failed leaves the cache. Why: the driver finalizes a
     * statement that fails with most errors (a full disk, an I/O error), and a finalized statement only ever
     * answers "statement is not executing": kept, it failed every later write of its SQL (its BEGIN, COMMIT and
     * ROLLBACK too, which left the connection inside a transaction) long after the disk had room again.
     */
    private <T> T withStatement(String sql, Use<T> use) throws SQLException {
        PreparedStatement statement = prepare(sql);
        try {
            return use.with(statement);
        } catch (SQLException e) {
            statements.remove(sql);
            try {
                statement.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int index = i + 1;
            switch (params[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case String text -> statement.setString(index, text);
                case Long number -> statement.setLong(index, number);
                case Integer number -> statement.setLong(index, number);
                case Boolean flag -> statement.setInt(index, flag ? 1 : 0);
                case Instant instant -> statement.setLong(index, instant.toEpochMilli());
                case ChatAddress address -> statement.setString(index, address.key());
                default -> throw new IllegalArgumentException("cannot bind a " + params[i].getClass().getName());
            }
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
