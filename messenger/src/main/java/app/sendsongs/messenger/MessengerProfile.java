package app.sendsongs.messenger;

import app.sendsongs.core.bot.ChatProfile;
import app.sendsongs.core.chat.Choice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The page's Messenger profile through {@code <graph>/<version>/me/messenger_profile}: the Get Started button, the
 * greeting, the persistent menu and the ice breakers of a {@link ChatProfile}, each for the {@code default} locale.
 * Menu titles are fitted to 30 characters and questions to 80; the greeting is already at most 160. The page token
 * travels in the query string, so no request URI is ever put in a message, and Graph's answers are cleared of it.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/reference/messenger-profile-api">Messenger Profile API</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/persistent-menu">Persistent menu</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/reference/messenger-profile-api/ice-breakers">Ice breakers</a>
 */
public final class MessengerProfile {
    /** The properties this class sets, reads and deletes. */
    public static final List<String> PROPERTIES = List.of("get_started", "greeting", "persistent_menu",
            "ice_breakers");
    static final int MAX_MENU_TITLE = 30;
    static final int MAX_QUESTION = 80;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessengerConfig config;
    private final HttpClient http;
    private final URI endpoint;

    public MessengerProfile(MessengerConfig config) {
        this(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public MessengerProfile(MessengerConfig config, HttpClient http) {
        if (config.pageAccessToken() == null || config.pageAccessToken().isBlank()) {
            throw new IllegalArgumentException("the page access token must be set");
        }
        this.config = config;
        this.http = http;
        this.endpoint = URI.create(config.messengerProfileEndpoint() + "?access_token="
                + URLEncoder.encode(config.pageAccessToken(), StandardCharsets.UTF_8));
    }

    /** Sets every part of {@code profile} in one call; Graph's refusal is a {@link MessengerProfileException}. */
    public void set(ChatProfile profile) {
        call("POST", render(profile));
    }

    /** What the page's profile holds now, as Graph gives it: {@code {"get_started":…,"greeting":…,…}}. */
    public JsonNode current() {
        URI uri = URI.create(endpoint + "&fields=" + String.join(",", PROPERTIES));
        JsonNode data = send(HttpRequest.newBuilder(uri).GET()).path("data");
        return data.isArray() && !data.isEmpty() ? data.get(0) : JSON.createObjectNode();
    }

    /** Removes the Get Started button, greeting, persistent menu and ice breakers. */
    public void delete() {
        ObjectNode body = JSON.createObjectNode();
        PROPERTIES.forEach(body.putArray("fields")::add);
        call("DELETE", body);
    }

    /** The Messenger Profile API's body for {@code profile}. */
    static ObjectNode render(ChatProfile profile) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("get_started").put("payload", profile.startPayload());
        body.putArray("greeting").addObject().put("locale", "default").put("text", profile.greeting());
        ObjectNode menu = body.putArray("persistent_menu").addObject().put("locale", "default")
                .put("composer_input_disabled", false);
        ArrayNode items = menu.putArray("call_to_actions");
        for (Choice item : profile.menu()) {
            items.addObject().put("type", "postback").put("title", Titles.fit(item.title(), MAX_MENU_TITLE))
                    .put("payload", item.payload());
        }
        if (!profile.questions().isEmpty()) {
            ArrayNode questions = body.putArray("ice_breakers").addObject().put("locale", "default")
                    .putArray("call_to_actions");
            for (Choice question : profile.questions()) {
                questions.addObject().put("question", Titles.fit(question.title(), MAX_QUESTION))
                        .put("payload", question.payload());
            }
        }
        return body;
    }

    private void call(String method, ObjectNode body) {
        JsonNode answer = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
        if (!answer.path("result").asText("").equals("success")) {
            throw new MessengerProfileException("Graph did not confirm the change: " + scrub(answer.toString()));
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MessengerProfileException("the Graph API could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessengerProfileException("interrupted while calling the Graph API");
        }
        if (response.statusCode() != 200) {
            GraphSendApi.GraphError error = GraphSendApi.GraphError.parse(response.body());
            throw new MessengerProfileException("Graph refused it (HTTP " + response.statusCode()
                    + (error.code() == GraphSendApi.GraphError.NONE ? "" : ", code " + error.code())
                    + (error.message() == null ? "" : ": " + scrub(error.message())) + ")");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MessengerProfileException("Graph answered something that is not JSON");
        }
    }

    private String scrub(String text) {
        String token = config.pageAccessToken();
        return text.replace(token, "<redacted>").replace(URLEncoder.encode(token, StandardCharsets.UTF_8),
                "<redacted>");
    }
}
