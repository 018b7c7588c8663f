package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.EndedInvite;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version {@value NameKeys#INVITES_VERSION}: invites keep the key of the name they were made for; those a file
 * from before holds get theirs when it is opened, so someone signing up under that name finds them too. What became of
 * invites that end is kept from then on ({@code ended_invites}).
 */
class InviteNamesAndEndsMigrationTest {
    private static final Instant MADE = Instant.parse("2030-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void invitesMadeBeforeAreFoundByTheKeyOfTheirNameAfterTheUpgrade() throws SQLException {
        Path file = dir.resolve("before-invite-name-keys.db");
        Invite invite = new Invite("tok-1", ChatAddress.messenger("alice"), "Dán  Brown",
                new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Song", "", "", MADE, MADE.plusSeconds(3600), Optional.empty());
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().invites().saveInvite(invite);
        }
        backToBeforeInviteNameKeys(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(sqlite.stores().invites().unopenedInvitesFor(Names.key("Dan Brown"), MADE, 10))
                    .containsExactly(invite);
            EndedInvite ended = new EndedInvite("tok-2", EndedInvite.How.CANCELLED, invite.sender(), Optional.empty(),
                    "Song", MADE, MADE.plus(EndedInvite.KEPT));
            sqlite.stores().invites().saveEndedInvite(ended);
            assertThat(sqlite.stores().invites().findEndedInvite("tok-2")).as("what became of invites is kept from now")
                    .contains(ended);
        }
    }

    /** The file as the code before the version left it: {@code invites} without name keys, the version not recorded. */
    private static void backToBeforeInviteNameKeys(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("DROP TABLE ended_invites");
            s.execute("DROP INDEX invites_unopened_by_friend_name");
            s.execute("ALTER TABLE invites DROP COLUMN friend_name_key");
            s.execute("DELETE FROM schema_version WHERE version = " + NameKeys.INVITES_VERSION);
        }
    }
}
