package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 13: a file the version 12 code wrote keeps its people, who have no handle until the bot reads their
 * profile again; from then on their handles are kept and found.
 */
class UserHandlesMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress CAROL = new ChatAddress(Platform.TELEGRAM, "602334455");

    @TempDir
    Path dir;

    @Test
    void aVersionTwelveFileKeepsItsPeopleAndKeepsTheirHandlesFromThenOn() throws SQLException {
        Path file = dir.resolve("version-12.db");
        User carol = new User(CAROL, "Carol King", new SpotifyConnection("carol-sp", "access", T0.plusSeconds(3600),
                "refresh", T0), GrantState.ACTIVE, T0, T0);
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().users().saveUser(carol); // a row of users, which version 13 leaves as it was
        }
        dropVersionThirteen(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            UserStore users = sqlite.stores().users();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(users.findUser(CAROL)).contains(carol);
            assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();

            users.saveHandle(CAROL, "CarolK");

            assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).contains(carol);
        }
    }

    /** The file as the version 12 code left it: no {@code user_handles}, and version 13 not recorded. */
    private static void dropVersionThirteen(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("DROP TABLE user_handles");
            s.execute("DELETE FROM schema_version WHERE version = 13");
            assertThat(s.query("SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt("version")))
                    .startsWith(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).doesNotContain(13);
        }
    }
}
