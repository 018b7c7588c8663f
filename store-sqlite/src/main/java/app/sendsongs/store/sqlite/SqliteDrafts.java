package app.sendsongs.store.sqlite;

import app.sendsongs.core.compose.DraftStore;
import app.sendsongs.core.compose.Recipient;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The one unfinished share per person, in {@code share_drafts}; recipients kept by their {@link Recipient#key()}. */
final class SqliteDrafts implements DraftStore {
    private final Database db;

    SqliteDrafts(Database db) {
        this.db = db;
    }

    @Override
    public void saveDraft(ShareDraft d) {
        db.write(s -> s.update("INSERT INTO share_drafts (address, track_id, title, pre, post, stage, recipient, offered, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET "
                        + "track_id = excluded.track_id, title = excluded.title, pre = excluded.pre, post = excluded.post, "
                        + "stage = excluded.stage, recipient = excluded.recipient, offered = excluded.offered, "
                        + "expires_at = excluded.expires_at",
                d.person(), d.track().value(), d.title(), d.pre(), d.post(), d.stage().name(),
                d.recipient().map(Recipient::key).orElse(null),
                Codec.list(d.offered().stream().map(Recipient::key).toList()), d.expiresAt()));
    }

    @Override
    public Optional<ShareDraft> findDraft(ChatAddress person) {
        return db.read(s -> s.queryOne("SELECT address, track_id, title, pre, post, stage, recipient, offered, "
                + "expires_at FROM share_drafts WHERE address = ?", SqliteDrafts::draft, person));
    }

    @Override
    public void deleteDraft(ChatAddress person) {
        db.write(s -> delete(s, person));
    }

    static int delete(Session s, ChatAddress person) throws SQLException {
        return s.update("DELETE FROM share_drafts WHERE address = ?", person);
    }

    private static ShareDraft draft(ResultSet rs) throws SQLException {
        return new ShareDraft(Codec.address(rs, "address"), new TrackId(rs.getString("track_id")),
                rs.getString("title"), rs.getString("pre"), rs.getString("post"),
                ShareDraft.Stage.valueOf(rs.getString("stage")),
                Codec.optionalText(rs, "recipient").map(Recipient::parse),
                Codec.list(rs.getString("offered")).stream().map(Recipient::parse).toList(),
                Codec.instant(rs, "expires_at"));
    }
}
