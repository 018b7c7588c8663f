package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final WebhookParser parser = new WebhookParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private List<InboundMessage> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"object":"page","entry":[{"id":"PAGE","time":1000,"messaging":[events]}]}}. */
    private static String page(String... events) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"time\":1000,\"messaging\":["
                + String.join(",", events) + "]}]}";
    }

    private static String text(String sender, String mid, String text, long timestamp) {
        return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":" + timestamp
                + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }

    @Test
    void readsEveryMessagingEventOfEveryEntry() {
        String body = """
                {"object":"page","entry":[
                  {"id":"PAGE","time":1700000000100,"messaging":[
                    {"sender":{"id":"111"},"recipient":{"id":"PAGE"},"timestamp":1700000000001,
                     "message":{"mid":"m.1","text":"help"}},
                    {"sender":{"id":"222"},"recipient":{"id":"PAGE"},"timestamp":1700000000002,
                     "message":{"mid":"m.2","text":"groups"}}]},
                  {"id":"PAGE","time":1700000000200,"messaging":[
                    {"sender":{"id":"111"},"recipient":{"id":"PAGE"},"timestamp":1700000000003,
                     "message":{"mid":"m.3","text":"pending"}}]}]}""";

        assertThat(parse(body)).containsExactly(
                new InboundMessage("m.1", "111", "help", Instant.ofEpochMilli(1700000000001L)),
                new InboundMessage("m.2", "222", "groups", Instant.ofEpochMilli(1700000000002L)),
                new InboundMessage("m.3", "111", "pending", Instant.ofEpochMilli(1700000000003L)));
    }

    @Test
    void keepsTheTextExactlyWithQuotesLineBreaksAndEmoji() {
        String body = page("""
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m",
                 "text":"send_song name:\\u201cBob Fisher\\u201d\\npre:'you\\u2019ll love it' \\ud83c\\udfb6"}}""");
        assertThat(parse(body)).singleElement().extracting(InboundMessage::text)
                .isEqualTo("send_song name:\u201cBob Fisher\u201d\npre:'you\u2019ll love it' \ud83c\udfb6");
    }

    @Test
    void returnsTheSameMidTwiceWhenMessengerRedeliversItsLeftToTheBotToDeduplicate() {
        assertThat(parse(page(text("1", "m.same", "help", 5), text("1", "m.same", "help", 5)))).hasSize(2);
    }

    @Test
    void ignoresEchoesOfThePagesOwnMessages() {
        String echo = """
                {"sender":{"id":"PAGE"},"recipient":{"id":"1"},"timestamp":5,
                 "message":{"is_echo":true,"app_id":1517,"metadata":"x","mid":"m.echo","text":"Sent it!"}}""";
        assertThat(parse(page(echo, text("1", "m.real", "help", 6))))
                .extracting(InboundMessage::mid).containsExactly("m.real");
    }

    @Test
    void ignoresReadDeliveryReactionAndOptinEvents() {
        String read = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":5,"
                + "\"read\":{\"watermark\":1458668856253}}";
        String delivery = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"PAGE\"},"
                + "\"delivery\":{\"mids\":[\"m.x\"],\"watermark\":1458668856253}}";
        String reaction = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":5,"
                + "\"reaction\":{\"reaction\":\"love\",\"emoji\":\"\\u2764\",\"action\":\"react\",\"mid\":\"m.x\"}}";
        String optin = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":5,"
                + "\"optin\":{\"ref\":\"x\"}}";
        assertThat(parse(page(read, delivery, reaction, optin))).isEmpty();
    }

    @Test
    void ignoresMessagesWithoutText() {
        String image = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.img",
                 "attachments":[{"type":"image","payload":{"url":"https://x/y.png"}}]}}""";
        String sticker = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.st","sticker_id":369239263222822,
                 "attachments":[{"type":"image","payload":{"url":"https://x/like.png","sticker_id":369239263222822}}]}}""";
        String blank = text("1", "m.blank", "   ", 5);
        assertThat(parse(page(image, sticker, blank))).isEmpty();
    }

    @Test
    void keepsTheTextOfAMessageWithALinkPreviewAttachment() {
        String shared = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.link",
                 "text":"https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm?si=abc",
                 "attachments":[{"type":"fallback","title":"Ferris Wheel in February",
                   "url":"https://l.facebook.com/l.php?u=x","payload":null}]}}""";
        assertThat(parse(page(shared))).singleElement().extracting(InboundMessage::text)
                .isEqualTo("https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm?si=abc");
    }

    @Test
    void keepsTheTextOfAQuickReply() {
        String quick = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.q","text":"Bob Fisher (2)",
                 "quick_reply":{"payload":"PICK_2"}}}""";
        assertThat(parse(page(quick))).singleElement().extracting(InboundMessage::text).isEqualTo("Bob Fisher (2)");
    }

    @Test
    void readsAPostbackAsTheTitleOfTheButtonThePersonTapped() {
        String postback = """
                {"sender":{"id":"1"},"recipient":{"id":"PAGE"},"timestamp":7,
                 "postback":{"mid":"m.pb","title":"help","payload":"HELP"}}""";
        String noTitle = """
                {"sender":{"id":"1"},"timestamp":8,"postback":{"mid":"m.pb2","payload":"GET_STARTED"}}""";
        assertThat(parse(page(postback, noTitle)))
                .containsExactly(new InboundMessage("m.pb", "1", "help", Instant.ofEpochMilli(7)));
    }

    @Test
    void givesAPostbackWithoutMidAnIdThatIsStableAcrossRedeliveries() {
        String postback = "{\"sender\":{\"id\":\"1\"},\"timestamp\":7,\"postback\":{\"title\":\"Get Started\","
                + "\"payload\":\"GET_STARTED\"}}";
        List<InboundMessage> first = parse(page(postback));
        List<InboundMessage> again = parse(page(postback));
        assertThat(first).singleElement().extracting(InboundMessage::mid).isEqualTo(again.get(0).mid());
    }

    @Test
    void ignoresFieldsTheBotDoesNotUse() {
        String body = """
                {"object":"page","extra":{"a":1},"entry":[{"id":"PAGE","time":1000,"uid":"x",
                  "standby":[{"sender":{"id":"9"},"message":{"mid":"m.standby","text":"not ours"}}],
                  "messaging":[{"sender":{"id":"1","user_ref":"u"},"recipient":{"id":"PAGE"},"timestamp":5,
                    "message":{"mid":"m.1","seq":73,"text":"help","nlp":{"entities":{}},
                               "reply_to":{"mid":"m.0"},"commands":[{"name":"x"}]}}]}]}""";
        assertThat(parse(body)).extracting(InboundMessage::mid).containsExactly("m.1");
    }

    @Test
    void skipsEventsWithoutSenderOrMid() {
        String noSender = "{\"timestamp\":5,\"message\":{\"mid\":\"m.1\",\"text\":\"help\"}}";
        String noMid = "{\"sender\":{\"id\":\"1\"},\"timestamp\":5,\"message\":{\"text\":\"help\"}}";
        String notAnObject = "42";
        assertThat(parse(page(noSender, noMid, notAnObject, text("2", "m.ok", "help", 5))))
                .extracting(InboundMessage::mid).containsExactly("m.ok");
    }

    @Test
    void datesAMessageByItsTimestampElseTheEntryTimeElseNow() {
        String withoutTimestamp = "{\"sender\":{\"id\":\"1\"},\"message\":{\"mid\":\"m.2\",\"text\":\"b\"}}";
        String body = "{\"object\":\"page\",\"entry\":["
                + "{\"id\":\"PAGE\",\"time\":1000,\"messaging\":[" + text("1", "m.1", "a", 900) + ","
                + withoutTimestamp + "]},"
                + "{\"id\":\"PAGE\",\"messaging\":[" + withoutTimestamp.replace("m.2", "m.3") + "]}]}";
        assertThat(parse(body)).extracting(InboundMessage::sentAt)
                .containsExactly(Instant.ofEpochMilli(900), Instant.ofEpochMilli(1000), NOW);
    }

    @Test
    void answersNothingForAPageWebhookWithoutEntries() {
        assertThat(parse("{\"object\":\"page\"}")).isEmpty();
        assertThat(parse("{\"object\":\"page\",\"entry\":[]}")).isEmpty();
        assertThat(parse("{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"changes\":[]}]}")).isEmpty();
    }

    @Test
    void ignoresWellFormedEventsOfOtherObjectsSoMessengerGetsA200() {
        String instagram = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":["
                + text("1", "m.1", "help", 5) + "]}]}";
        assertThat(parse(instagram)).isEmpty();
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThatThrownBy(() -> parse("object=page&entry=1"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":["))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{\"object\":\"page\"} {\"object\":\"page\"}"))
                .as("trailing content").isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(null))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        for (String notAnObject : List.of("[]", "\"page\"", "42", "null")) {
            assertThatThrownBy(() -> parse(notAnObject)).as(notAnObject)
                    .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("not a JSON object");
        }
    }

    @Test
    void rejectsAnObjectWithoutTheObjectField() {
        assertThatThrownBy(() -> parse("{\"entry\":[]}"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("\"object\"");
        assertThatThrownBy(() -> parse("{\"object\":{\"name\":\"page\"},\"entry\":[]}"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("\"object\"");
    }

    @Test
    void rejectsEntriesOrMessagingThatAreNotArrays() {
        assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":{\"messaging\":[]}}"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("\"entry\"");
        assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":[\"x\"]}"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("entry");
        assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":[{\"messaging\":"
                + text("1", "m.1", "help", 5) + "}]}"))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("\"messaging\"");
    }
}
