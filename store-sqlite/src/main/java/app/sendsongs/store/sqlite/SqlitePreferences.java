package app.sendsongs.store.sqlite;

import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.privacy.SenderRule;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each person chose about senders: {@code receiver_preferences} (the default) and {@code sender_rules} (one row
 * per sender with a rule of their own), read in one read transaction and replaced in one write transaction.
 */
final class SqlitePreferences implements PreferenceStore {
    private final Database db;

    SqlitePreferences(Database db) {
        this.db = db;
    }

    @Override
    public ReceiverPreferences preferencesOf(ChatAddress receiver) {
        return db.readTogether(s -> {
            Optional<Boolean> receipts = s.queryOne("SELECT receipts_by_default FROM receiver_preferences "
                    + "WHERE receiver_address = ?", rs -> rs.getInt("receipts_by_default") != 0, receiver);
            if (receipts.isEmpty()) {
                return ReceiverPreferences.none(receiver);
            }
            List<Map.Entry<ChatAddress, SenderRule>> rows = s.query("SELECT sender_address, rule FROM sender_rules "
                    + "WHERE receiver_address = ?", rs -> Map.entry(Codec.address(rs, "sender_address"),
                    SenderRule.valueOf(rs.getString("rule"))), receiver);
            Map<ChatAddress, SenderRule> rules = new HashMap<>();
            rows.forEach(row -> rules.put(row.getKey(), row.getValue()));
            return new ReceiverPreferences(receiver, receipts.get(), rules);
        });
    }

    @Override
    public void savePreferences(ReceiverPreferences preferences) {
        db.transaction(s -> {
            delete(s, preferences.receiver());
            if (!preferences.isNone()) {
                s.update("INSERT INTO receiver_preferences (receiver_address, receipts_by_default) VALUES (?, ?)",
                        preferences.receiver(), preferences.receiptsByDefault());
                for (Map.Entry<ChatAddress, SenderRule> rule : preferences.rules().entrySet()) {
                    s.update("INSERT INTO sender_rules (receiver_address, sender_address, rule) VALUES (?, ?, ?)",
                            preferences.receiver(), rule.getKey(), rule.getValue().name());
                }
            }
            return null;
        });
    }

    /** The person's own choices; others' rules about them stay (they are the others'). */
    static void delete(Session s, ChatAddress receiver) throws SQLException {
        s.update("DELETE FROM sender_rules WHERE receiver_address = ?", receiver);
        s.update("DELETE FROM receiver_preferences WHERE receiver_address = ?", receiver);
    }
}
