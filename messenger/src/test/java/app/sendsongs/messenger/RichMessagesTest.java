package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole message model rendered for Messenger and sent over real HTTP to the sandbox's Graph emulator, which
 * checks it as Graph does and keeps each {@code message} object exactly as sent.
 */
class RichMessagesTest {
    private static final String REF = "0b6f1f5e-5d3a-3c1e-9f7b-2a4d6c8e0f12";
    private static final URI SONG = URI.create("https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm");
    private static final URI COVER = URI.create("https://i.scdn.co/image/ab67616d0000b273cover");

    private final MessengerSandbox sandbox = new MessengerSandbox();
    private final GraphSendApi graph = sandbox.graph();

    @BeforeEach
    void personWrote() {
        sandbox.personWrites("psid-1", "hi");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static SongCard card() {
        return SongCard.of("Ferris Wheel in February", "Marlow Vance", SONG).withImage(COVER).withButtons(List.of(
                new Button.Reply("Cancel", "cancel 1"), new Button.Link("Open in Spotify", SONG)));
    }

    private static JsonNode json(String text) {
        try {
            return MessengerSandbox.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isMessengerWithItsTextLimitAndShowsRichMessages() {
        assertThat(graph.platform()).isEqualTo(Platform.MESSENGER);
        assertThat(graph.maxTextLength()).isEqualTo(2000);
        assertThat(graph.showsRichMessages()).isTrue();
    }

    @Test
    void choicesAreQuickRepliesOfTheText() {
        Message message = Message.text("Which Bob?").withChoices(List.of(
                new Choice("Bob Fisher (Leeds)", "1"), new Choice("Bob Marsh", "2"), Choice.of("cancel")));

        assertThat(graph.send("psid-1", message, MessageKind.RESPONSE, REF)).isEqualTo(new SendOutcome.Sent());

        JsonNode inbox = sandbox.inbox("psid-1");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("Which Bob?");
        assertThat(inbox.get(0).path("message")).isEqualTo(json("""
                {"text":"Which Bob?","quick_replies":[
                  {"content_type":"text","title":"Bob Fisher (Leeds)","payload":"1"},
                  {"content_type":"text","title":"Bob Marsh","payload":"2"},
                  {"content_type":"text","title":"cancel","payload":"cancel"}],
                 "metadata":"0b6f1f5e-5d3a-3c1e-9f7b-2a4d6c8e0f12"}"""));
    }

    @Test
    void thirteenChoicesWithLongTitlesAreFittedAndAccepted() {
        List<Choice> choices = IntStream.rangeClosed(1, 13)
                .mapToObj(i -> new Choice("Roberta Fisher-Marshall of Leeds " + i, Integer.toString(i))).toList();

        assertThat(graph.send("psid-1", Message.text("Which one?").withChoices(choices), MessageKind.RESPONSE, REF))
                .isEqualTo(new SendOutcome.Sent());

        JsonNode replies = sandbox.inbox("psid-1").get(0).path("message").path("quick_replies");
        assertThat(replies).hasSize(13);
        assertThat(replies.get(0).path("title").asText()).as("told apart by their ends")
                .isEqualTo("Roberta Fisher\u20261");
        assertThat(replies.get(12).path("title").asText()).isEqualTo("Roberta Fisher\u202613");
        assertThat(replies.get(12).path("payload").asText()).isEqualTo("13");
    }

    /**
     * A quick reply's title is at most 20 characters, which the emulator holds the bot to as Graph does (it refuses a
     * longer one: https://developers.facebook.com/docs/messenger-platform/send-messages/quick-replies): two long names
     * that start alike keep the ends that tell them apart, numbered as the "which one?" question numbers them.
     */
    @Test
    void longNamesThatStartAlikeAreToldApartByTheirEndsWithinTwentyCharacters() {
        Message question = Message.text("That name fits 2 people. Which one?").withChoices(List.of(
                new Choice("1. Alexandra Montgomery-Smith", "1 #0a1b2c3d"),
                new Choice("2. Alexandra Montgomery-Jones", "2 #0a1b2c3d"),
                new Choice("Don't send", "3 #0a1b2c3d")));

        assertThat(graph.send("psid-1", question, MessageKind.RESPONSE, REF)).isEqualTo(new SendOutcome.Sent());

        JsonNode replies = sandbox.inbox("psid-1").get(0).path("message").path("quick_replies");
        assertThat(replies).extracting(reply -> reply.path("title").asText())
                .containsExactly("1. Alexandra\u2026Smith", "2. Alexandra\u2026Jones", "Don't send");
    }

    @Test
    void quickReplyTitlesAreCutBetweenCharactersAsPeopleSeeThem() {
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        List<Choice> choices = List.of(
                new Choice("Fisher family " + family + " Leeds", "1"),
                new Choice("Priya Kumari Rani \u0939\u093f\u0928\u094d\u0926\u0940", "2"),
                new Choice("Carol Jones Leeds\ud83c\uddec\ud83c\udde7", "3"),
                new Choice("Nok Somchai Leeds \u0e2a\u0e38\u0e14\u0e32", "4"));

        assertThat(graph.send("psid-1", Message.text("Which one?").withChoices(choices), MessageKind.RESPONSE, REF))
                .isEqualTo(new SendOutcome.Sent());

        JsonNode replies = sandbox.inbox("psid-1").get(0).path("message").path("quick_replies");
        assertThat(replies.get(0).path("title").asText()).isEqualTo("Fisher family\u2026");
        assertThat(replies.get(1).path("title").asText()).isEqualTo("Priya Kumari Rani\u2026");
        assertThat(replies.get(2).path("title").asText()).isEqualTo("Carol Jones Leeds\u2026");
        assertThat(replies.get(3).path("title").asText()).isEqualTo("Nok Somchai Leeds\u2026");
    }

    @Test
    void aSongCardIsAGenericTemplateThatOpensTheSong() {
        Message message = new Message("", List.of(), Optional.of(card()));

        assertThat(graph.send("psid-1", message, MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());

        JsonNode sent = sandbox.inbox("psid-1").get(0);
        assertThat(sent.path("text").asText()).isEqualTo("Ferris Wheel in February\nMarlow Vance");
        assertThat(sent.path("messaging_type").asText()).isEqualTo("UPDATE");
        assertThat(sent.path("message")).isEqualTo(json("""
                {"attachment":{"type":"template","payload":{"template_type":"generic","elements":[{
                  "title":"Ferris Wheel in February","subtitle":"Marlow Vance",
                  "image_url":"https://i.scdn.co/image/ab67616d0000b273cover",
                  "default_action":{"type":"web_url","url":"https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm"},
                  "buttons":[{"type":"postback","title":"Cancel","payload":"cancel 1"},
                             {"type":"web_url","title":"Open in Spotify",
                              "url":"https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm"}]}]}},
                 "metadata":"0b6f1f5e-5d3a-3c1e-9f7b-2a4d6c8e0f12"}"""));
    }

    @Test
    void aCardWithoutImageSubtitleOrButtonsStillOpensTheSong() {
        Message message = new Message("", List.of(), Optional.of(SongCard.of("Neon Heron", "", SONG)));

        assertThat(graph.send("psid-1", message, MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());

        JsonNode element = sandbox.inbox("psid-1").get(0).path("message").path("attachment").path("payload")
                .path("elements").get(0);
        assertThat(element.has("subtitle")).isFalse();
        assertThat(element.has("image_url")).isFalse();
        assertThat(element.has("buttons")).isFalse();
        assertThat(element.path("default_action").path("url").asText()).isEqualTo(SONG.toString());
    }

    @Test
    void longCardTitlesAreFittedWithoutCuttingACharacterInHalf() {
        String title = "\ud83c\udfb5".repeat(50);
        SongCard card = new SongCard(title, "s".repeat(120), Optional.empty(), SONG,
                List.of(new Button.Reply("Tell me when they play it", "pending")));

        assertThat(graph.send("psid-1", new Message("", List.of(), Optional.of(card)), MessageKind.UPDATE, REF))
                .isEqualTo(new SendOutcome.Sent());

        JsonNode element = sandbox.inbox("psid-1").get(0).path("message").path("attachment").path("payload")
                .path("elements").get(0);
        assertThat(element.path("title").asText()).isEqualTo("\ud83c\udfb5".repeat(39) + "\u2026");
        assertThat(element.path("subtitle").asText()).isEqualTo("s".repeat(79) + "\u2026");
        assertThat(element.path("buttons").get(0).path("title").asText()).isEqualTo("Tell me when they p\u2026");
    }

    @Test
    void aTextWithACardIsTheTextThenTheCardWithTheChoicesUnderTheCard() {
        Message message = Message.text("Alice sent you a song").withCard(card())
                .withChoices(List.of(Choice.of("pending"), Choice.of("history")));

        assertThat(graph.send("psid-1", message, MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());

        JsonNode inbox = sandbox.inbox("psid-1");
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).path("message")).isEqualTo(json("{\"text\":\"Alice sent you a song\"}"));
        assertThat(inbox.get(1).path("text").asText()).isEqualTo("Ferris Wheel in February\nMarlow Vance");
        assertThat(inbox.get(1).path("message").path("attachment").path("payload").path("template_type").asText())
                .isEqualTo("generic");
        assertThat(inbox.get(1).path("message").path("quick_replies")).extracting(r -> r.path("payload").asText())
                .containsExactly("pending", "history");
    }

    @Test
    void aTextThatIsNotSentStopsTheCard() {
        sandbox.fault(503, 1, 7);

        SendOutcome outcome = graph.send("psid-1", Message.text("Alice sent you a song").withCard(card()),
                MessageKind.UPDATE, REF);

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(sandbox.inbox("psid-1")).isEmpty();
        assertThat(graph.send("psid-1", Message.text("Alice sent you a song").withCard(card()), MessageKind.UPDATE, REF))
                .isEqualTo(new SendOutcome.Sent());
        assertThat(sandbox.inbox("psid-1")).hasSize(2);
    }

    @Test
    void aCardThatIsNotSentAfterItsTextIsTheOneOutcome() {
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, "probe-page-token",
                "s", "v"));
        sandbox.probeStatuses = List.of(200, 500);

        SendOutcome outcome = probe.send("psid-1", Message.text("Alice sent you a song").withCard(card()),
                MessageKind.UPDATE, REF);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("HTTP 500"));
        assertThat(sandbox.probed).hasSize(2);
        assertThat(json(sandbox.probed.get(0).body()).path("message").path("text").asText())
                .isEqualTo("Alice sent you a song");
        assertThat(json(sandbox.probed.get(1).body()).path("message").has("attachment")).isTrue();
        assertThat(json(sandbox.probed.get(0).body()).path("message").has("metadata"))
                .as("the text's echo must not confirm the whole message").isFalse();
        assertThat(json(sandbox.probed.get(1).body()).path("message").path("metadata").asText()).isEqualTo(REF);
    }

    @Test
    void theCoreSplitsALongTextAndTheCardAndChoicesComeLastAsAPartOfTheirOwn() {
        ChatPlatforms chats = new ChatPlatforms(List.of(graph));
        String longText = ("la ".repeat(700)).strip();
        Message message = Message.text(longText).withCard(card()).withChoices(List.of(Choice.of("help")));

        List<Message> parts = chats.parts(ChatAddress.messenger("psid-1"), message);
        assertThat(parts).as("two parts of text, then the card: each is one Send API call, recorded on its own")
                .hasSize(3);
        assertThat(parts.getLast().text()).isEmpty();
        assertThat(parts.getLast().card()).isPresent();
        for (int i = 0; i < parts.size(); i++) {
            assertThat(chats.send(ChatAddress.messenger("psid-1"), parts.get(i), MessageKind.RESPONSE, REF + "#" + i))
                    .isEqualTo(new SendOutcome.Sent());
        }

        JsonNode inbox = sandbox.inbox("psid-1");
        assertThat(inbox).hasSize(3);
        assertThat(inbox.get(0).path("message").has("quick_replies")).isFalse();
        assertThat(inbox.get(0).path("text").asText().length() + inbox.get(1).path("text").asText().length())
                .isEqualTo(longText.length() - 1);
        assertThat(inbox.get(1).path("message").has("quick_replies")).isFalse();
        assertThat(inbox.get(2).path("message").path("quick_replies").get(0).path("payload").asText())
                .isEqualTo("help");
    }
}
