package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Spotify tokens, Last.fm session keys and ListenBrainz user tokens never reach the table in the clear. */
class DynamoTokenSealingTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    private static final SpotifyConnection GRANT = new SpotifyConnection("alice-sp", "access-token-in-clear",
            NOW.plusSeconds(3600),
            "refresh-token-in-clear", NOW.minusSeconds(60));

    @Test
    void tokensAreSealedInTheTableAndOpenedOnRead() {
        String table = DYNAMO.freshTable();
        Stores store = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
        store.users().saveUser(new User(at("alice"), "Alice Smith", GRANT, GrantState.ACTIVE, NOW, NOW));
        store.registrations().saveRegistrationCode(new RegistrationCode("ABCD-EFGH", GRANT, NOW.plusSeconds(900)));

        assertThat(rawTokens(table, "USER#alice", "USER")).hasSize(2).allSatisfy(value -> assertThat(value)
                .startsWith("v1.").doesNotContain("in-clear"));
        assertThat(rawTokens(table, "CODE#ABCD-EFGH", "CODE")).hasSize(2).allSatisfy(value -> assertThat(value)
                .startsWith("v1.").doesNotContain("in-clear"));

        assertThat(store.users().findUser(at("alice")).orElseThrow().connection()).isEqualTo(GRANT);
        assertThat(store.users().findUsersByName("alice smith")).singleElement().extracting(User::connection)
                .isEqualTo(GRANT);
        assertThat(store.registrations().claimRegistrationCode("ABCD-EFGH", "reader").orElseThrow().connection())
                .isEqualTo(GRANT);
    }

    @Test
    void scrobblingSecretsAreSealedInTheTableAndOpenedOnRead() {
        String table = DYNAMO.freshTable();
        Stores store = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
        LastfmConnection lastfm = new LastfmConnection("alice_fm", "session-key-in-clear");
        ListenBrainzConnection listenBrainz = new ListenBrainzConnection("bob-lb", "user-token-in-clear");
        store.users().saveUser(new User(at("alice"), "Alice Smith", lastfm, GrantState.ACTIVE, NOW, NOW));
        store.registrations().saveRegistrationCode(new RegistrationCode("WXYZ-EFGH", listenBrainz,
                NOW.plusSeconds(900)));

        for (Map<String, AttributeValue> item : List.of(item(table, "USER#alice", "USER"),
                item(table, "CODE#WXYZ-EFGH", "CODE"))) {
            assertThat(item.get("sourceSecret").s()).startsWith("v1.").doesNotContain("in-clear");
            assertThat(item).doesNotContainKeys("accessToken", "refreshToken", "spotifyAccountId");
        }
        assertThat(store.users().findUser(at("alice")).orElseThrow().connection()).isEqualTo(lastfm);
        assertThat(store.registrations().claimRegistrationCode("WXYZ-EFGH", "reader").orElseThrow().connection())
                .isEqualTo(listenBrainz);
    }

    @Test
    void aTableReadWithAnotherKeyHandsOutNoTokensAndStillReadsThePeople() {
        String table = DYNAMO.freshTable();
        DynamoStores.create(DYNAMO.client(), table, TokenCipher.random()).users()
                .saveUser(new User(at("alice"), "Alice Smith", GRANT, GrantState.ACTIVE, NOW, NOW));

        Stores otherKey = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());

        User alice = otherKey.users().findUser(at("alice")).orElseThrow();
        assertThat(alice.name()).isEqualTo("Alice Smith");
        assertThat(alice.connection().readable()).isFalse();
        assertThat(((SpotifyConnection) alice.connection()).accessToken()).isEqualTo(ListeningConnection.UNREADABLE_SECRET);
    }

    private static List<String> rawTokens(String table, String pk, String sk) {
        Map<String, AttributeValue> item = item(table, pk, sk);
        return List.of(item.get("accessToken").s(), item.get("refreshToken").s());
    }

    private static Map<String, AttributeValue> item(String table, String pk, String sk) {
        return DYNAMO.client().getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }
}
