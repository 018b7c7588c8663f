package app.sendsongs.store.sqlite;

import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The one open question per person, in {@code choices}; its candidates are a list of address keys. */
final class SqliteChoices implements ChoiceStore {
    private static final String COLUMNS = "address, command_text, candidate_addresses, expires_at";

    private final Database db;

    SqliteChoices(Database db) {
        this.db = db;
    }

    @Override
    public void saveChoice(PendingChoice c) {
        db.write(s -> s.update("INSERT INTO choices (address, command_text, candidate_addresses, expires_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET command_text = excluded.command_text, "
                        + "candidate_addresses = excluded.candidate_addresses, expires_at = excluded.expires_at",
                c.person(), c.commandText(), Codec.addresses(c.candidates()), c.expiresAt()));
    }

    @Override
    public Optional<PendingChoice> openChoice(ChatAddress person) {
        return db.read(s -> s.queryOne("SELECT " + COLUMNS + " FROM choices WHERE address = ?", SqliteChoices::choice,
                person));
    }

    /** One DELETE ... RETURNING: of two concurrent takers only one deletes the row. */
    @Override
    public Optional<PendingChoice> takeChoice(ChatAddress person) {
        return db.write(s -> s.queryOne("DELETE FROM choices WHERE address = ? RETURNING " + COLUMNS,
                SqliteChoices::choice, person));
    }

    private static PendingChoice choice(ResultSet rs) throws SQLException {
        return new PendingChoice(Codec.address(rs, "address"), rs.getString("command_text"),
                Codec.addresses(rs.getString("candidate_addresses")), Codec.instant(rs, "expires_at"));
    }

    static int delete(Session s, ChatAddress person) throws SQLException {
        return s.update("DELETE FROM choices WHERE address = ?", person);
    }
}
