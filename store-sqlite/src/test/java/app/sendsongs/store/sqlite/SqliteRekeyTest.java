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
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new token key for a file: every token sealed with the key in use is sealed again with the new one. */
class SqliteRekeyTest {
    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    private static final ChatAddress ALICE = ChatAddress.messenger("alice");
    private static final ChatAddress BOB = ChatAddress.messenger("bob");
    private static final ChatAddress CAROL = ChatAddress.messenger("carol");
    private static final SpotifyConnection SPOTIFY = new SpotifyConnection("alice-sp", "access-in-clear",
            NOW.plusSeconds(3600), "refresh-in-clear", NOW.minusSeconds(60));
    private static final LastfmConnection LASTFM = new LastfmConnection("bob-fm", "session-key-in-clear");
    private static final ListenBrainzConnection LISTENBRAINZ = new ListenBrainzConnection("carol-lb", "lb-token");
    private static final TokenCipher NEW_KEY = TokenCipher.fromBase64("bmV3LXNlbmQtc29uZ3MtdGVzdC1rZXktMzItYnl0ZXM=");

    @TempDir
    Path dir;

    @Test
    void everyTokenSealedWithTheKeyInUseOpensWithTheNewKeyAfterwardsAndNoLongerWithTheOldOne() {
        Path file = dir.resolve("songs.db");
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            store.users().saveUser(new User(ALICE, "Alice Smith", SPOTIFY, GrantState.ACTIVE, NOW, NOW));
            store.users().saveUser(new User(BOB, "Bob Fisher", LASTFM, GrantState.ACTIVE, NOW, NOW));
            store.users().saveUser(new User(CAROL, "Carol Jones", LISTENBRAINZ, GrantState.ACTIVE, NOW, NOW));
            store.registrations().saveRegistrationCode(new RegistrationCode("ABCD-EFGH", SPOTIFY, NOW.plusSeconds(900)));
        }

        SqliteRekey.Outcome outcome = SqliteRekey.reseal(file, TestTokens.CIPHER, NEW_KEY);

        assertThat(outcome).isEqualTo(new SqliteRekey.Outcome(6, 0));
        try (Stores store = SqliteStores.open(file, NEW_KEY)) {
            assertThat(store.users().findUser(ALICE).orElseThrow().connection()).isEqualTo(SPOTIFY);
            assertThat(store.users().findUser(BOB).orElseThrow().connection()).isEqualTo(LASTFM);
            assertThat(store.users().findUser(CAROL).orElseThrow().connection()).isEqualTo(LISTENBRAINZ);
            assertThat(store.registrations().claimRegistrationCode("ABCD-EFGH", "reader").orElseThrow().connection())
                    .isEqualTo(SPOTIFY);
        }
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            assertThat(store.users().findUser(ALICE).orElseThrow().connection().readable()).isFalse();
        }
    }

    @Test
    void aTokenNeitherKeyOpensIsLeftAsItIsAndCountedAndASecondRunChangesNothing() {
        Path file = dir.resolve("songs.db");
        try (Stores store = SqliteStores.open(file, TokenCipher.random())) {
            store.users().saveUser(new User(BOB, "Bob Fisher", LASTFM, GrantState.ACTIVE, NOW, NOW));
        }
        try (Stores store = SqliteStores.open(file, TestTokens.CIPHER)) {
            store.users().saveUser(new User(CAROL, "Carol Jones", LISTENBRAINZ, GrantState.ACTIVE, NOW, NOW));
        }

        assertThat(SqliteRekey.reseal(file, TestTokens.CIPHER, NEW_KEY)).isEqualTo(new SqliteRekey.Outcome(1, 1));
        assertThat(SqliteRekey.reseal(file, TestTokens.CIPHER, NEW_KEY)).as("run again: Carol's is the new key's")
                .isEqualTo(new SqliteRekey.Outcome(0, 1));
        try (Stores store = SqliteStores.open(file, NEW_KEY)) {
            assertThat(store.users().findUser(CAROL).orElseThrow().connection()).isEqualTo(LISTENBRAINZ);
        }
    }

    @Test
    void itIsRefusedWhileAnotherProcessHasTheFileOpenAndWhenThereIsNoFile() {
        Path file = dir.resolve("songs.db");
        try (Stores server = SqliteStores.open(file, TestTokens.CIPHER)) {
            server.users().saveUser(new User(ALICE, "Alice Smith", SPOTIFY, GrantState.ACTIVE, NOW, NOW));

            assertThatThrownBy(() -> SqliteRekey.reseal(file, TestTokens.CIPHER, NEW_KEY))
                    .isInstanceOf(SqliteStoreException.class)
                    .hasMessage(file.toAbsolutePath() + " is in use by another process: stop the server first. "
                            + "Nothing was changed");
            assertThat(server.users().findUser(ALICE).orElseThrow().connection()).isEqualTo(SPOTIFY);
        }
        Path missing = dir.resolve("missing.db");
        assertThatThrownBy(() -> SqliteRekey.reseal(missing, TestTokens.CIPHER, NEW_KEY))
                .hasMessage("no database file at " + missing.toAbsolutePath());
        assertThat(Files.exists(missing)).isFalse();
    }
}
