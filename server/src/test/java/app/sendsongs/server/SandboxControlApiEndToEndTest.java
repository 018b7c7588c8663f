package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.server.SandboxClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox control API as a test suite outside the project drives it, knowing only the documented endpoints and
 * the words the bot's messages promise: raw JSON over HTTP against the demo server.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class SandboxControlApiEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    /** The app secret the suite runs the demo with, to sign webhook bodies of its own. */
    private static final String SECRET = "suite-app-secret";
    /** The Telegram webhook's secret the suite runs the demo with, to post updates of its own. */
    private static final String TELEGRAM_SECRET = "suite-telegram-secret";

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private String track;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "MESSENGER_APP_SECRET", SECRET, "TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET, "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        track = sandbox.trackIds().getFirst();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403})
    void aSpotifyClientErrorFaultIsTakenAndAnsweredInSpotifysOwnFormats(int status) {
        Response webApiFault = sandbox.post("/sandbox/faults", fault(status));
        assertThat(webApiFault.status()).as(webApiFault.body()).isEqualTo(200);
        Response webApi = sandbox.get("/sandbox/api/v1/tracks/" + track);
        assertThat(webApi.status()).isEqualTo(status);
        assertThat(webApi.json().path("error").path("status").asInt()).isEqualTo(status);
        assertThat(webApi.json().path("error").path("message").asText()).isNotBlank();

        assertThat(sandbox.post("/sandbox/faults", fault(status)).status()).isEqualTo(200);
        Response accounts = sandbox.postForm("/sandbox/accounts/api/token", "grant_type=client_credentials", null);
        assertThat(accounts.status()).isEqualTo(status);
        assertThat(accounts.json().path("error").asText()).isNotBlank();
        assertThat(accounts.json().path("error_description").asText()).isNotBlank();
        assertThat(sandbox.get("/sandbox/faults").json().path("spotify")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403})
    void aWatchOutlivesASpotifyClientErrorAndThePlayIsStillTold(int status) {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        sandbox.play("bob-sp", track);
        assertThat(sandbox.post("/sandbox/faults", fault(status)).status()).isEqualTo(200);

        sandbox.advanceMinutes(6);
        assertThat(sandbox.get("/sandbox/faults").json().path("spotify")).as("the check met the fault").isEmpty();
        assertThat(sandbox.inbox("alice")).noneMatch(text -> text.contains("listened to"));

        sandbox.advanceMinutes(10);
        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.contains("Bob Fisher listened to "));
    }

    @Test
    void aSongNotPlayedWithinTheWatchPeriodIsToldToTheSenderInTheWordsPromised() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        String title = sandbox.track(track).path("name").asText();

        sandbox.advanceMinutes(8 * 24 * 60);
        sandbox.ask("alice", "hi"); // Messenger's 24-hour window: the notice waits for her to write

        assertThat(sandbox.inbox("alice")).anyMatch(text -> text.contains("not played within 7 days")
                && text.contains(title) && text.contains("Bob Fisher"));
    }

    @Test
    void aMessageTheSuiteSignsItselfIsAnsweredInTheInboxAndAMidDeliveredTwiceOnce() {
        long now = sandbox.now().toEpochMilli();
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"sandbox-page\",\"time\":" + now
                + ",\"messaging\":[{\"sender\":{\"id\":\"walt\"},\"recipient\":{\"id\":\"sandbox-page\"},"
                + "\"timestamp\":" + now + ",\"message\":{\"mid\":\"m-walt-1\",\"text\":\"hi\"}}]}]}";

        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);
        assertThat(sandbox.awaitInbox("walt", inbox -> !inbox.isEmpty())).singleElement().asString()
                .contains("Send Songs");

        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);
        sandbox.ask("walt", "hello");
        assertThat(sandbox.inbox("walt")).as("the mid delivered twice is answered once").hasSize(2);
    }

    @Test
    void aTelegramUpdateTheSuitePostsItselfWithTheSecretIsAnsweredInThePrivateChat() {
        long now = sandbox.now().getEpochSecond();
        String update = "{\"update_id\":900000001,\"message\":{\"message_id\":1,\"from\":{\"id\":6001,"
                + "\"is_bot\":false,\"first_name\":\"Walt\"},\"chat\":{\"id\":6001,\"type\":\"private\","
                + "\"first_name\":\"Walt\"},\"date\":" + now + ",\"text\":\"/start\"}}";
        TelegramPeople telegram = new TelegramPeople(sandbox);

        assertThat(telegram.postUpdate(update, TELEGRAM_SECRET).statusCode()).isEqualTo(200);

        assertThat(telegram.await(6001, chat -> !chat.isEmpty())).singleElement().asString().contains("Send Songs");
    }

    private static String fault(int status) {
        return SandboxClient.json(Map.of("target", "spotify", "status", status, "count", 1, "retry_after", 0));
    }
}
