package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.Stores;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 6: a file the version 4 code wrote (Spotify people and codes, unsigned OAuth states) is upgraded,
 * its people and codes come back as Spotify connections of unknown consent time, and connections of every source
 * are kept from then on, their secrets sealed. Also: a version left free between scripts is applied later, when
 * code that has it opens the file.
 */
class ListeningSourcesMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress ALICE = ChatAddress.messenger("7301846259183746");
    private static final ChatAddress BOB = ChatAddress.messenger("6582039174625810");

    @TempDir
    Path dir;

    @Test
    void aVersionFourFileKeepsItsSpotifyPeopleAndCodesAndDropsItsUnsignedStates() throws SQLException {
        Path file = dir.resolve("version-4.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            new Migrations("db/sqlite/", List.of("V1__init.sql", "V2__groups.sql", "V3__watch_queue.sql",
                    "V4__chat_addresses.sql")).apply(s, T0);
            s.update("INSERT INTO users (address, name, name_key, spotify_account_id, access_token, "
                    + "access_token_expires_at, refresh_token, grant_state, registered_at, last_message_at) "
                    + "VALUES (?, 'Alice Smith', 'alice smith', 'alice-sp', ?, ?, ?, 'ACTIVE', ?, ?)", ALICE,
                    TestTokens.CIPHER.seal("access-alice"), T0.plusSeconds(3600),
                    TestTokens.CIPHER.seal("refresh-alice"), T0, T0);
            s.update("INSERT INTO registration_codes (code, spotify_account_id, access_token, "
                    + "access_token_expires_at, refresh_token, expires_at) VALUES ('ABCDEFGH', 'dave-sp', ?, ?, ?, ?)",
                    TestTokens.CIPHER.seal("access-dave"), T0.plusSeconds(3600), TestTokens.CIPHER.seal("refresh-dave"),
                    T0.plusSeconds(900));
            s.update("INSERT INTO oauth_states (state, expires_at) VALUES ('old-unsigned-state', ?)", T0);
        }

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            Stores store = sqlite.stores();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(Migrations.scriptCount() - 4);
            assertThat(store.users().findUser(ALICE)).contains(new User(ALICE, "Alice Smith", new SpotifyConnection(
                    "alice-sp", "access-alice", T0.plusSeconds(3600), "refresh-alice", null), GrantState.ACTIVE, T0,
                    T0));
            assertThat(store.registrations().claimRegistrationCode("ABCDEFGH", "reader")).contains(new RegistrationCode(
                    "ABCDEFGH", new SpotifyConnection("dave-sp", "access-dave", T0.plusSeconds(3600), "refresh-dave",
                            null), T0.plusSeconds(900)));
            Optional<Integer> states = sqlite.read(s -> s.queryOne("SELECT count(*) AS n FROM oauth_states",
                    rs -> rs.getInt("n")));
            assertThat(states).contains(0);
        }
    }

    @Test
    void lastfmAndListenBrainzConnectionsAreKeptWithTheirSecretsSealed() {
        try (SqliteStores sqlite = SqliteStores.file(dir.resolve("sources.db"), TestTokens.CIPHER)) {
            Stores store = sqlite.stores();
            User alice = new User(ALICE, "Alice Smith", new LastfmConnection("alice_fm", "lastfm-session-key"),
                    GrantState.ACTIVE, T0, T0);
            User bob = new User(BOB, "Bob Fisher", new ListenBrainzConnection("bob-lb", "listenbrainz-user-token"),
                    GrantState.NEEDS_RECONNECT, T0, T0);
            store.users().saveUser(alice);
            store.users().saveUser(bob);
            store.registrations().saveRegistrationCode(new RegistrationCode("CODE0001",
                    new LastfmConnection("carol_fm", "carol-session-key"), T0.plus(Duration.ofMinutes(15))));

            assertThat(store.users().findUser(ALICE)).contains(alice);
            assertThat(store.users().findUser(BOB)).contains(bob);
            String stored = sqlite.read(s -> s.queryOne("SELECT group_concat(coalesce(source_secret, ''), ' ') AS all_ "
                    + "FROM (SELECT source_secret FROM users UNION ALL SELECT source_secret FROM registration_codes)",
                    rs -> rs.getString("all_")).orElseThrow());
            assertThat(stored).doesNotContain("session-key").doesNotContain("user-token").contains("v1.");
            List<String> sources = sqlite.read(s -> s.query("SELECT source FROM users ORDER BY source",
                    rs -> rs.getString(1)));
            assertThat(sources).containsExactly("lastfm", "listenbrainz");
        }
    }

    @Test
    void aVersionLeftFreeIsAppliedWhenCodeThatHasItOpensTheFile() throws SQLException {
        Path file = dir.resolve("gapped.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            assertThat(new Migrations("db/gapped/", List.of("V1__first.sql", "V3__third.sql")).apply(s, T0))
                    .isEqualTo(2);
            assertThat(new Migrations("db/gapped/", List.of("V1__first.sql", "V2__second.sql", "V3__third.sql"))
                    .apply(s, T0)).isEqualTo(1);
            assertThat(s.query("SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt(1)))
                    .containsExactly(1, 2, 3);
            assertThat(s.query("SELECT name FROM sqlite_master WHERE name = 'second'", rs -> rs.getString(1)))
                    .containsExactly("second");
            assertThatThrownBy(() -> new Migrations("db/gapped/", List.of("V1__first.sql", "V3__third.sql"))
                    .apply(s, T0)).isInstanceOf(SqliteStoreException.class)
                    .hasMessageContaining("schema version 2, which this program does not know");
            assertThatThrownBy(() -> new Migrations("db/gapped/", List.of("V3__third.sql", "V1__first.sql")))
                    .hasMessageContaining("scripts must be in order of version");
        }
    }
}
