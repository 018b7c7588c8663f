package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessengerEmulatorTest {
    private static final String GRAPH = "/sandbox/graph/v25.0/me/messages?access_token=sandbox-page-access-token";
    private final SandboxHarness h = new SandboxHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    private static String send(String psid, String type, String text) {
        return "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"" + type + "\",\"message\":{\"text\":\"" + text + "\"}}";
    }

    @Test
    void userMessageBecomesASignedWebhookEvent() throws Exception {
        SandboxHarness.Response sent = h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "hello bot", "name", "Ann"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        String mid = sent.json().path("mid").asText();
        assertThat(mid).startsWith("m_");

        assertThat(h.webhooks).hasSize(1);
        SandboxHarness.Received received = h.webhooks.get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(received.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(received.body())));

        JsonNode event = received.json();
        assertThat(event.path("object").asText()).isEqualTo("page");
        JsonNode entry = event.path("entry").get(0);
        assertThat(entry.path("id").asText()).isEqualTo("100000000000001");
        assertThat(entry.path("time").asLong()).isEqualTo(SandboxHarness.START.toEpochMilli());
        JsonNode messaging = entry.path("messaging").get(0);
        assertThat(messaging.path("sender").path("id").asText()).isEqualTo("psid-1");
        assertThat(messaging.path("recipient").path("id").asText()).isEqualTo("100000000000001");
        assertThat(messaging.path("timestamp").asLong()).isEqualTo(SandboxHarness.START.toEpochMilli());
        assertThat(messaging.path("message").path("mid").asText()).isEqualTo(mid);
        assertThat(messaging.path("message").path("text").asText()).isEqualTo("hello bot");

        String mid2 = h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "again")).json().path("mid").asText();
        assertThat(mid2).isNotEqualTo(mid);
    }

    private JsonNode lastEvent() {
        return h.webhooks.getLast().json().path("entry").get(0).path("messaging").get(0);
    }

    @Test
    void aQuickReplyTapIsAMessageWithTheTitleAndThePayload() {
        SandboxHarness.Response sent = h.post("/sandbox/messenger/send",
                Map.of("from", "psid-1", "text", "Bob Fisher (2)", "quick_reply", "2"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode message = lastEvent().path("message");
        assertThat(message.path("mid").asText()).isEqualTo(sent.json().path("mid").asText()).startsWith("m_");
        assertThat(message.path("text").asText()).isEqualTo("Bob Fisher (2)");
        assertThat(message.path("quick_reply").path("payload").asText()).isEqualTo("2");
        assertThat(h.sandbox.messenger().lastInbound("psid-1")).contains(SandboxHarness.START);
    }

    /** The bot asks {@code psid} a question with one quick reply per payload; answers the Send API's message_id. */
    private String ask(String psid, String question, String... payloads) {
        StringBuilder replies = new StringBuilder();
        for (String payload : payloads) {
            replies.append(replies.isEmpty() ? "" : ",").append("{\"content_type\":\"text\",\"title\":\"")
                    .append(payload.toUpperCase()).append("\",\"payload\":\"").append(payload).append("\"}");
        }
        SandboxHarness.Response sent = h.post(GRAPH, "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":"
                + "\"RESPONSE\",\"message\":{\"text\":\"" + question + "\",\"quick_replies\":[" + replies + "]}}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        return sent.json().path("message_id").asText();
    }

    private SandboxHarness.Response tap(String psid, String payload, String... newestSeen) {
        Map<String, String> body = new HashMap<>(Map.of("from", psid, "text", payload.toUpperCase(),
                "quick_reply", payload));
        if (newestSeen.length > 0) {
            body.put("newest_seen", newestSeen[0]);
        }
        return h.post("/sandbox/messenger/send", body);
    }

    @Test
    void onlyTheQuickRepliesOfTheNewestMessageCanBeTappedAndAnOldTapReachesNoBot() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "hi"));
        ask("psid-1", "Send it?", "yes", "no");
        ask("psid-1", "Who is it for?", "bob", "carol");
        int posted = h.webhooks.size();

        SandboxHarness.Response old = tap("psid-1", "yes");
        assertThat(old.status()).as(old.body()).isEqualTo(409);
        assertThat(old.json().path("error").asText()).contains("\"yes\"").contains("newest message");
        assertThat(h.webhooks).as("nothing posted to the bot").hasSize(posted);

        assertThat(tap("psid-1", "carol").status()).isEqualTo(200);
        assertThat(lastEvent().path("message").path("quick_reply").path("payload").asText()).isEqualTo("carol");

        assertThat(h.post(GRAPH, send("psid-1", "RESPONSE", "Sent.")).status()).isEqualTo(200);
        assertThat(tap("psid-1", "bob").status()).as("the newest message has no quick replies").isEqualTo(409);
        assertThat(h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "YES")).status())
                .as("typing is always possible").isEqualTo(200);
        assertThat(h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "postback", "menu", "title", "Menu"))
                .status()).as("template buttons stay").isEqualTo(200);
    }

    @Test
    void aTapThatCrossedTheBotsNewerMessageNamesTheNewestMessageThePersonSaw() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "hi"));
        String first = ask("psid-1", "Send it?", "yes", "no");
        String second = ask("psid-1", "Who is it for?", "bob", "carol");

        assertThat(tap("psid-1", "yes", first).status()).isEqualTo(200);
        assertThat(lastEvent().path("message").path("quick_reply").path("payload").asText()).isEqualTo("yes");
        assertThat(tap("psid-1", "yes", second).status()).as("not under the message named").isEqualTo(409);
        assertThat(tap("psid-1", "yes", "m_nobody_sent_this").status()).as("a message the bot never sent them")
                .isEqualTo(400);
        assertThat(tap("psid-1", "no", first).status()).as("the first message's quick replies were tapped")
                .isEqualTo(409);
        assertThat(tap("psid-1", "carol").status()).as("the newer message's are still there").isEqualTo(200);
    }

    @Test
    void quickRepliesOnceTappedAreGoneAndOnlyTheBotsNewerOnesCanBeTapped() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "hi"));
        String question = ask("psid-1", "Send it?", "yes", "no");
        assertThat(tap("psid-1", "yes").status()).isEqualTo(200);
        int posted = h.webhooks.size();

        SandboxHarness.Response again = tap("psid-1", "yes");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).contains(question).contains("already tapped");
        assertThat(tap("psid-1", "no").status()).as("nor another of the same message's").isEqualTo(409);
        assertThat(h.webhooks).as("nothing posted to the bot").hasSize(posted);
        assertThat(h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "NO")).status())
                .as("typing is always possible").isEqualTo(200);

        ask("psid-1", "Who is it for?", "bob", "carol");
        assertThat(tap("psid-1", "bob").status()).isEqualTo(200);
        assertThat(lastEvent().path("message").path("quick_reply").path("payload").asText()).isEqualTo("bob");
    }

    @Test
    void aButtonTapIsAPostbackWithTitlePayloadAndMid() {
        SandboxHarness.Response sent = h.post("/sandbox/messenger/send",
                Map.of("from", "psid-1", "postback", "cancel 1", "title", "Cancel"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode event = lastEvent();
        assertThat(event.has("message")).isFalse();
        assertThat(event.path("postback").path("mid").asText()).isEqualTo(sent.json().path("mid").asText());
        assertThat(event.path("postback").path("title").asText()).isEqualTo("Cancel");
        assertThat(event.path("postback").path("payload").asText()).isEqualTo("cancel 1");
        assertThat(event.path("timestamp").asLong()).isEqualTo(SandboxHarness.START.toEpochMilli());
        assertThat(h.sandbox.messenger().lastInbound("psid-1")).isPresent();
    }

    @Test
    void anOpenedLinkIsAReferralWithoutMidThatOpensTheWindow() {
        SandboxHarness.Response sent = h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "referral", "song-42"));

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().has("mid")).isFalse();
        JsonNode referral = lastEvent().path("referral");
        assertThat(referral.path("ref").asText()).isEqualTo("song-42");
        assertThat(referral.path("source").asText()).isEqualTo("SHORTLINK");
        assertThat(referral.path("type").asText()).isEqualTo("OPEN_THREAD");
        assertThat(h.post(GRAPH, send("psid-1", "RESPONSE", "welcome")).status()).isEqualTo(200);
    }

    @Test
    void aLinkSharedFromAnotherAppIsAFallbackAttachmentWithTheCommentAsText() {
        String link = "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm?si=1";
        SandboxHarness.Response alone = h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "share", link));

        assertThat(alone.status()).as(alone.body()).isEqualTo(200);
        JsonNode message = lastEvent().path("message");
        assertThat(message.path("mid").asText()).isEqualTo(alone.json().path("mid").asText());
        assertThat(message.has("text")).isFalse();
        assertThat(message.path("attachments").get(0).path("type").asText()).isEqualTo("fallback");
        assertThat(message.path("attachments").get(0).path("payload").path("url").asText()).isEqualTo(link);

        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "share", link, "text", "for Bob"));
        assertThat(lastEvent().path("message").path("text").asText()).isEqualTo("for Bob");
        assertThat(lastEvent().path("message").path("attachments").get(0).path("payload").path("url").asText())
                .isEqualTo(link);
    }

    @Test
    void aStickerIsAMessageWithoutTextWhoseAttachmentIsOfTypeSticker() {
        SandboxHarness.Response like = h.post("/sandbox/messenger/send", Map.of("from", "psid-1",
                "sticker", 369239263222822L));

        assertThat(like.status()).as(like.body()).isEqualTo(200);
        JsonNode message = lastEvent().path("message");
        assertThat(message.path("mid").asText()).isEqualTo(like.json().path("mid").asText());
        assertThat(message.has("text")).isFalse();
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("type").asText()).isEqualTo("sticker");
        assertThat(attachment.path("payload").path("sticker_id").asLong()).isEqualTo(369239263222822L);
        assertThat(attachment.path("payload").path("url").asText()).startsWith("https://");
    }

    @Test
    void aPhotoAVoiceClipOrALocationIsAMessageWithoutTextWhoseAttachmentIsOfThatType() {
        SandboxHarness.Response photo = h.post("/sandbox/messenger/send", Map.of("from", "psid-1",
                "attachment", "image"));

        assertThat(photo.status()).as(photo.body()).isEqualTo(200);
        JsonNode message = lastEvent().path("message");
        assertThat(message.path("mid").asText()).isEqualTo(photo.json().path("mid").asText());
        assertThat(message.has("text")).isFalse();
        assertThat(message.path("attachments").get(0).path("type").asText()).isEqualTo("image");
        assertThat(message.path("attachments").get(0).path("payload").path("url").asText()).startsWith("https://");

        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "attachment", "image", "url",
                "https://media.giphy.com/media/x/giphy.gif"));
        assertThat(lastEvent().path("message").path("attachments").get(0).path("payload").path("url").asText())
                .isEqualTo("https://media.giphy.com/media/x/giphy.gif");
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "attachment", "audio"));
        assertThat(lastEvent().path("message").path("attachments").get(0).path("type").asText()).isEqualTo("audio");
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "attachment", "location"));
        assertThat(lastEvent().path("message").path("attachments").get(0).path("payload").path("coordinates")
                .has("lat")).isTrue();
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "attachment", "fallback"));
        assertThat(lastEvent().path("message").path("attachments").get(0).has("payload"))
                .as("a share Messenger does not support").isFalse();
    }

    @Test
    void refusesTapsAndLinksThatAreNotWellFormed() {
        String send = "/sandbox/messenger/send";
        assertThat(h.post(send, Map.of("from", "p", "text", "t", "postback", "x", "title", "X")).status())
                .as("two kinds at once").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p")).status()).as("no kind").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "postback", "x")).status()).as("postback without title")
                .isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "quick_reply", "x", "text", "")).status())
                .as("quick reply without its title").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "text", "t", "quick_reply", "")).status()).isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "referral", "")).status()).isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "postback", "x".repeat(1001), "title", "X")).status())
                .as("longer than Messenger's payloads").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "referral", 42)).status()).isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "share", "open.spotify.com/track/x")).status())
                .as("a share of no absolute link").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "share", "https://x/y", "postback", "x", "title", "X")).status())
                .as("a share and a tap").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "share", "https://x/y", "text", "t", "quick_reply", "q"))
                .status()).as("a share and a quick reply").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "sticker", "a cat")).status()).as("no sticker id").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "sticker", -5)).status()).as("no sticker id").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "sticker", "1", "text", "hi")).status()).as("a sticker and text")
                .isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "attachment", "photo")).status()).as("no such type").isEqualTo(400);
        assertThat(h.post(send, Map.of("from", "p", "attachment", "image", "text", "hi")).status())
                .as("an attachment and text").isEqualTo(400);
        assertThat(h.webhooks).isEmpty();
    }

    @Test
    void botFailureIsReportedAs502() {
        h.webhookStatus = 500;
        SandboxHarness.Response sent = h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "hi"));
        assertThat(sent.status()).isEqualTo(502);
        assertThat(sent.json().path("error").asText()).isEqualTo("bot answered 500");
        assertThat(sent.json().path("mid").asText()).startsWith("m_");
        assertThat(h.post("/sandbox/messenger/send", Map.of("text", "hi")).status()).isEqualTo(400);
    }

    @Test
    void graphSendRecordsTheMessageInTheInbox() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-2", "text", "hi"));
        h.clock.advance(Duration.ofMinutes(1));
        SandboxHarness.Response ok = h.post(GRAPH, send("psid-2", "RESPONSE", "welcome!"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("recipient_id").asText()).isEqualTo("psid-2");
        assertThat(ok.json().path("message_id").asText()).startsWith("m_");

        JsonNode inbox = h.get("/sandbox/messenger/inbox/psid-2").json();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("welcome!");
        assertThat(inbox.get(0).path("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(inbox.get(0).path("at").asText()).isEqualTo("2026-11-25T10:01:00Z");
        assertThat(inbox.get(0).path("message_id").asText()).isEqualTo(ok.json().path("message_id").asText());
        assertThat(h.get("/sandbox/messenger/inbox").json().path("psid-2")).hasSize(1);
        assertThat(h.get("/sandbox/messenger/inbox/nobody").json()).isEmpty();
    }

    @Test
    void graphValidatesTokenRecipientAndText() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-3", "text", "hi"));
        SandboxHarness.Response badToken = h.post(GRAPH.replace("sandbox-page-access-token", "wrong"), send("psid-3", "RESPONSE", "x"));
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.json().path("error").path("code").asInt()).isEqualTo(190);
        assertThat(badToken.json().path("error").path("type").asText()).isEqualTo("OAuthException");
        assertThat(badToken.json().path("error").path("fbtrace_id").asText()).isNotBlank();
        assertThat(h.post("/sandbox/graph/v25.0/me/messages", send("psid-3", "RESPONSE", "x")).json()
                .path("error").path("code").asInt()).isEqualTo(190);

        SandboxHarness.Response unknown = h.post(GRAPH, send("stranger", "RESPONSE", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(unknown.json().path("error").path("error_subcode").asInt()).isEqualTo(2018001);
        assertThat(unknown.json().path("error").path("message").asText()).isEqualTo("(#100) No matching user found");

        assertThat(h.post(GRAPH, send("psid-3", "RESPONSE", "")).json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(h.post(GRAPH, send("psid-3", "RESPONSE", "a".repeat(2000))).status()).isEqualTo(200);
        SandboxHarness.Response tooLong = h.post(GRAPH, send("psid-3", "RESPONSE", "a".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(h.post(GRAPH, send("psid-3", "BROADCAST", "x")).status()).isEqualTo(400);
        assertThat(h.get("/sandbox/messenger/inbox/psid-3").json()).hasSize(1);
    }

    @Test
    void theDailyCallLimitGrowsWithEachPersonWhoWritesAndShrinksAsTheyLeaveTheWindow() {
        assertThat(h.post("/sandbox/messenger/limits", Map.of("calls", 1_000, "per_engaged_person_per_day", 2))
                .status()).isEqualTo(200);
        h.post("/sandbox/messenger/send", Map.of("from", "psid-a", "text", "hi"));
        assertThat(h.post(GRAPH, send("psid-a", "RESPONSE", "1")).status()).isEqualTo(200);
        assertThat(h.post(GRAPH, send("psid-a", "RESPONSE", "2")).status()).isEqualTo(200);
        SandboxHarness.Response over = h.post(GRAPH, send("psid-a", "RESPONSE", "3"));
        assertThat(over.json().path("error").path("code").asInt()).as(over.body()).isEqualTo(4);

        h.post("/sandbox/messenger/send", Map.of("from", "psid-b", "text", "hi"));
        h.post("/sandbox/messenger/send", Map.of("from", "psid-a", "text", "again")); // engaged once, not twice
        assertThat(h.post(GRAPH, send("psid-b", "RESPONSE", "3")).status()).isEqualTo(200);
        assertThat(h.post(GRAPH, send("psid-b", "RESPONSE", "4")).status()).isEqualTo(200);
        assertThat(h.post(GRAPH, send("psid-b", "RESPONSE", "5")).json().path("error").path("code").asInt())
                .isEqualTo(4);

        h.post("/sandbox/clock/advance", Map.of("seconds", 12 * 3600));
        h.post("/sandbox/messenger/send", Map.of("from", "psid-c", "text", "hi"));
        assertThat(h.post(GRAPH, send("psid-c", "RESPONSE", "6")).status()).isEqualTo(200);
        assertThat(h.post(GRAPH, send("psid-c", "RESPONSE", "7")).status()).isEqualTo(200);
        assertThat(h.post(GRAPH, send("psid-c", "RESPONSE", "8")).json().path("error").path("code").asInt())
                .as("three engaged people, six calls in the day").isEqualTo(4);

        h.post("/sandbox/clock/advance", Map.of("seconds", 13 * 3600)); // a and b have left the window, c has not
        SandboxHarness.Response left = h.post(GRAPH, send("psid-c", "RESPONSE", "9"));
        assertThat(left.json().path("error").path("code").asInt()).as("one engaged person, two calls in the day")
                .isEqualTo(4);
    }

    @Test
    void aPersonWhoBlockedThePageIsNotAvailableAndCannotWriteUntilTheyUnblockIt() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-5", "text", "hi"));
        assertThat(h.post("/sandbox/messenger/users/psid-5/block", Map.of()).status()).isEqualTo(200);

        SandboxHarness.Response refused = h.post(GRAPH, send("psid-5", "RESPONSE", "hello?"));
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(551);
        assertThat(error.path("error_subcode").asInt()).isEqualTo(1545041);
        assertThat(error.path("message").asText()).isEqualTo("This person isn't available right now.");
        assertThat(h.post("/sandbox/messenger/send", Map.of("from", "psid-5", "text", "hi again")).status())
                .isEqualTo(409);
        assertThat(h.post("/sandbox/messenger/users/nobody/block", Map.of()).status()).isEqualTo(404);

        h.post("/sandbox/messenger/users/psid-5/unblock", Map.of());
        assertThat(h.post(GRAPH, send("psid-5", "RESPONSE", "welcome back")).status()).isEqualTo(200);
    }

    @Test
    void twentyFourHourWindow() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-4", "text", "hi"));
        h.post("/sandbox/clock/advance", Map.of("seconds", 25 * 3600));
        SandboxHarness.Response late = h.post(GRAPH, send("psid-4", "UPDATE", "too late"));
        assertThat(late.status()).isEqualTo(400);
        JsonNode error = late.json().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(10);
        assertThat(error.path("error_subcode").asInt()).isEqualTo(2018278);
        assertThat(error.path("message").asText()).isEqualTo("(#10) This message is sent outside of allowed window.");

        SandboxHarness.Response tagged = h.post(GRAPH, "{\"recipient\":{\"id\":\"psid-4\"},\"messaging_type\":\"MESSAGE_TAG\","
                + "\"tag\":\"ACCOUNT_UPDATE\",\"message\":{\"text\":\"reconnect Spotify\"}}");
        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(h.post(GRAPH, "{\"recipient\":{\"id\":\"psid-4\"},\"messaging_type\":\"MESSAGE_TAG\","
                + "\"tag\":\"NOT_A_TAG\",\"message\":{\"text\":\"x\"}}").status()).isEqualTo(400);

        h.post("/sandbox/messenger/send", Map.of("from", "psid-4", "text", "back"));
        assertThat(h.post(GRAPH, send("psid-4", "RESPONSE", "welcome back")).status()).isEqualTo(200);
        JsonNode inbox = h.get("/sandbox/messenger/inbox/psid-4").json();
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).path("messaging_type").asText()).isEqualTo("MESSAGE_TAG");
        assertThat(inbox.get(1).path("text").asText()).isEqualTo("welcome back");
    }

    @Test
    void concurrentSendsAndGraphCalls() {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 200).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                String psid = "load-" + (i % 20);
                int a = h.post("/sandbox/messenger/send", Map.of("from", psid, "text", "m" + i)).status();
                int b = h.post(GRAPH, send(psid, "RESPONSE", "r" + i)).status();
                return a == 200 && b == 200 ? 200 : Math.max(a, b);
            }, pool)).toList();
            assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.webhooks).hasSize(200);
        assertThat(h.sandbox.messenger().inboxes().values().stream().mapToInt(List::size).sum()).isEqualTo(200);
    }
}
