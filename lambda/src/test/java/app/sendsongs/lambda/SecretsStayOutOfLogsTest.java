package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.LogCapture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever the functions log, on success and on failure, never holds a secret value. */
class SecretsStayOutOfLogsTest {
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
    void noSecretAppearsInTheLogsOfAShareARejectedWebhookOrAFailedSecretRead() {
        String log;
        try (LogCapture capture = new LogCapture()) {
            people.register("alice", "alice-sp", "Alice Smith");
            people.register("bob", "bob-sp", "Bob Fisher");
            people.say("alice", "send_song name:\"Bob Fisher\" https://open.spotify.com/track/" + people.trackIds().get(1));
            people.advanceMinutes(10);
            ObjectNode forged = SampleEvents.load("webhook-post");
            forged.put("body", forged.get("body").asText().replace("help", "forget_me"));
            LambdaWorld.invoke(world.webhook, "webhook", forged);

            world.parameters.putString(LambdaWorld.parameterName(Setting.SPOTIFY_CLIENT_SECRET_PARAMETER),
                    world.sandboxConfig.spotifyClientSecret());
            RegistrationHandler misconfigured = new RegistrationHandler(world.surroundings("misconfigured",
                    RegistrationHandler.SETTINGS));
            assertThat(LambdaWorld.invoke(misconfigured, "registration", SampleEvents.load("connect"))
                    .path("statusCode").asInt()).isEqualTo(500);
            log = capture.text();
        }

        assertThat(log).contains("rejected: missing or wrong X-Hub-Signature-256")
                .contains("secrets must be SecureString");
        for (String secret : List.of(SampleEvents.SAMPLE_APP_SECRET, SampleEvents.SAMPLE_VERIFY_TOKEN,
                world.sandboxConfig.pageAccessToken(), world.sandboxConfig.spotifyClientSecret(), world.tokenKey())) {
            assertThat(log).doesNotContain(secret);
        }
    }
}
