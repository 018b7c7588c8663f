package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.shared.ChatAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 31: invites of a version 30 file, opened or not, come back as they were and unclaimed, so their
 * senders can still cancel them; one claimed once the upgrade ran is spared by the cancel's take.
 */
class ClaimedInvitesMigrationTest {
    private static final Instant MADE = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress ALICE = ChatAddress.messenger("alice");
    private static final ChatAddress CAROL = ChatAddress.messenger("carol");

    @TempDir
    Path dir;

    @Test
    void aVersionThirtyFileKeepsItsInvitesUnclaimedAndAClaimIsKeptFromThen() throws SQLException {
        Path file = dir.resolve("version-30.db");
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().invites().saveInvite(invite("opened"));
            earlier.stores().invites().saveInvite(invite("unopened"));
            earlier.stores().invites().openInvite("opened", CAROL);
        }
        backToVersionThirty(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            InviteStore invites = sqlite.stores().invites();
            assertThat(invites.findInvite("opened")).contains(invite("opened").openedBy(CAROL));

            assertThat(invites.takeUnclaimedInvite("unopened")).as("not claimed: its sender cancels it").isTrue();
            assertThat(invites.claimInvite("opened", CAROL)).isTrue();
            assertThat(invites.takeUnclaimedInvite("opened")).as("claimed since").isFalse();
            assertThat(invites.takeInvite("opened")).isTrue();
        }
    }

    private static Invite invite(String token) {
        return new Invite(token, ALICE, "Carol Jones", new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Song", "", "", MADE,
                MADE.plusSeconds(3600), Optional.empty());
    }

    /** The file as the version 30 code left it: {@code invites} without {@code claimed}, 31 not recorded. */
    private static void backToVersionThirty(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("ALTER TABLE invites DROP COLUMN claimed");
            s.execute("DELETE FROM schema_version WHERE version = 31");
        }
    }
}
