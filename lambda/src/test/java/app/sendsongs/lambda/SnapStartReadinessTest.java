package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What SnapStart needs: creating a handler (Lambda's init phase, which the snapshot captures) reads the
 * environment and nothing else; no AWS call, no secret. Secrets are fetched on the first request, once per
 * execution environment, and a failed fetch is tried again on the next request.
 */
class SnapStartReadinessTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private LambdaWorld world;

    @BeforeEach
    void start() {
        world = new LambdaWorld(DYNAMO, QUEUES);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void creatingTheHandlersCallsNothingAndTheFirstRequestFetchesTheSecretsOnce() {
        assertThat(world.parameters.calls()).isZero();
        assertThat(world.calls("webhook")).isEmpty();
        assertThat(world.calls("registration")).isEmpty();
        assertThat(world.calls("tick")).isEmpty();
        assertThat(world.calls("inbound")).isEmpty();

        world.runTick();
        world.runTick();

        assertThat(world.parameters.calls()).isEqualTo(1);
        assertThat(world.calls("tick")).extracting(AwsCall::action).contains("ssm:GetParameters");
        assertThat(world.calls("webhook")).isEmpty();
    }

    @Test
    void aMissingParameterFailsTheRequestClearlyAndIsReadOnceItExists() {
        Map<String, String> environment = new java.util.HashMap<>(world.deploymentEnvironment());
        environment.put("TOKEN_ENCRYPTION_KEY_PARAMETER", "/send-songs-test/not-created-yet");
        TickHandler tick = new TickHandler(new Surroundings(environment,
                new TestAws(world.parameters.endpoint(), DYNAMO.endpoint(), QUEUES.endpoint()), StoreOpener.dynamoDb(), world.clock));

        assertThatThrownBy(() -> LambdaWorld.invoke(tick, "tick", SampleEvents.load("scheduler-tick")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKEN_ENCRYPTION_KEY_PARAMETER")
                .hasMessageContaining("/send-songs-test/not-created-yet");

        world.parameters.putSecureString("/send-songs-test/not-created-yet",
                java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(LambdaWorld.invoke(tick, "tick", SampleEvents.load("scheduler-tick")).path("listenChecks").asInt())
                .isZero();
    }

    @Test
    void aFunctionWithoutItsVariablesFailsAtInitNamingThemAll() {
        assertThatThrownBy(() -> new InboundHandler(new Surroundings(Map.of("DYNAMODB_TABLE", "t"),
                new TestAws(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"),
                        URI.create("http://127.0.0.1:1")),
                (client, table, cipher) -> { throw new AssertionError("not opened"); }, Clock.systemUTC())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLIC_BASE_URL is not set")
                .hasMessageContaining("MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER is not set")
                .hasMessageContaining("INBOUND_QUEUE_URL is not set")
                .hasMessageContaining("TOKEN_ENCRYPTION_KEY_PARAMETER is not set");
    }
}
