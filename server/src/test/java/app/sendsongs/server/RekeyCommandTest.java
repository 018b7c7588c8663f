package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(onDynamo.err()).contains("rekey seals the tokens of a SQLite file again").doesNotContain(OLD_KEY);
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
