package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.store.contract.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 17: the name keys a version 16 file holds kept accents and a phone's apostrophe ("josé o’brien");
 * opened by this version, they are made again without them, so the name is found typed either way.
 */
class NameKeysMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress CONAN = new ChatAddress(Platform.MESSENGER, "conan");
    private static final ChatAddress MAUD = new ChatAddress(Platform.TELEGRAM, "4242");

    @TempDir
    Path dir;

    @Test
    void aVersionSixteenFilesNamesWithAccentsOrAPhonesApostropheAreFoundTypedEitherWay() throws SQLException {
        Path file = dir.resolve("version-16.db");
        User conan = new User(CONAN, "José O’Brien", Samples.connection("conan"), GrantState.ACTIVE, T0, T0);
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            Stores stores = earlier.stores();
            stores.users().saveUser(conan);
            stores.groups().createGroup(new Group("g-curly", MAUD, "Renamed below", T0));
            stores.groups().createGroup(new Group("g-plain", MAUD, "Mum's Car", T0.plusSeconds(1)));
        }
        asVersionSixteenLeftIt(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            Stores stores = sqlite.stores();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(stores.users().findUsersByName("jose o'brien")).containsExactly(conan);
            assertThat(stores.users().findUsersByName("José O’Brien")).containsExactly(conan);
            assertThat(stores.groups().groupsOf(MAUD)).as("both groups still listed")
                    .extracting(Group::name).containsExactlyInAnyOrder("Mum’s Car", "Mum's Car");
            assertThat(stores.groups().createGroup(new Group("g-new", MAUD, "Mum’s car", T0.plusSeconds(2))))
                    .as("the name is taken, typed either way").isFalse();
        }
    }

    /**
     * The keys as version 16 wrote them (accents and apostrophes kept), 17 not recorded. Two groups whose names differed only
     * in their apostrophes could both exist then.
     */
    private static void asVersionSixteenLeftIt(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.update("UPDATE users SET name_key = ? WHERE address = ?", "josé o’brien", CONAN);
            s.update("UPDATE song_groups SET name = ?, name_key = ? WHERE id = ?", "Mum’s Car", "mum’s car", "g-curly");
            s.execute("DELETE FROM schema_version WHERE version = 17");
        }
    }
}
