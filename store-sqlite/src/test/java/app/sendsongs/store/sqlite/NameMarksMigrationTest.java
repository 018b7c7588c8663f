package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.store.contract.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version {@value NameKeys#MARKS_VERSION}: the name keys a file of the version before holds kept Hebrew and
 * Arabic vowel marks and every kind of hyphen; opened by this version, they are made again without them, those of former
 * names too. Two people whose names now compare equal are both found (the namesake question tells them apart), and two
 * groups of one owner whose names now compare equal are both kept.
 */
class NameMarksMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress DAN = new ChatAddress(Platform.MESSENGER, "dan");
    private static final ChatAddress DANIEL = new ChatAddress(Platform.TELEGRAM, "77");
    private static final ChatAddress SHALOM = new ChatAddress(Platform.TELEGRAM, "4242");
    private static final ChatAddress MAUD = new ChatAddress(Platform.MESSENGER, "maud");
    /** שָׁלוֹם, pointed, and as it is mostly typed. */
    private static final String SHALOM_POINTED = "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd";
    private static final String SHALOM_TYPED = "\u05e9\u05dc\u05d5\u05dd";

    @TempDir
    Path dir;

    @Test
    void aFilesNamesWithVowelMarksOrAnotherHyphenAreFoundTypedPlainlyAndNamesakesAreBothFound() throws SQLException {
        Path file = dir.resolve("version-before.db");
        User dan = new User(DAN, "Dan\u2011Cohen", Samples.connection("dan"), GrantState.ACTIVE, T0, T0);
        User daniel = new User(DANIEL, "Dan-Cohen", Samples.connection("daniel"), GrantState.ACTIVE,
                T0.plusSeconds(1), T0.plusSeconds(1));
        User shalom = new User(SHALOM, "Levi", Samples.connection("shalom"), GrantState.ACTIVE, T0, T0,
                T0.plus(Duration.ofDays(2)), List.of(new FormerName(SHALOM_POINTED, T0, T0.plus(Duration.ofDays(2))),
                        new FormerName(SHALOM_TYPED, T0, T0.plus(Duration.ofDays(1)))));
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            Stores stores = earlier.stores();
            stores.users().saveUser(dan);
            stores.users().saveUser(daniel);
            stores.users().saveUser(shalom);
            stores.groups().createGroup(new Group("g-pointed", MAUD, "Renamed below", T0));
            stores.groups().createGroup(new Group("g-plain", MAUD, SHALOM_TYPED, T0.plusSeconds(1)));
        }
        asTheVersionBeforeLeftIt(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            Stores stores = sqlite.stores();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(stores.users().findUsersByName("dan-cohen")).as("both, oldest registration first")
                    .containsExactly(dan, daniel);
            assertThat(stores.users().findUsersByName("Dan\u2011Cohen")).containsExactly(dan, daniel);
            assertThat(stores.users().findUsersOnceNamed(SHALOM_TYPED)).containsExactly(shalom);
            assertThat(stores.users().findUsersOnceNamed(SHALOM_POINTED)).containsExactly(shalom);
            assertThat(stores.users().findUser(SHALOM)).as("both former names kept").contains(shalom);
            assertThat(stores.groups().groupsOf(MAUD)).as("both groups still listed")
                    .extracting(Group::name).containsExactlyInAnyOrder(SHALOM_POINTED, SHALOM_TYPED);
            assertThat(stores.groups().createGroup(new Group("g-new", MAUD, SHALOM_POINTED, T0.plusSeconds(2))))
                    .as("the name is taken, typed either way").isFalse();

            stores.users().saveUser(shalom.renamed("Levi Cohen", T0.plus(Duration.ofDays(3)), false));
            assertThat(stores.users().findUsersOnceNamed(SHALOM_TYPED)).as("saved again, as before")
                    .extracting(User::address).containsExactly(SHALOM);
        }
    }

    /**
     * The keys as the version before wrote them (vowel marks and hyphens kept), this version not recorded. Two groups
     * whose names differed only in their vowel marks could both exist then.
     */
    private static void asTheVersionBeforeLeftIt(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.update("UPDATE users SET name_key = ? WHERE address = ?", "dan\u2010cohen", DAN);
            s.update("DELETE FROM former_name_keys WHERE address = ?", SHALOM);
            s.update("INSERT INTO former_name_keys (address, name_key) VALUES (?, ?), (?, ?)", SHALOM, SHALOM_POINTED,
                    SHALOM, SHALOM_TYPED);
            s.update("UPDATE song_groups SET name = ?, name_key = ? WHERE id = ?", SHALOM_POINTED, SHALOM_POINTED,
                    "g-pointed");
            s.update("DELETE FROM schema_version WHERE version = ?", (long) NameKeys.MARKS_VERSION);
        }
    }
}
