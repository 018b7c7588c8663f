package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.privacy.SenderRule;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 15 changes no table: it marks the files that may hold the sender rule {@code BLOCKED_RECEIPTS_OFF},
 * so that a program from before it, which cannot read that rule, refuses the file rather than failing on the person.
 */
class BlockedReceiptsOffVersionTest {
    private static final ChatAddress ANN = new ChatAddress(Platform.MESSENGER, "ann");
    private static final ChatAddress BOB = new ChatAddress(Platform.MESSENGER, "bob");

    @TempDir
    Path dir;

    @Test
    void aFileThatMayHoldTheRuleIsRefusedByTheProgramsBeforeIt() throws SQLException {
        Path file = dir.resolve("send-songs.db");
        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            PreferenceStore preferences = sqlite.stores().preferences();
            preferences.savePreferences(ReceiverPreferences.none(ANN)
                    .withRule(BOB, Optional.of(SenderRule.RECEIPTS_OFF)).withBlock(BOB));
            assertThat(preferences.preferencesOf(ANN).rules())
                    .containsEntry(BOB, SenderRule.BLOCKED_RECEIPTS_OFF);
        }

        Migrations beforeIt = new Migrations("db/sqlite/", Migrations.STANDARD_SCRIPTS.subList(0,
                Migrations.STANDARD_SCRIPTS.indexOf("V15__blocked_receipts_off.sql")));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session session = new Session(connection)) {
            assertThat(Migrations.currentVersion(session)).isGreaterThanOrEqualTo(15);
            assertThatThrownBy(() -> beforeIt.apply(session, Instant.EPOCH)).isInstanceOf(SqliteStoreException.class)
                    .hasMessageContaining("schema version " + Migrations.currentVersion(session)
                            + ", which this program does not know");
        }
    }
}
