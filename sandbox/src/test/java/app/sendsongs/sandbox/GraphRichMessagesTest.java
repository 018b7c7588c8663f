package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quick replies and templates through the Graph emulator: what passes is kept exactly, what Graph refuses is refused. */
class GraphRichMessagesTest {
    private static final String GRAPH = "/sandbox/graph/v25.0/me/messages?access_token=sandbox-page-access-token";
    private final SandboxHarness h = new SandboxHarness();

    @BeforeEach
    void personWrote() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-1", "text", "hi"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static ObjectNode textWithChoices(int count, String title) {
        ObjectNode message = SandboxHarness.JSON.createObjectNode().put("text", "Which one?");
        ArrayNode replies = message.putArray("quick_replies");
        for (int i = 1; i <= count; i++) {
            replies.addObject().put("content_type", "text").put("title", title).put("payload", Integer.toString(i));
        }
        return message;
    }

    private static ObjectNode card(Consumer<ObjectNode> change) {
        ObjectNode message = SandboxHarness.JSON.createObjectNode();
        ObjectNode element = message.putObject("attachment").put("type", "template").putObject("payload")
                .put("template_type", "generic").putArray("elements").addObject();
        element.put("title", "Ferris Wheel in February").put("subtitle", "Marlow Vance")
                .put("image_url", "https://i.scdn.co/image/cover");
        element.putObject("default_action").put("type", "web_url")
                .put("url", "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm");
        ArrayNode buttons = element.putArray("buttons");
        buttons.addObject().put("type", "postback").put("title", "Cancel").put("payload", "cancel 1");
        buttons.addObject().put("type", "web_url").put("title", "Open").put("url", "https://open.spotify.com/");
        change.accept(element);
        return message;
    }

    private SandboxHarness.Response send(JsonNode message) {
        ObjectNode body = SandboxHarness.JSON.createObjectNode();
        body.putObject("recipient").put("id", "psid-1");
        body.put("messaging_type", "RESPONSE");
        body.set("message", message);
        return h.post(GRAPH, body.toString());
    }

    private JsonNode inbox() {
        return h.get("/sandbox/messenger/inbox/psid-1").json();
    }

    private static void assertRefused(SandboxHarness.Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(100);
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        assertThat(error.path("fbtrace_id").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isEqualTo(message);
    }

    @Test
    void aTextWithQuickRepliesIsKeptExactlyAsSent() {
        ObjectNode message = textWithChoices(13, "x".repeat(20));

        assertThat(send(message).status()).isEqualTo(200);

        JsonNode sent = inbox().get(0);
        assertThat(sent.path("text").asText()).isEqualTo("Which one?");
        assertThat(sent.path("message")).isEqualTo(message);
    }

    @Test
    void aGenericTemplateIsKeptExactlyAndItsTextIsItsTitleAndSubtitle() {
        ObjectNode message = card(element -> { });
        message.set("quick_replies", textWithChoices(1, "Pending").get("quick_replies"));

        assertThat(send(message).status()).isEqualTo(200);

        JsonNode sent = inbox().get(0);
        assertThat(sent.path("text").asText()).isEqualTo("Ferris Wheel in February\nMarlow Vance");
        assertThat(sent.path("message")).isEqualTo(message);
    }

    @Test
    void aButtonTemplateShowsItsText() {
        ObjectNode message = SandboxHarness.JSON.createObjectNode();
        ObjectNode payload = message.putObject("attachment").put("type", "template").putObject("payload")
                .put("template_type", "button").put("text", "What next?");
        payload.putArray("buttons").addObject().put("type", "postback").put("title", "Help").put("payload", "help");

        assertThat(send(message).status()).isEqualTo(200);

        assertThat(inbox().get(0).path("text").asText()).isEqualTo("What next?");
    }

    @Test
    void refusesMoreThan13QuickRepliesAndTitlesOver20Characters() {
        assertRefused(send(textWithChoices(14, "ok")),
                "(#100) param message[quick_replies] has too many elements. Maximum allowed is 13");
        assertRefused(send(textWithChoices(2, "x".repeat(21))),
                "(#100) Length of param message[quick_replies][0][title] must be less than or equal to 20");
        ObjectNode emptyPayload = textWithChoices(1, "ok");
        ((ObjectNode) emptyPayload.get("quick_replies").get(0)).put("payload", "");
        assertRefused(send(emptyPayload),
                "(#100) Param message[quick_replies][0][payload] must be a non-empty UTF-8 encoded string");
        ObjectNode longPayload = textWithChoices(1, "ok");
        ((ObjectNode) longPayload.get("quick_replies").get(0)).put("payload", "p".repeat(1001));
        assertRefused(send(longPayload),
                "(#100) Length of param message[quick_replies][0][payload] must be less than or equal to 1000");
        assertThat(inbox()).isEmpty();
    }

    @Test
    void refusesElementTitlesAndSubtitlesOver80CharactersAndMoreThan3Buttons() {
        String element = "message[attachment][payload][elements][0]";
        assertThat(send(card(e -> e.put("title", "t".repeat(80)).put("subtitle", "s".repeat(80)))).status())
                .isEqualTo(200);
        assertRefused(send(card(e -> e.put("title", "t".repeat(81)))),
                "(#100) Length of param " + element + "[title] must be less than or equal to 80");
        assertRefused(send(card(e -> e.put("subtitle", "s".repeat(81)))),
                "(#100) Length of param " + element + "[subtitle] must be less than or equal to 80");
        assertRefused(send(card(e -> {
            ArrayNode buttons = (ArrayNode) e.get("buttons");
            buttons.addObject().put("type", "postback").put("title", "Three").put("payload", "3");
            buttons.addObject().put("type", "postback").put("title", "Four").put("payload", "4");
        })), "(#100) param " + element + "[buttons] has too many elements. Maximum allowed is 3");
        assertRefused(send(card(e -> ((ObjectNode) e.get("buttons").get(0)).put("title", "b".repeat(21)))),
                "(#100) Length of param " + element + "[buttons][0][title] must be less than or equal to 20");
        assertRefused(send(card(e -> ((ObjectNode) e.get("buttons").get(0)).put("payload", "p".repeat(1001)))),
                "(#100) Length of param " + element + "[buttons][0][payload] must be less than or equal to 1000");
        assertRefused(send(card(e -> ((ObjectNode) e.get("buttons").get(1)).put("url", "javascript:alert(1)"))),
                "(#100) Param " + element + "[buttons][1][url] must be a valid URL");
        assertRefused(send(card(e -> ((ObjectNode) e.get("default_action")).put("title", "Open"))),
                "(#100) Param " + element + "[default_action] must not have a title");
        assertRefused(send(card(e -> e.removeAll().put("title", "Only a title"))),
                "(#100) Param " + element + " must have at least one of subtitle, image_url, default_action or "
                        + "buttons besides title");
        assertThat(inbox()).hasSize(1);
    }

    @Test
    void refusesATextWithATemplateAndKeysGraphDoesNotKnow() {
        ObjectNode both = card(e -> { }).put("text", "and a text");
        assertRefused(send(both), "(#100) Only one of message[text] and message[attachment] can be specified");
        ObjectNode camel = SandboxHarness.JSON.createObjectNode().put("text", "hi");
        camel.putArray("quickReplies");
        assertRefused(send(camel), "(#100) Invalid keys \"quickReplies\" were found in param \"message\".");
        assertThat(inbox()).isEmpty();
    }
}
