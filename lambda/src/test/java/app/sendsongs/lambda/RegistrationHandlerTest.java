package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registration function invoked directly with API Gateway's payload 2.0 events. */
class RegistrationHandlerTest {
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
    void connectRedirectsToSpotifyConsentWithAFreshStateAndOurCallback() {
        JsonNode first = invoke(SampleEvents.load("connect"));
        JsonNode second = invoke(SampleEvents.load("connect"));

        assertThat(first.path("statusCode").asInt()).isEqualTo(302);
        assertThat(first.path("headers").path("Cache-Control").asText()).isEqualTo("no-store");
        assertThat(first.path("headers").path("Referrer-Policy").asText()).isEqualTo("no-referrer");
        URI location = URI.create(first.path("headers").path("Location").asText());
        assertThat(location.toString()).startsWith(world.sandboxBase() + "/sandbox/accounts/authorize?");
        assertThat(param(location, "redirect_uri")).isEqualTo(world.api.baseUrl() + "/callback");
        assertThat(param(location, "scope")).isEqualTo("user-read-recently-played");
        assertThat(param(location, "state")).isNotBlank()
                .isNotEqualTo(param(URI.create(second.path("headers").path("Location").asText()), "state"));
    }

    @Test
    void connectSetsTheCookieThatBindsTheRoundTripToTheBrowserAndStoresNothing() {
        JsonNode connect = invoke(SampleEvents.load("connect"));

        assertThat(connect.path("cookies")).singleElement().extracting(JsonNode::asText).asString()
                .startsWith("send_songs_connect=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(world.calls("registration")).noneMatch(call -> call.action().startsWith("dynamodb:"));
    }

    @Test
    void theCallbackShowsAOneTimeCodeAndTheSameStateCannotBeUsedTwice() {
        JsonNode connect = invoke(SampleEvents.load("connect"));
        URI authorize = URI.create(connect.path("headers").path("Location").asText());
        URI back = URI.create(people.get(authorize + "&sandbox_user=carol-sp").location());
        ObjectNode callback = SampleEvents.load("callback");
        callback.put("rawQueryString", back.getRawQuery());
        callback.putArray("cookies").add(connect.path("cookies").get(0).asText().split(";")[0]);

        JsonNode page = invoke(callback);
        JsonNode replay = invoke(callback);

        assertThat(page.path("statusCode").asInt()).isEqualTo(200);
        assertThat(page.path("headers").path("Content-Type").asText()).startsWith("text/html");
        assertThat(page.path("body").asText()).containsPattern("id=\"registration-code\">[A-Z0-9-]+<");
        assertThat(replay.path("statusCode").asInt()).isEqualTo(400);
        assertThat(replay.path("body").asText()).contains("This page was already used")
                .doesNotContain("registration-code");
    }

    @Test
    void theCallbackInABrowserThatDidNotStartTheRoundTripFinishesNothing() {
        URI authorize = URI.create(invoke(SampleEvents.load("connect")).path("headers").path("Location").asText());
        ObjectNode callback = SampleEvents.load("callback");
        callback.put("rawQueryString", URI.create(people.get(authorize + "&sandbox_user=mallory-sp").location())
                .getRawQuery());

        JsonNode page = invoke(callback);

        assertThat(page.path("statusCode").asInt()).isEqualTo(400);
        assertThat(page.path("body").asText()).contains("another browser").doesNotContain("registration-code");
    }

    @Test
    void aCallbackWithAStateNeverIssuedIsRefusedPolitely() {
        JsonNode page = invoke(SampleEvents.load("callback"));

        assertThat(page.path("statusCode").asInt()).isEqualTo(400);
        assertThat(page.path("headers").path("X-Frame-Options").asText()).isEqualTo("DENY");
        assertThat(page.path("body").asText()).contains("expired or was already used")
                .contains(world.api.baseUrl() + "/connect");
    }

    @Test
    void aPastedTokenIsTakenFromThePasteFormOnlyNeverFromAUrl() {
        people.nameIs("frank", "Frank", "Ocean");
        String form = people.listenBrainzForm(people.personalLink("frank", "listenbrainz"), "frank_lb");
        String callback = world.api.baseUrl() + "/callback/listenbrainz";

        People.Response inTheUrl = people.get(callback + "?" + form);

        assertThat(inTheUrl.status()).as("a pasted token in a URL (browser history, logs)").isEqualTo(405);
        assertThat(inTheUrl.headers().firstValue("Allow")).contains("POST");
        assertThat(inTheUrl.body()).as("a page, as on the server, back to the connect page").contains("<title>")
                .contains("<a href=\"" + world.api.baseUrl() + "/connect/listenbrainz\">");
        assertThat(people.postForm(callback, form).body()).as("and the token was not used")
                .contains("id=\"registered\"");
    }

    @Test
    void whileTheSendApiHangsTheBrowserGetsItsPageBeforeTheTimeoutAndTheWelcomeGoesOnceFromTheTick() throws Exception {
        people.nameIs("frank", "Frank", "Ocean");
        String form = people.listenBrainzForm(people.personalLink("frank", "listenbrainz"), "frank_lb");
        int before = people.inbox("frank").size();

        People.Response page;
        try (SilentServer graph = new SilentServer()) {
            // the profile read and the welcome each wait out the Send API's 10-second timeout: 20 s
            world.api.route("POST /callback/{source}", "registration", registrationWithGraphAt(graph.url()));
            page = people.postForm(world.api.baseUrl() + "/callback/listenbrainz", form);
        }

        assertThat(page.status()).as("answered before Lambda's timeout").isEqualTo(200);
        assertThat(page.body()).contains("id=\"registered\"");
        assertThat(people.inbox("frank")).as("the welcome is held").hasSize(before);
        people.advanceMinutes(2); // the tick retries the held messages
        assertThat(people.inbox("frank").subList(before, people.inbox("frank").size())).singleElement().asString()
                .startsWith("Welcome");
    }

    private RegistrationHandler registrationWithGraphAt(String graph) {
        Map<String, String> environment = new HashMap<>(world.deploymentEnvironment());
        environment.keySet().retainAll(RegistrationHandler.SETTINGS.stream().map(Setting::name).toList());
        environment.put(Setting.MESSENGER_GRAPH_BASE_URL.name(), graph);
        return new RegistrationHandler(new Surroundings(environment,
                new TestAws(world.parameters.endpoint(), DYNAMO.endpoint(), QUEUES.endpoint()), StoreOpener.dynamoDb(),
                world.clock));
    }

    private JsonNode invoke(JsonNode event) {
        return LambdaWorld.invoke(world.registration, "registration", event);
    }

    private static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
