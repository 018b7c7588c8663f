package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.store.contract.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version {@value FormerNameTimes#VERSION}: the former names a file of the version before keeps came without
 * when they were held; opened by this version, each is held from the person's registration until their last message
 * before the upgrade, and stays so however long they write after it.
 */
class FormerNameTimesMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final Instant LAST_MESSAGE = T0.plus(Duration.ofDays(3));
    private static final ChatAddress BOB = new ChatAddress(Platform.MESSENGER, "bob");
    private static final ChatAddress ANN = new ChatAddress(Platform.TELEGRAM, "4242");

    @TempDir
    Path dir;

    @Test
    void theFormerNamesOfTheVersionBeforeAreHeldFromRegistrationUntilTheLastMessageBeforeTheUpgrade()
            throws SQLException {
        Path file = dir.resolve("version-before.db");
        User ann = new User(ANN, "Ann Lee", Samples.connection("ann"), GrantState.ACTIVE, T0, LAST_MESSAGE);
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().users().saveUser(new User(BOB, "Rob Fisher", Samples.connection("bob"),
                    GrantState.ACTIVE, T0, LAST_MESSAGE));
            earlier.stores().users().saveUser(ann);
        }
        asTheVersionBeforeLeftIt(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            UserStore users = sqlite.stores().users();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            User bob = users.findUser(BOB).orElseThrow();
            assertThat(bob.formerNames()).containsExactly(new FormerName("Robert Fisher", T0, LAST_MESSAGE),
                    new FormerName("Bob Fisher", T0, LAST_MESSAGE));
            assertThat(bob.namedAt()).as("the name they have, as if since they registered").isEqualTo(T0);
            assertThat(users.findUsersOnceNamed("bob fisher")).containsExactly(bob);
            assertThat(users.findUser(ANN)).contains(ann);

            users.saveLastMessageAt(BOB, LAST_MESSAGE.plus(Duration.ofDays(1)));

            assertThat(users.findUser(BOB).orElseThrow().formerNames()).as("nobody met after the upgrade knew them so")
                    .extracting(FormerName::until).containsOnly(LAST_MESSAGE);
        }
    }

    /**
     * The file as the version before left it: {@code users} without {@code named_at} and {@code former_names_held}, Bob's
     * former names a line each, and version {@value FormerNameTimes#VERSION} not recorded.
     */
    private static void asTheVersionBeforeLeftIt(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("ALTER TABLE users DROP COLUMN named_at");
            s.execute("ALTER TABLE users DROP COLUMN former_names_held");
            s.update("UPDATE users SET former_names = ? WHERE address = ?", "Robert Fisher\nBob Fisher", BOB);
            s.update("INSERT INTO former_name_keys (address, name_key) VALUES (?, ?), (?, ?)", BOB, "robert fisher",
                    BOB, "bob fisher");
            s.update("DELETE FROM schema_version WHERE version = ?", (long) FormerNameTimes.VERSION);
        }
    }
}
