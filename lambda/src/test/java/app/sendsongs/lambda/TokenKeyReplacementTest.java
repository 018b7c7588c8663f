package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token key replaced while the functions run: an execution environment started with the new key and the previous
 * one opens what the previous key sealed, and seals with the new key only.
 */
class TokenKeyReplacementTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private LambdaWorld world;
    private People people;

    @BeforeEach
    void start() {
        world = new LambdaWorld(DYNAMO, QUEUES);
        people = new People(world);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aCodeSealedWithThePreviousKeyStillRegistersAndThePersonsTokensAreSealedWithTheNewKey() {
        String code = people.connectSpotify("alice-sp"); // the registration function seals it with the key in use
        String newKey = LambdaWorld.randomKey();
        world.parameters.putSecureString(LambdaWorld.parameterName(Setting.TOKEN_ENCRYPTION_KEY_PARAMETER), newKey);
        world.parameters.putSecureString(LambdaWorld.parameterName(Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER),
                world.tokenKey());

        // the inbound function's first request starts its environment with both keys
        assertThat(people.ask("alice", "register code:\"" + code + "\" name:\"Alice Smith\"")).last().asString()
                .startsWith("Welcome, Alice Smith!");

        ListeningConnection alices = DynamoStores.create(DYNAMO.client(), world.table, TokenCipher.fromBase64(newKey))
                .users().findUser(ChatAddress.messenger("alice")).orElseThrow().connection();
        assertThat(alices.readable()).as("sealed with the new key alone").isTrue();
    }

    @Test
    void aPreviousKeyThatIsNoKeyStopsTheFunctionNamingItsParameter() {
        world.parameters.putSecureString(LambdaWorld.parameterName(Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER),
                "not-a-key");

        assertThatThrownBy(() -> LambdaWorld.invoke(world.tick, "tick", SampleEvents.load("scheduler-tick")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the parameter named by "
                        + "TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER is unusable: the token encryption key is not base64");
    }
}
