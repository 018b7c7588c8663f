package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token key replaced on DynamoDB while a server uses the table: the server runs with the new key and the previous
 * one, people go on connecting, and {@code rekey} seals what the old key sealed with the new one meanwhile.
 */
class RekeyOnDynamoDbTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final String OLD_KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";
    private static final String NEW_KEY = "bmV3LXNlbmQtc29uZ3MtdGVzdC1rZXktMzItYnl0ZXM=";
    private static final ChatAddress DAVE = ChatAddress.messenger("dave");
    private static final LastfmConnection DAVES = new LastfmConnection("dave_fm", "session-key");

    @TempDir
    Path dir;

    @Test
    void whatTheOldKeySealedIsSealedWithTheNewKeyWhileTheServerRuns() throws IOException {
        String table = DYNAMO.freshTable();
        Instant now = Instant.now();
        DynamoStores.create(DYNAMO.client(), table, TokenCipher.fromBase64(OLD_KEY)).users()
                .saveUser(new User(DAVE, "Dave Brown", DAVES, GrantState.ACTIVE, now, now));
        Map<String, String> store = Map.of("STORE", "dynamodb", "DYNAMODB_TABLE", table,
                "DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString(), "AWS_REGION", DynaliteExtension.REGION.id(),
                "AWS_ACCESS_KEY_ID", DynaliteExtension.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", DynaliteExtension.SECRET_KEY,
                "TOKEN_ENCRYPTION_KEY", NEW_KEY, "TOKEN_ENCRYPTION_PREVIOUS_KEY", OLD_KEY);
        Map<String, String> serving = new HashMap<>(store);
        serving.put("PORT", "0");
        StringBuilder env = new StringBuilder();
        store.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
        Path envFile = Files.writeString(dir.resolve("env"), env);
        try (Demo demo = Demo.start(serving)) {
            new SandboxClient(demo.baseUrl()).register("alice", "alice-sp", "Alice Smith");

            CommandRun rekey = CommandRun.of("rekey", "--env-file", envFile.toString());

            assertThat(rekey.exit()).as(rekey.err()).isZero();
            assertThat(rekey.out().strip().lines().toList().getLast()).isEqualTo("Sealed 1 token in the DynamoDB "
                    + "table " + table + " with TOKEN_ENCRYPTION_KEY. TOKEN_ENCRYPTION_PREVIOUS_KEY opens none of "
                    + "them now: take it away wherever it is set.");
        }
        Stores newKeyOnly = DynamoStores.create(DYNAMO.client(), table, TokenCipher.fromBase64(NEW_KEY));
        assertThat(newKeyOnly.users().findUser(DAVE).orElseThrow().connection()).isEqualTo(DAVES);
        ListeningConnection alices = newKeyOnly.users().findUser(ChatAddress.messenger("alice")).orElseThrow()
                .connection();
        assertThat(alices.readable()).as("sealed by the server with the new key").isTrue();
    }
}
