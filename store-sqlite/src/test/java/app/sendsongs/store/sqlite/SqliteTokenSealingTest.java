package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spotify tokens never reach the database file in the clear. */
class SqliteTokenSealingTest {
    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    private static final ChatAddress ALICE = ChatAddress.messenger("alice");
    private static final SpotifyConnection GRANT = new SpotifyConnection("alice-sp", "access-token-in-clear",
            NOW.plusSeconds(3600),
            "refresh-token-in-clear", NOW.minusSeconds(60));

    @TempDir
    Path dir;

    @Test
    void tokensAreSealedInTheFileAndOpenedOnRead() {
        try (SqliteStores sqlite = SqliteStores.file(dir.resolve("sealed.db"), TestTokens.CIPHER)) {
            Stores store = sqlite.stores();
            store.users().saveUser(new User(ALICE, "Alice Smith", GRANT, GrantState.ACTIVE, NOW, NOW));
            store.registrations().saveRegistrationCode(new RegistrationCode("ABCD-EFGH", GRANT, NOW.plusSeconds(900)));

            assertThat(rawTokens(sqlite, "users")).hasSize(2).allSatisfy(value -> assertThat(value)
                    .startsWith("v1.").doesNotContain("in-clear"));
            assertThat(rawTokens(sqlite, "registration_codes")).hasSize(2).allSatisfy(value -> assertThat(value)
                    .startsWith("v1.").doesNotContain("in-clear"));

            assertThat(store.users().findUser(ALICE).orElseThrow().connection()).isEqualTo(GRANT);
            assertThat(store.users().findUsersByName("alice smith")).singleElement().extracting(User::connection)
                    .isEqualTo(GRANT);
            assertThat(store.registrations().claimRegistrationCode("ABCD-EFGH", "reader").orElseThrow().connection())
                    .isEqualTo(GRANT);
        }
    }

    @Test
    void aFileOpenedWithAnotherKeyHandsOutNoTokensAndStillReadsThePeople() {
        Path file = dir.resolve("other-key.db");
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            store.users().saveUser(new User(ALICE, "Alice Smith", GRANT, GrantState.ACTIVE, NOW, NOW));
        }
        try (Stores store = SqliteStores.open(file, TokenCipher.random())) {
            User alice = store.users().findUser(ALICE).orElseThrow();
            assertThat(alice.name()).isEqualTo("Alice Smith");
            assertThat(alice.connection().readable()).isFalse();
            assertThat(alice.connection().toString()).doesNotContain("in-clear");
            assertThat(((SpotifyConnection) alice.connection()).refreshToken())
                    .isEqualTo(ListeningConnection.UNREADABLE_SECRET);
        }
    }

    private static List<String> rawTokens(SqliteStores sqlite, String table) {
        return sqlite.read(s -> s.query("SELECT access_token, refresh_token FROM " + table,
                rs -> List.of(rs.getString("access_token"), rs.getString("refresh_token")))).stream()
                .flatMap(List::stream).toList();
    }
}
