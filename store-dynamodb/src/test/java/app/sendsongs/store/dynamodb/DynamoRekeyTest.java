package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A table's tokens sealed again with a new key, while processes that know both keys use it. */
class DynamoRekeyTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    private static final SpotifyConnection GRANT = new SpotifyConnection("alice-sp", "access-token",
            NOW.plusSeconds(3600), "refresh-token", NOW.minusSeconds(60));
    private static final LastfmConnection LASTFM = new LastfmConnection("bob_fm", "session-key");
    private static final ListenBrainzConnection LISTENBRAINZ = new ListenBrainzConnection("carol-lb", "user-token");

    private final TokenCipher oldKey = TokenCipher.random();
    private final TokenCipher newKey = TokenCipher.random();

    @Test
    void everyTokenTheOldKeySealedIsSealedWithTheNewKeyAndWhatTheNewKeySealedIsLeft() {
        String table = DYNAMO.freshTable();
        Stores before = DynamoStores.create(DYNAMO.client(), table, oldKey);
        before.users().saveUser(new User(at("alice"), "Alice Smith", GRANT, GrantState.ACTIVE, NOW, NOW));
        before.users().saveUser(new User(at("bob"), "Bob Fisher", LASTFM, GrantState.ACTIVE, NOW, NOW));
        before.registrations().saveRegistrationCode(new RegistrationCode("ABCD-EFGH", GRANT, NOW.plusSeconds(900)));
        Stores replacing = DynamoStores.create(DYNAMO.client(), table, newKey.openingAlso(oldKey));
        replacing.users().saveUser(new User(at("carol"), "Carol Jones", LISTENBRAINZ, GrantState.ACTIVE, NOW, NOW));
        String carolsToken = raw(table, "USER#carol", "USER", "sourceSecret");

        DynamoRekey.Outcome outcome = DynamoRekey.reseal(DYNAMO.client(), table, oldKey, newKey);

        assertThat(outcome).isEqualTo(new DynamoRekey.Outcome(5, 0));
        Stores after = DynamoStores.create(DYNAMO.client(), table, newKey);
        assertThat(after.users().findUser(at("alice")).orElseThrow().connection()).isEqualTo(GRANT);
        assertThat(after.users().findUser(at("bob")).orElseThrow().connection()).isEqualTo(LASTFM);
        assertThat(after.users().findUser(at("carol")).orElseThrow().connection()).isEqualTo(LISTENBRAINZ);
        assertThat(after.registrations().claimRegistrationCode("ABCD-EFGH", "reader").orElseThrow().connection())
                .isEqualTo(GRANT);
        assertThat(raw(table, "USER#carol", "USER", "sourceSecret")).as("not written again").isEqualTo(carolsToken);
        assertThat(DynamoRekey.reseal(DYNAMO.client(), table, oldKey, newKey)).as("again: nothing left to do")
                .isEqualTo(new DynamoRekey.Outcome(0, 0));
    }

    @Test
    void aTokenNeitherKeyOpensIsCountedAndLeftAsItWas() {
        String table = DYNAMO.freshTable();
        DynamoStores.create(DYNAMO.client(), table, TokenCipher.random()).users()
                .saveUser(new User(at("dave"), "Dave Brown", LASTFM, GrantState.ACTIVE, NOW, NOW));
        String stored = raw(table, "USER#dave", "USER", "sourceSecret");

        assertThat(DynamoRekey.reseal(DYNAMO.client(), table, oldKey, newKey))
                .isEqualTo(new DynamoRekey.Outcome(0, 1));
        assertThat(raw(table, "USER#dave", "USER", "sourceSecret")).isEqualTo(stored);
    }

    private static String raw(String table, String pk, String sk, String attribute) {
        return DYNAMO.client().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item()
                .get(attribute).s();
    }
}
