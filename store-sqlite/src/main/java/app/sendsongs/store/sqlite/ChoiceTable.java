package app.sendsongs.store.sqlite;

import app.sendsongs.core.share.PendingChoice;
import java.sql.SQLException;
import java.util.Optional;

/** The one open question per person. */
final class ChoiceTable {
    private ChoiceTable() {
    }

    static void save(Session s, PendingChoice c) throws SQLException {
        s.update("INSERT INTO choices (psid, command_text, candidate_psids, expires_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (psid) DO UPDATE SET command_text = excluded.command_text, "
                        + "candidate_psids = excluded.candidate_psids, expires_at = excluded.expires_at",
                c.psid(), c.commandText(), Codec.list(c.candidatePsids()), c.expiresAt());
    }

    static Optional<PendingChoice> take(Session s, String psid) throws SQLException {
        return s.queryOne("DELETE FROM choices WHERE psid = ? RETURNING psid, command_text, candidate_psids, expires_at",
                rs -> new PendingChoice(rs.getString("psid"), rs.getString("command_text"),
                        Codec.list(rs.getString("candidate_psids")), Codec.instant(rs, "expires_at")), psid);
    }

    static void delete(Session s, String psid) throws SQLException {
        s.update("DELETE FROM choices WHERE psid = ?", psid);
    }
}
