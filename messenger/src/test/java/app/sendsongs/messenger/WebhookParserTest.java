package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final WebhookParser parser = new WebhookParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private List<Inbound> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8)).events();
    }

    private List<String> echoes(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8)).echoedMessageIds();
    }

    private static ChatAddress messenger(String psid) {
        return ChatAddress.messenger(psid);
    }

    private static String text(Inbound event) {
        return ((Inbound.Text) event).text();
    }

    private static String what(Inbound event) {
        return ((Inbound.Unreadable) event).what();
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
                new Inbound.Text("m.1", messenger("111"), Instant.ofEpochMilli(1700000000001L), "help"),
                new Inbound.Text("m.2", messenger("222"), Instant.ofEpochMilli(1700000000002L), "groups"),
                new Inbound.Text("m.3", messenger("111"), Instant.ofEpochMilli(1700000000003L), "pending"));
    }

    @Test
    void keepsTheTextExactlyWithQuotesLineBreaksAndEmoji() {
        String body = page("""
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m",
                 "text":"send_song name:\\u201cBob Fisher\\u201d\\npre:'you\\u2019ll love it' \\ud83c\\udfb6"}}""");
        assertThat(parse(body)).singleElement().extracting(WebhookParserTest::text)
                .isEqualTo("send_song name:\u201cBob Fisher\u201d\npre:'you\u2019ll love it' \ud83c\udfb6");
    }

    @Test
    void returnsTheSameMidTwiceWhenMessengerRedeliversItsLeftToTheBotToDeduplicate() {
        assertThat(parse(page(text("1", "m.same", "help", 5), text("1", "m.same", "help", 5)))).hasSize(2);
    }

    @Test
    void anEchoOfThePagesOwnMessageIsNoEventButGivesTheIdTheBotSentWithIt() {
        String echo = """
                {"sender":{"id":"PAGE"},"recipient":{"id":"1"},"timestamp":5,
                 "message":{"is_echo":true,"app_id":1517,"metadata":"5b0e7c1a-2f3d-3e4f-9a8b-7c6d5e4f3a2b#2",
                            "mid":"m.echo","text":"Sent it!"}}""";
        String body = page(echo, text("1", "m.real", "help", 6));

        assertThat(parse(body)).extracting(Inbound::eventId).containsExactly("m.real");
        assertThat(echoes(body)).containsExactly("5b0e7c1a-2f3d-3e4f-9a8b-7c6d5e4f3a2b#2");
    }

    @Test
    void echoesWithoutTheBotsMetadataConfirmNothing() {
        String fromTheInbox = """
                {"sender":{"id":"PAGE"},"recipient":{"id":"1"},"timestamp":5,
                 "message":{"is_echo":true,"app_id":1517,"mid":"m.echo1","text":"typed by a page admin"}}""";
        String blank = """
                {"sender":{"id":"PAGE"},"recipient":{"id":"1"},"timestamp":5,
                 "message":{"is_echo":true,"metadata":"  ","mid":"m.echo2","text":"x"}}""";
        String tooLong = "{\"sender\":{\"id\":\"PAGE\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":5,"
                + "\"message\":{\"is_echo\":true,\"metadata\":\"" + "x".repeat(1001) + "\",\"mid\":\"m.echo3\"}}";
        String attachment = """
                {"sender":{"id":"PAGE"},"recipient":{"id":"1"},"timestamp":5,
                 "message":{"is_echo":true,"metadata":"ref-1","mid":"m.echo4",
                            "attachments":[{"type":"template","payload":{"template_type":"generic"}}]}}""";

        assertThat(echoes(page(fromTheInbox, blank, tooLong))).isEmpty();
        assertThat(parse(page(fromTheInbox, blank, tooLong))).isEmpty();
        assertThat(echoes(page(attachment))).as("an echoed card carries it too").containsExactly("ref-1");
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
    void aMessageWithoutTextOrALinkIsWhatItCarriesNamedAsTheBotSaysIt() {
        String[] kinds = {"image", "audio", "video", "file", "location", "reel", "ig_reel", "post", "appointment_booking"};
        List<String> events = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            events.add("{\"sender\":{\"id\":\"1\"},\"timestamp\":" + (i + 1) + ",\"message\":{\"mid\":\"m." + i
                    + "\",\"attachments\":[{\"type\":\"" + kinds[i] + "\",\"payload\":{\"url\":\"https://x/y\"}}]}}");
        }

        assertThat(parse(page(events.toArray(String[]::new)))).extracting(WebhookParserTest::what).containsExactly(
                "photo", "voice message", "video", "file", "location", "video", "video", "post", "attachment");
        assertThat(parse(page(events.getFirst()))).containsExactly(
                new Inbound.Unreadable("m.0", messenger("1"), Instant.ofEpochMilli(1), "photo"));
    }

    @Test
    void aGifIsAGifAndAStickerButTheLikeASticker() {
        String gif = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.gif",
                 "attachments":[{"type":"image","payload":{"url":"https://media.giphy.com/media/x/giphy.gif?cid=1"}}]}}""";
        String sticker = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.st","sticker_id":126361874215276,
                 "attachments":[{"type":"sticker","payload":{"url":"https://x/cat.png","sticker_id":126361874215276}}]}}""";
        String stickerBeforeAugust2026 = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.st2","sticker_id":126361874215276,
                 "attachments":[{"type":"image","payload":{"url":"https://x/cat.png","sticker_id":126361874215276}}]}}""";

        assertThat(parse(page(gif, sticker, stickerBeforeAugust2026))).extracting(WebhookParserTest::what)
                .containsExactly("GIF", "sticker", "sticker");
    }

    @Test
    void aLocationAndAShareMessengerCannotShowAreNamedToo() {
        String location = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.loc","attachments":[{"type":"location",
                 "title":"Pinned Location","payload":{"coordinates":{"lat":52.37,"long":4.89}}}]}}""";
        String unsupportedShare = """
                {"sender":{"id":"1"},"timestamp":6,"message":{"mid":"m.none","attachments":[{"type":"fallback"}]}}""";

        assertThat(parse(page(location, unsupportedShare))).extracting(WebhookParserTest::what)
                .containsExactly("location", "shared post");
    }

    @Test
    void aBlankMessageAndTheEchoOfTheBotsOwnPhotoAreNothing() {
        String blank = text("1", "m.blank", "   ", 5);
        String echoedPhoto = """
                {"sender":{"id":"PAGE"},"recipient":{"id":"1"},"timestamp":5,"message":{"is_echo":true,"mid":"m.e",
                 "attachments":[{"type":"image","payload":{"url":"https://x/y.png"}}]}}""";
        assertThat(parse(page(blank, echoedPhoto))).isEmpty();
    }

    @Test
    void theLikeButtonIsReadAsAThumbsUpInEachOfItsSizesAndShapes() {
        String beforeAugust2026 = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.small","sticker_id":369239263222822,
                 "attachments":[{"type":"image","payload":{"url":"https://x/like.png","sticker_id":369239263222822}}]}}""";
        String inTheTransition = """
                {"sender":{"id":"1"},"timestamp":6,"message":{"mid":"m.medium","sticker_id":369239343222814,
                 "attachments":[{"type":"image","payload":{"url":"https://x/like.png","sticker_id":369239343222814}},
                                {"type":"sticker","payload":{"url":"https://x/like.png","sticker_id":369239343222814}}]}}""";
        String sinceAugust2026 = """
                {"sender":{"id":"1"},"timestamp":7,"message":{"mid":"m.large",
                 "attachments":[{"type":"sticker","payload":{"url":"https://x/like.png","sticker_id":"369239383222810"}}]}}""";

        assertThat(parse(page(beforeAugust2026, inTheTransition, sinceAugust2026))).containsExactly(
                new Inbound.Text("m.small", messenger("1"), Instant.ofEpochMilli(5), "👍"),
                new Inbound.Text("m.medium", messenger("1"), Instant.ofEpochMilli(6), "👍"),
                new Inbound.Text("m.large", messenger("1"), Instant.ofEpochMilli(7), "👍"));
    }

    @Test
    void keepsTheTextOfAMessageWithALinkPreviewAttachment() {
        String shared = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.link",
                 "text":"https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm?si=abc",
                 "attachments":[{"type":"fallback","title":"Ferris Wheel in February",
                   "url":"https://l.facebook.com/l.php?u=x","payload":null}]}}""";
        assertThat(parse(page(shared))).singleElement().extracting(WebhookParserTest::text)
                .isEqualTo("https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm?si=abc");
    }

    @Test
    void readsALinkSharedFromAnotherAppsShareSheetAsItsText() {
        String sharedAlone = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.share",
                 "attachments":[{"type":"fallback","payload":{"url":"https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm",
                   "title":"Ferris Wheel in February"}}]}}""";
        String withComment = """
                {"sender":{"id":"1"},"timestamp":6,"message":{"mid":"m.comment","text":"for Bob Fisher ",
                 "attachments":[{"type":"fallback","payload":{"url":"https://spotify.link/aB3dE5fG7h"}}]}}""";
        String throughRedirect = """
                {"sender":{"id":"1"},"timestamp":7,"message":{"mid":"m.shim",
                 "attachments":[{"type":"fallback","title":"Ferris Wheel in February","url":
                   "https://l.facebook.com/l.php?u=https%3A%2F%2Fopen.spotify.com%2Ftrack%2Fsw0KSZFy2XPBgUm7JydSrm%3Fsi%3Da&h=AT0","payload":null}]}}""";

        assertThat(parse(page(sharedAlone, withComment, throughRedirect)))
                .extracting(WebhookParserTest::text).containsExactly(
                        "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm",
                        "for Bob Fisher https://spotify.link/aB3dE5fG7h",
                        "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm?si=a");
    }

    @Test
    void readsAtMostFiveSharedLinksOfAMessageAndNoneTooLong() {
        StringBuilder attachments = new StringBuilder("{\"type\":\"fallback\",\"payload\":{\"url\":\"https://x/")
                .append("y".repeat(3_000)).append("\"}}");
        for (int i = 0; i < 8; i++) {
            attachments.append(",{\"type\":\"fallback\",\"payload\":{\"url\":\"https://x/").append(i).append("\"}}");
        }
        String many = "{\"sender\":{\"id\":\"1\"},\"timestamp\":5,\"message\":{\"mid\":\"m.many\",\"attachments\":["
                + attachments + "]}}";

        assertThat(parse(page(many))).singleElement().extracting(WebhookParserTest::text)
                .isEqualTo("https://x/0 https://x/1 https://x/2 https://x/3 https://x/4");
    }

    @Test
    void readsAQuickReplyTapAsTheChoiceItsPayloadNames() {
        String quick = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.q","text":"Bob Fisher (2)",
                 "quick_reply":{"payload":"2"}}}""";
        assertThat(parse(page(quick))).containsExactly(
                new Inbound.ChoiceTapped("m.q", messenger("1"), Instant.ofEpochMilli(5), "2", "Bob Fisher (2)"));
    }

    @Test
    void readsAQuickReplyWithoutPayloadAsItsText() {
        String blankPayload = """
                {"sender":{"id":"1"},"timestamp":5,"message":{"mid":"m.q","text":"help","quick_reply":{"payload":" "}}}""";
        assertThat(parse(page(blankPayload))).containsExactly(
                new Inbound.Text("m.q", messenger("1"), Instant.ofEpochMilli(5), "help"));
    }

    @Test
    void readsAPostbackAsAButtonTapWithItsPayloadAndTitle() {
        String postback = """
                {"sender":{"id":"1"},"recipient":{"id":"PAGE"},"timestamp":7,
                 "postback":{"mid":"m.pb","title":"Cancel","payload":"cancel 1"}}""";
        String noTitle = """
                {"sender":{"id":"1"},"timestamp":8,"postback":{"mid":"m.pb2","payload":"help"}}""";
        String noPayload = """
                {"sender":{"id":"1"},"timestamp":9,"postback":{"mid":"m.pb3","title":"Help"}}""";
        assertThat(parse(page(postback, noTitle, noPayload))).containsExactly(
                new Inbound.ButtonTapped("m.pb", messenger("1"), Instant.ofEpochMilli(7), "cancel 1", "Cancel"),
                new Inbound.ButtonTapped("m.pb2", messenger("1"), Instant.ofEpochMilli(8), "help", ""));
    }

    @Test
    void givesAPostbackWithoutMidAnIdThatIsStableAcrossRedeliveriesAndHoldsNoPersonalId() {
        String postback = "{\"sender\":{\"id\":\"1234567\"},\"timestamp\":7,\"postback\":{\"title\":\"Get Started\","
                + "\"payload\":\"GET_STARTED\"}}";
        List<Inbound> first = parse(page(postback));
        List<Inbound> again = parse(page(postback));
        List<Inbound> otherPayload = parse(page(postback.replace("GET_STARTED", "help")));
        List<Inbound> later = parse(page(postback.replace("\"timestamp\":7", "\"timestamp\":8")));

        String id = first.getFirst().eventId();
        assertThat(again.getFirst().eventId()).isEqualTo(id);
        assertThat(otherPayload.getFirst().eventId()).isNotEqualTo(id);
        assertThat(later.getFirst().eventId()).isNotEqualTo(id);
        assertThat(id).startsWith("postback:").doesNotContain("1234567");
    }

    @Test
    void readsAReferralAsAnOpenedLinkWithAStableId() {
        String referral = """
                {"sender":{"id":"1"},"recipient":{"id":"PAGE"},"timestamp":9,
                 "referral":{"ref":"song-42","source":"SHORTLINK","type":"OPEN_THREAD"}}""";
        String withoutRef = """
                {"sender":{"id":"1"},"timestamp":10,"referral":{"source":"ADS","type":"OPEN_THREAD","ad_id":"7"}}""";

        List<Inbound> events = parse(page(referral, withoutRef));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(Inbound.OpenedLink.class, opened -> {
            assertThat(opened.ref()).isEqualTo("song-42");
            assertThat(opened.from()).isEqualTo(messenger("1"));
            assertThat(opened.at()).isEqualTo(Instant.ofEpochMilli(9));
            assertThat(opened.eventId()).startsWith("referral:");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(Inbound.OpenedLink.class,
                opened -> assertThat(opened.ref()).isEmpty());
        assertThat(parse(page(referral)).getFirst().eventId()).isEqualTo(events.get(0).eventId());
    }

    @Test
    void readsTheGetStartedPostbackOfSomeoneWhoCameThroughALinkAsTheOpenedLink() {
        String firstContact = """
                {"sender":{"id":"1"},"timestamp":11,"postback":{"mid":"m.gs","title":"Get Started",
                 "payload":"GET_STARTED","referral":{"ref":"song-42","source":"SHORTLINK","type":"OPEN_THREAD"}}}""";
        assertThat(parse(page(firstContact))).containsExactly(
                new Inbound.OpenedLink("m.gs", messenger("1"), Instant.ofEpochMilli(11), "song-42"));
    }

    @Test
    void ignoresFieldsTheBotDoesNotUse() {
        String body = """
                {"object":"page","extra":{"a":1},"entry":[{"id":"PAGE","time":1000,"uid":"x",
                  "standby":[{"sender":{"id":"9"},"message":{"mid":"m.standby","text":"not ours"}}],
                  "messaging":[{"sender":{"id":"1","user_ref":"u"},"recipient":{"id":"PAGE"},"timestamp":5,
                    "message":{"mid":"m.1","seq":73,"text":"help","nlp":{"entities":{}},
                               "reply_to":{"mid":"m.0"},"commands":[{"name":"x"}]}}]}]}""";
        assertThat(parse(body)).extracting(Inbound::eventId).containsExactly("m.1");
    }

    @Test
    void skipsEventsWithoutAUsableSenderOrMid() {
        String noSender = "{\"timestamp\":5,\"message\":{\"mid\":\"m.1\",\"text\":\"help\"}}";
        String emptySender = text("", "m.2", "help", 5);
        String blankSender = text("  ", "m.3", "help", 5);
        String paddedSender = text(" 1", "m.4", "help", 5);
        String oversizedSender = text("9".repeat(ChatAddress.MAX_ID_LENGTH + 1), "m.5", "help", 5);
        String userRefOnly = "{\"sender\":{\"user_ref\":\"u\"},\"timestamp\":5,\"postback\":{\"mid\":\"m.6\","
                + "\"title\":\"Help\",\"payload\":\"help\"}}";
        String emptySenderLink = "{\"sender\":{\"id\":\"\"},\"timestamp\":5,\"referral\":{\"ref\":\"x\"}}";
        String noMid = "{\"sender\":{\"id\":\"1\"},\"timestamp\":5,\"message\":{\"text\":\"help\"}}";
        String blankMid = text("1", " ", "help", 5);
        String notAnObject = "42";
        assertThat(parse(page(noSender, emptySender, blankSender, paddedSender, oversizedSender, userRefOnly,
                emptySenderLink, noMid, blankMid, notAnObject, text("2", "m.ok", "help", 5))))
                .extracting(Inbound::eventId).containsExactly("m.ok");
    }

    @Test
    void datesAMessageByItsTimestampElseTheEntryTimeElseNow() {
        String withoutTimestamp = "{\"sender\":{\"id\":\"1\"},\"message\":{\"mid\":\"m.2\",\"text\":\"b\"}}";
        String body = "{\"object\":\"page\",\"entry\":["
                + "{\"id\":\"PAGE\",\"time\":1000,\"messaging\":[" + text("1", "m.1", "a", 900) + ","
                + withoutTimestamp + "]},"
                + "{\"id\":\"PAGE\",\"messaging\":[" + withoutTimestamp.replace("m.2", "m.3") + "]}]}";
        assertThat(parse(body)).extracting(Inbound::at)
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
