package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.sqlite.Migrations;
import app.sendsongs.testsupport.LogCapture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server did to its SQLite file at start is in its log: a file it had to create (a wrong SQLITE_PATH on a
 * server that had people looks just like a first start otherwise), and an upgrade, after which an earlier version of
 * the program no longer opens the file.
 */
class DatabaseAtStartTest {
    private static final String LATEST = "schema version " + Migrations.latestVersion();

    @TempDir
    Path dir;

    @Test
    void aDatabaseTheServerHadToCreateIsSaidToBeNewAndEmptyOnlyThen() {
        Path database = dir.resolve("songs.db");

        String first = logOfAStartOn(database);
        String second = logOfAStartOn(database);

        assertThat(first).contains("created a new, empty database at " + database.toAbsolutePath() + " (" + LATEST
                + "): if this server had people before, SQLITE_PATH names the wrong file");
        assertThat(second).doesNotContain("created a new", "upgraded the database");
    }

    @Test
    void anUpgradeSaysWhichVersionsItAddedAndThatEarlierProgramsCannotOpenTheFileAnyMore() throws Exception {
        Path database = dir.resolve("older.db");
        logOfAStartOn(database);
        try (Connection olderProgram = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = olderProgram.createStatement()) {
            statement.execute("DROP TABLE user_handles");
            statement.execute("DELETE FROM schema_version WHERE version = 13");
        }

        String upgrade = logOfAStartOn(database);

        assertThat(upgrade).contains("upgraded the database at " + database.toAbsolutePath() + " to " + LATEST
                + " (added version 13): an earlier version of the program no longer opens it; a backup from before "
                + "the upgrade is the way back").doesNotContain("created a new");
    }

    private String logOfAStartOn(Path database) {
        try (LogCapture log = new LogCapture();
             BotServer server = new BotServer(config(database), Clock.systemUTC(), http -> { })) {
            return log.text();
        }
    }

    private static ServerConfig config(Path database) {
        return ServerConfig.from(Map.of("PORT", "0", "PUBLIC_BASE_URL", "https://bot.example",
                "MESSENGER_APP_SECRET", "app-secret", "MESSENGER_VERIFY_TOKEN", "verify",
                "MESSENGER_PAGE_ACCESS_TOKEN", "page-token", "SPOTIFY_CLIENT_ID", "client-id",
                "SPOTIFY_CLIENT_SECRET", "client-secret",
                "TOKEN_ENCRYPTION_KEY", "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=",
                "SQLITE_PATH", database.toString()));
    }
}
