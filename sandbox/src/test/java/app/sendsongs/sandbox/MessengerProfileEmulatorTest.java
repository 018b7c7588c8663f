package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Messenger Profile API as Graph documents it: what it keeps, and every refusal, which changes nothing. */
class MessengerProfileEmulatorTest {
    private static final String PROFILE = "/sandbox/graph/v25.0/me/messenger_profile?access_token="
            + "sandbox-page-access-token";
    private static final String GET_STARTED = "\"get_started\":{\"payload\":\"start\"}";
    private static final String MENU = "\"persistent_menu\":[{\"locale\":\"default\",\"call_to_actions\":["
            + "{\"type\":\"postback\",\"title\":\"Help\",\"payload\":\"help\"}]}]";
    private final SandboxHarness h = new SandboxHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void keepsWhatIsSetAnswersTheFieldsAskedForAndDeletes() {
        assertThat(h.post(PROFILE, "{" + GET_STARTED + "," + MENU + ",\"greeting\":[{\"locale\":\"default\","
                + "\"text\":\"Hello\"}],\"ice_breakers\":[{\"locale\":\"default\",\"call_to_actions\":[{\"question\":"
                + "\"What?\",\"payload\":\"help\"}]}]}").json().path("result").asText()).isEqualTo("success");

        JsonNode data = h.get(PROFILE + "&fields=get_started,greeting").json().path("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).path("get_started").path("payload").asText()).isEqualTo("start");
        assertThat(data.get(0).path("greeting").get(0).path("text").asText()).isEqualTo("Hello");
        assertThat(data.get(0).has("persistent_menu")).isFalse();
        assertThat(h.get("/sandbox/messenger/profile").json().path("ice_breakers").get(0).path("call_to_actions"))
                .hasSize(1);

        assertThat(error(h.delete(PROFILE, "{\"fields\":[\"get_started\"]}")))
                .contains("delete the persistent menu before");
        assertThat(h.delete(PROFILE, "{\"fields\":[\"persistent_menu\",\"get_started\",\"greeting\","
                + "\"ice_breakers\"]}").status()).isEqualTo(200);
        assertThat(h.get(PROFILE + "&fields=get_started").json().path("data")).isEmpty();
    }

    @Test
    void refusesWhatGraphRefusesAndKeepsNothingOfIt() {
        assertThat(error(h.post(PROFILE, "{" + MENU + "}"))).isEqualTo("(#100) You must set a Get Started button "
                + "if you also wish to use persistent menu.");
        assertThat(error(h.post(PROFILE, "{\"greeting\":[{\"locale\":\"default\",\"text\":\"" + "x".repeat(161)
                + "\"}]}"))).isEqualTo("(#100) Length of param greeting[0][text] must be less than or equal to 160");
        assertThat(error(h.post(PROFILE, "{\"greeting\":[{\"locale\":\"en_US\",\"text\":\"Hi\"}]}")))
                .contains("must have a default locale");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            items.append(i == 0 ? "" : ",").append("{\"type\":\"postback\",\"title\":\"Item ").append(i)
                    .append("\",\"payload\":\"help\"}");
        }
        assertThat(error(h.post(PROFILE, "{" + GET_STARTED + ",\"persistent_menu\":[{\"locale\":\"default\","
                + "\"call_to_actions\":[" + items + "]}]}"))).contains("Maximum allowed is 20");
        assertThat(error(h.post(PROFILE, "{" + GET_STARTED + "," + MENU.replace("\"Help\"", "\"" + "t".repeat(31)
                + "\"") + "}"))).contains("[call_to_actions][0][title] must be less than or equal to 30");
        assertThat(error(h.post(PROFILE, "{" + GET_STARTED + "," + MENU.replace("postback", "nested") + "}")))
                .contains("Nested");
        String question = "{\"question\":\"Q?\",\"payload\":\"help\"}";
        assertThat(error(h.post(PROFILE, "{\"ice_breakers\":[{\"locale\":\"default\",\"call_to_actions\":["
                + String.join(",", question, question, question, question, question) + "]}]}")))
                .contains("Maximum allowed is 4");
        assertThat(error(h.post(PROFILE, "{\"get_started\":{\"payload\":\"" + "p".repeat(1001) + "\"}}")))
                .contains("get_started[payload] must be less than or equal to 1000");
        assertThat(error(h.post(PROFILE, "{\"getStarted\":{\"payload\":\"x\"}}"))).contains("getStarted");
        assertThat(error(h.post(PROFILE, "{}"))).startsWith("(#100) Requires one of the params");
        assertThat(h.post("/sandbox/graph/v25.0/me/messenger_profile?access_token=wrong", "{" + GET_STARTED + "}")
                .json().path("error").path("code").asInt()).isEqualTo(190);

        assertThat(h.get("/sandbox/messenger/profile").json().isEmpty()).isTrue();
    }

    @Test
    void aNewcomerOpeningALinkTapsGetStartedWhichCarriesTheReferralAndSomeoneKnownSendsAReferral() {
        h.post("/sandbox/messenger/send", java.util.Map.of("from", "before", "referral", "r0"));
        assertThat(h.webhooks.getLast().json().path("entry").get(0).path("messaging").get(0).has("referral"))
                .as("no Get Started button yet: a bare referral").isTrue();
        h.post(PROFILE, "{" + GET_STARTED + "}");

        h.post("/sandbox/messenger/send", java.util.Map.of("from", "newcomer", "referral", "invite-abc"));
        JsonNode first = h.webhooks.getLast().json().path("entry").get(0).path("messaging").get(0);
        h.post("/sandbox/messenger/send", java.util.Map.of("from", "newcomer", "referral", "songs"));
        JsonNode again = h.webhooks.getLast().json().path("entry").get(0).path("messaging").get(0);

        assertThat(first.path("postback").path("payload").asText()).isEqualTo("start");
        assertThat(first.path("postback").path("title").asText()).isEqualTo("Get Started");
        assertThat(first.path("postback").path("mid").asText()).startsWith("m_");
        assertThat(first.path("postback").path("referral").path("ref").asText()).isEqualTo("invite-abc");
        assertThat(again.has("postback")).isFalse();
        assertThat(again.path("referral").path("ref").asText()).isEqualTo("songs");
        assertThat(again.path("referral").path("type").asText()).isEqualTo("OPEN_THREAD");
    }

    private static String error(SandboxHarness.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().path("error");
        assertThat(error.path("code").asInt()).isEqualTo(100);
        assertThat(error.path("type").asText()).isEqualTo("OAuthException");
        return error.path("message").asText();
    }
}
