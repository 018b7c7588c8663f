package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.Stores;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.sqlite.SqliteStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code send-songs rekey}: a token key that leaked is replaced without anyone connecting again. The server stopped,
 * the tokens people connected with through the server are sealed again with the new key, which opens them
 * afterwards; the old key opens none.
 */
class RekeyCommandTest {
    private static final String OLD_KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";
    private static final String NEW_KEY = "bmV3LXNlbmQtc29uZ3MtdGVzdC1rZXktMzItYnl0ZXM=";
    private static final ChatAddress ALICE = ChatAddress.messenger("alice");

    @TempDir
    Path dir;

    @Test
    void theTokensOfPeopleConnectedThroughTheServerOpenWithTheNewKeyOnlyOnceTheServerIsStopped() throws IOException {
        Path database = dir.resolve("songs.db");
        Path env = Files.writeString(dir.resolve("env"), "SQLITE_PATH=" + database + "\nTOKEN_ENCRYPTION_KEY=" + OLD_KEY
                + "\n");
        Path newKey = Files.writeString(dir.resolve("new-key"), NEW_KEY + "\n");
        try (Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TOKEN_ENCRYPTION_KEY",
                OLD_KEY))) {
            SandboxClient sandbox = new SandboxClient(demo.baseUrl());
            sandbox.register("alice", "alice-sp", "Alice Smith");

            CommandRun whileServing = rekey(env, newKey);

            assertThat(whileServing.exit()).isEqualTo(1);
            // The running demo logs to the same standard error, in this test's process.
            assertThat(whileServing.err().strip().lines().toList().getLast()).isEqualTo(database.toAbsolutePath() + " is in use by another "
                    + "process: stop the server first. Nothing was changed");
        }
        ListeningConnection before = connectionOfAlice(database, OLD_KEY);

        CommandRun rekey = rekey(env, newKey);

        assertThat(rekey.exit()).as(rekey.err()).isZero();
        assertThat(rekey.out().strip().lines().toList().getLast()).isEqualTo("Sealed 2 tokens in " + database.toAbsolutePath() + " again with "
                + "the new key. Put it in TOKEN_ENCRYPTION_KEY before the server starts again: the old key opens "
                + "none of them now.");
        assertThat(before.readable()).isTrue();
        assertThat(connectionOfAlice(database, NEW_KEY)).isEqualTo(before);
        assertThat(connectionOfAlice(database, OLD_KEY).readable()).isFalse();
    }

    @Test
    void aNewKeyThatIsMissingMalformedOrTheKeyInUseIsAConfigurationErrorSaidInOneLineWithoutTheKey()
            throws IOException {
        Path database = dir.resolve("songs.db");
        Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TOKEN_ENCRYPTION_KEY", OLD_KEY)).close();
        Path env = Files.writeString(dir.resolve("env"), "SQLITE_PATH=" + database + "\nTOKEN_ENCRYPTION_KEY=" + OLD_KEY
                + "\n");
        Path missing = dir.resolve("no-such-key");
        Path malformed = Files.writeString(dir.resolve("malformed-key"), "not-a-key-but-secret");
        Path same = Files.writeString(dir.resolve("same-key"), OLD_KEY);

        assertRefused(rekey(env, missing), "cannot read the new key file " + missing + ": there is no such file");
        assertRefused(rekey(env, malformed), "the new key in " + malformed + ": the token encryption key is not "
                + "base64");
        assertRefused(rekey(env, same), "the new key in " + same + " is the key in use (TOKEN_ENCRYPTION_KEY): make "
                + "a new one with openssl rand -base64 32");
        Path dynamo = Files.writeString(dir.resolve("dynamo-env"), "STORE=dynamodb\nDYNAMODB_TABLE=t\nAWS_REGION=eu-west-1\n"
                + "TOKEN_ENCRYPTION_KEY=" + OLD_KEY + "\n");
        CommandRun onDynamo = rekey(dynamo, same);
        assertThat(onDynamo.exit()).isEqualTo(2);
        assertThat(onDynamo.err()).contains("--new-key-file replaces the key of a SQLite file, the server stopped; on "
                + "DynamoDB, set TOKEN_ENCRYPTION_KEY to the new key and TOKEN_ENCRYPTION_PREVIOUS_KEY to the old one")
                .doesNotContain(OLD_KEY);
    }

    @Test
    void withThePreviousKeySetRekeySealsWhatItSealedWithTheKeyInUse() throws IOException {
        Path database = dir.resolve("songs.db");
        try (Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TOKEN_ENCRYPTION_KEY",
                OLD_KEY))) {
            new SandboxClient(demo.baseUrl()).register("alice", "alice-sp", "Alice Smith");
        }
        ListeningConnection before = connectionOfAlice(database, OLD_KEY);
        Path env = Files.writeString(dir.resolve("env"), "SQLITE_PATH=" + database + "\nTOKEN_ENCRYPTION_KEY=" + NEW_KEY
                + "\nTOKEN_ENCRYPTION_PREVIOUS_KEY=" + OLD_KEY + "\n");

        CommandRun rekey = CommandRun.of("rekey", "--env-file", env.toString());

        assertThat(rekey.exit()).as(rekey.err()).isZero();
        assertThat(rekey.out().strip().lines().toList().getLast()).isEqualTo("Sealed 2 tokens in "
                + database.toAbsolutePath() + " with TOKEN_ENCRYPTION_KEY. TOKEN_ENCRYPTION_PREVIOUS_KEY opens none of "
                + "them now: take it away wherever it is set.");
        assertThat(connectionOfAlice(database, NEW_KEY)).isEqualTo(before);
        assertThat(connectionOfAlice(database, OLD_KEY).readable()).isFalse();
    }

    @Test
    void aReplacementIsRefusedInOneLineWhenItsKeysDoNotMakeOne() throws IOException {
        Path database = dir.resolve("songs.db");
        Path newKey = Files.writeString(dir.resolve("new-key"), NEW_KEY);
        Path neither = Files.writeString(dir.resolve("env"), "SQLITE_PATH=" + database + "\nTOKEN_ENCRYPTION_KEY="
                + OLD_KEY + "\n");
        Path replacing = Files.writeString(dir.resolve("replacing"), "SQLITE_PATH=" + database
                + "\nTOKEN_ENCRYPTION_KEY=" + NEW_KEY + "\nTOKEN_ENCRYPTION_PREVIOUS_KEY=" + OLD_KEY + "\n");
        Path same = Files.writeString(dir.resolve("same"), "SQLITE_PATH=" + database + "\nTOKEN_ENCRYPTION_KEY="
                + OLD_KEY + "\nTOKEN_ENCRYPTION_PREVIOUS_KEY=" + OLD_KEY + "\n");
        Path malformed = Files.writeString(dir.resolve("malformed"), "SQLITE_PATH=" + database
                + "\nTOKEN_ENCRYPTION_KEY=" + OLD_KEY + "\nTOKEN_ENCRYPTION_PREVIOUS_KEY=not-a-key-but-secret\n");

        assertRefused(CommandRun.of("rekey", "--env-file", neither.toString()), "rekey needs --new-key-file FILE "
                + "(SQLite, the server stopped), or TOKEN_ENCRYPTION_KEY set to the new key and "
                + "TOKEN_ENCRYPTION_PREVIOUS_KEY to the key it replaces (see \"Changing TOKEN_ENCRYPTION_KEY\" in "
                + "docs/operations.md)");
        assertRefused(rekey(replacing, newKey), "TOKEN_ENCRYPTION_PREVIOUS_KEY is set: a replacement of the key is "
                + "under way. Run rekey without --new-key-file to finish it");
        assertRefused(CommandRun.of("rekey", "--env-file", same.toString()), "TOKEN_ENCRYPTION_PREVIOUS_KEY is the "
                + "key in use (TOKEN_ENCRYPTION_KEY): it must be the key being replaced");
        assertRefused(CommandRun.of("rekey", "--env-file", malformed.toString()), "TOKEN_ENCRYPTION_PREVIOUS_KEY: the "
                + "token encryption key is not base64");
        assertThat(Files.exists(database)).as("nothing opened").isFalse();
    }

    @Test
    void theServerOpensWhatThePreviousKeySealedAndSealsWithTheKeyInUse() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("PUBLIC_BASE_URL", "https://bot.example",
                "SPOTIFY_CLIENT_ID", "id", "SPOTIFY_CLIENT_SECRET", "secret", "MESSENGER_APP_SECRET", "s",
                "MESSENGER_VERIFY_TOKEN", "v", "MESSENGER_PAGE_ACCESS_TOKEN", "p", "TOKEN_ENCRYPTION_KEY", NEW_KEY,
                "TOKEN_ENCRYPTION_PREVIOUS_KEY", OLD_KEY));

        TokenCipher cipher = ServerConfig.from(values).tokenCipher();

        assertThat(cipher.open(TokenCipher.fromBase64(OLD_KEY).seal("old-token"))).isEqualTo("old-token");
        assertThat(TokenCipher.fromBase64(NEW_KEY).open(cipher.seal("new-token"))).isEqualTo("new-token");
        values.put("TOKEN_ENCRYPTION_PREVIOUS_KEY", "c2hvcnQ=");
        assertThatThrownBy(() -> ServerConfig.from(values)).hasMessageContaining("TOKEN_ENCRYPTION_PREVIOUS_KEY: the "
                + "token encryption key must be 32 bytes").hasMessageNotContaining("c2hvcnQ=");
    }

    private static void assertRefused(CommandRun run, String why) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(why);
        assertThat(run.err() + run.out()).doesNotContain(OLD_KEY, "not-a-key-but-secret");
    }

    private static CommandRun rekey(Path env, Path newKey) {
        return CommandRun.of("rekey", "--env-file", env.toString(), "--new-key-file", newKey.toString());
    }

    private static ListeningConnection connectionOfAlice(Path database, String key) {
        try (Stores store = SqliteStores.open(database, TokenCipher.fromBase64(key))) {
            return store.users().findUser(ALICE).orElseThrow().connection();
        }
    }
}
