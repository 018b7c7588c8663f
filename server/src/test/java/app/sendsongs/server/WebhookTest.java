package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Messenger webhook as Facebook calls it: verification, signatures, batches, redelivery. */
class WebhookTest {
    private static final String SECRET = "webhook-test-secret";

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "MESSENGER_APP_SECRET", SECRET, "MESSENGER_VERIFY_TOKEN", "verify-me", "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void verificationAnswersTheChallengeOnlyForTheRightToken() {
        SandboxClient.Response ok = sandbox.get("/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");

        SandboxClient.Response wrong = sandbox.get("/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");
        assertThat(wrong.status()).isEqualTo(403);
    }

    @Test
    void unsignedAndWronglySignedEventsAreRejectedAndNothingIsStored() {
        // Eve has written before (through Messenger), so the bot may answer her.
        sandbox.ask("eve", "hi");
        int before = sandbox.inbox("eve").size();
        // not registered, so each message gets the one-message welcome (help would add the whole list: two)
        String body = page(entry(message("eve", "m-eve-1", "hello")));

        assertThat(sandbox.postWebhook(body, null).status()).isEqualTo(403);
        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, "another-secret")).status()).isEqualTo(403);
        assertThat(sandbox.postWebhook(body, "sha256=zz").status()).isEqualTo(403);
        assertThat(sandbox.postWebhook(body + " ", SandboxClient.sign(body, SECRET)).status()).isEqualTo(403);
        assertThat(sandbox.inbox("eve")).hasSize(before);

        // The same event, signed properly, is new to the bot: the rejected ones left no trace.
        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);
        sandbox.awaitInbox("eve", inbox -> inbox.size() > before);
        assertThat(sandbox.ask("eve", "hello")).singleElement().asString().contains("Send Songs");
        assertThat(sandbox.inbox("eve")).hasSize(before + 2);
    }

    @Test
    void everyEventOfEveryEntryInOnePostIsHandledAndTheRestIgnored() {
        List.of("p1", "p2", "p3", "p4").forEach(psid -> sandbox.ask(psid, "hi"));
        String body = page(
                entry(message("p1", "m-1", "hello"), message("p2", "m-2", "pending"),
                        read("p1"), echo("p1", "m-echo")),
                entry(message("p3", "m-3", "hi there"), attachmentOnly("p4", "m-4")));

        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);

        for (String psid : List.of("p1", "p2", "p3", "p4")) {
            sandbox.awaitInbox(psid, inbox -> inbox.size() >= 2);
        }
        // A person's next message is handled after their earlier ones: when it is answered, nothing else came.
        for (String psid : List.of("p1", "p2", "p3", "p4")) {
            assertThat(sandbox.ask(psid, "hello")).as(psid).singleElement().asString().contains("Send Songs");
        }
        assertThat(sandbox.inbox("p1")).hasSize(3);
        assertThat(sandbox.inbox("p2")).hasSize(3);
        assertThat(sandbox.inbox("p3")).hasSize(3);
        assertThat(sandbox.inbox("p4")).as("p4 sent only a photo").hasSize(3);
        assertThat(sandbox.inbox("p4").get(1)).startsWith("I can't read photos, only text.\n\nHi! I'm Send Songs");
    }

    @Test
    void theSameMidDeliveredTwiceMakesOneShare() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        String track = sandbox.trackIds().get(3);
        String body = page(entry(message("alice", "m-share-1",
                "send_song name:\\\"Bob Fisher\\\" https://open.spotify.com/track/" + track)));
        int aliceBefore = sandbox.inbox("alice").size();
        int bobBefore = sandbox.inbox("bob").size();

        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);
        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);

        sandbox.awaitInbox("alice", inbox -> inbox.size() > aliceBefore);
        // Alice's next message is handled after both copies.
        List<String> history = sandbox.ask("alice", "history");
        assertThat(sandbox.inbox("bob").subList(bobBefore, sandbox.inbox("bob").size()))
                .as("one song: its text and its card").hasSize(2)
                .filteredOn(text -> text.contains("Alice Smith sent you a song")).hasSize(1);
        assertThat(sandbox.inbox("alice")).hasSize(aliceBefore + 2);
        assertThat(history.getLast().split("Bob Fisher", -1)).hasSize(2);
    }

    @Test
    void anEventOlderThanTheDedupeWindowIsAnsweredButNotHandled() {
        sandbox.ask("eve", "hi");
        int before = sandbox.inbox("eve").size();
        long old = demo.clock().instant().minus(Duration.ofDays(8)).toEpochMilli();
        String body = page(entry(message("eve", "m-eve-old", "help"))).replace(Long.toString(now()), Long.toString(old));

        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(200);

        // Eve's next message is handled after anything she sent before: the old one got no answer.
        List<String> answer = sandbox.ask("eve", "help", 2); // the commands and the welcome
        assertThat(answer).anyMatch(text -> text.contains("send_song"));
        assertThat(sandbox.inbox("eve")).hasSize(before + 2);
    }

    @Test
    void aMalformedButSignedBodyIsABadRequest() {
        String body = "{\"object\":\"page\",\"entry\":";
        assertThat(sandbox.postWebhook(body, SandboxClient.sign(body, SECRET)).status()).isEqualTo(400);
    }

    /** The time the demo's clock shows: events carry it, as Messenger dates them when they happen. */
    private long now() {
        return demo.clock().instant().toEpochMilli();
    }

    private String page(String... entries) {
        return "{\"object\":\"page\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private String entry(String... events) {
        return "{\"id\":\"sandbox-page\",\"time\":" + now() + ",\"messaging\":[" + String.join(",", events) + "]}";
    }

    private String message(String psid, String mid, String text) {
        return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"sandbox-page\"},\"timestamp\":" + now() + ","
                + "\"message\":{\"mid\":\"" + mid + "\",\"seq\":7,\"text\":\"" + text + "\"}}";
    }

    private String read(String psid) {
        return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"sandbox-page\"},\"timestamp\":" + now() + ","
                + "\"read\":{\"watermark\":" + now() + "}}";
    }

    private String echo(String psid, String mid) {
        return "{\"sender\":{\"id\":\"sandbox-page\"},\"recipient\":{\"id\":\"" + psid + "\"},\"timestamp\":" + now() + ","
                + "\"message\":{\"mid\":\"" + mid + "\",\"is_echo\":true,\"text\":\"hello\"}}";
    }

    private String attachmentOnly(String psid, String mid) {
        return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"sandbox-page\"},\"timestamp\":" + now() + ","
                + "\"message\":{\"mid\":\"" + mid + "\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":\"x\"}}]}}";
    }
}
