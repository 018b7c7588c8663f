package app.sendsongs.store.sqlite;

import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.SQLException;
import java.util.Optional;

/** The one open question per person, in {@code choices}; its candidates are a list of address keys. */
final class SqliteChoices implements ChoiceStore {
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

    /** One DELETE ... RETURNING: of two concurrent takers only one deletes the row. */
    @Override
    public Optional<PendingChoice> takeChoice(ChatAddress person) {
        return db.write(s -> s.queryOne("DELETE FROM choices WHERE address = ? "
                        + "RETURNING address, command_text, candidate_addresses, expires_at",
                rs -> new PendingChoice(Codec.address(rs, "address"), rs.getString("command_text"),
                        Codec.addresses(rs.getString("candidate_addresses")), Codec.instant(rs, "expires_at")),
                person));
    }

    static int delete(Session s, ChatAddress person) throws SQLException {
        return s.update("DELETE FROM choices WHERE address = ?", person);
    }
}
