package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} on a database it must not use says why in one line and exits, as a configuration error does. */
class ServeStoreRefusalTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseWrittenByANewerVersionIsRefusedInOneLine() throws Exception {
        Path database = dir.resolve("newer.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString())).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, script, applied_at) VALUES (999, 'V999__x.sql', 0)");
        }
        Path env = env(database);

        CommandRun serve = CommandRun.of("serve", "--env-file", env.toString());

        assertThat(serve.exit()).isEqualTo(1);
        assertThat(serve.err().strip()).contains("schema version 999", "upgrade the program").doesNotContain("\n");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a serve that started would run on
    void aDatabaseOfAnOlderVersionThatTheOlderServerStillHasOpenIsNotUpgraded() throws Exception {
        Path database = dir.resolve("older.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString())).close();
        try (Connection olderServer = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = olderServer.createStatement()) {
            statement.execute("DROP TABLE user_handles");
            statement.execute("DELETE FROM schema_version WHERE version = 13");
            statement.executeQuery("SELECT count(*) FROM users").close();

            Path env = Files.writeString(env(database), "\nSQLITE_UPGRADE_WAIT_SECONDS=2", StandardOpenOption.APPEND);
            CommandRun serve = CommandRun.of("serve", "--env-file", env.toString());

            assertThat(serve.exit()).isEqualTo(1);
            assertThat(serve.err()).contains("its upgrade waits until it is closed");
            assertThat(serve.err().strip().lines().toList().getLast()).contains("it lacks schema version 13",
                    "another process has kept it open for 2 s", "nothing was changed");
            try (var version = statement.executeQuery("SELECT count(*) FROM schema_version WHERE version = 13")) {
                assertThat(version.getInt(1)).isZero();
            }
        }
    }

    private Path env(Path database) throws java.io.IOException {
        return Files.writeString(dir.resolve("env"), String.join("\n", "PORT=0", "HOST=127.0.0.1",
                "PUBLIC_BASE_URL=https://bot.example", "MESSENGER_APP_SECRET=s", "MESSENGER_VERIFY_TOKEN=v",
                "MESSENGER_PAGE_ACCESS_TOKEN=p", "SPOTIFY_CLIENT_ID=c", "SPOTIFY_CLIENT_SECRET=cs",
                "TOKEN_ENCRYPTION_KEY=c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=", "SQLITE_PATH=" + database));
    }
}
