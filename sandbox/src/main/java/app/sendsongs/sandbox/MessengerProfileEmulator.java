package app.sendsongs.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The page's Messenger profile, {@code POST|GET|DELETE /sandbox/graph/{version}/me/messenger_profile}: the Get
 * Started button, the greeting, the persistent menu and the ice breakers, checked as Graph documents them. A POST
 * replaces the properties it names and answers {@code {"result":"success"}}; a GET answers
 * {@code {"data":[{<the fields asked for that are set>}]}}, {@code {"data":[]}} when none is; a DELETE takes
 * {@code {"fields":[...]}}. A refusal is Graph's error, code 100, and changes nothing.
 *
 * <ul>
 *   <li>{@code get_started}: {@code {"payload"}}, 1 to 1000 characters.</li>
 *   <li>{@code greeting}: {@code [{"locale","text"}]}, one of them {@code "default"}, texts of at most 160
 *       characters.</li>
 *   <li>{@code persistent_menu}: {@code [{"locale","composer_input_disabled"?,"call_to_actions"}]}, one of them
 *       {@code "default"}, at most 20 items a locale, each {@code postback} (title, payload of at most 1000) or
 *       {@code web_url} (title, url), titles of at most 30 characters; only with a Get Started button (set
 *       before, or in the same call), which then cannot be deleted while the menu stays.</li>
 *   <li>{@code ice_breakers}: {@code [{"locale","call_to_actions":[{"question","payload"}]}]} with a
 *       {@code "default"} locale, or the older flat {@code [{"question","payload"}]}; at most 4 questions.</li>
 * </ul>
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/reference/messenger-profile-api">Messenger Profile API</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/discovery/welcome-screen">Get Started button</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/reference/messenger-profile-api/greeting">Greeting text: 160 characters, a default locale</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/persistent-menu">Persistent menu: at most 20 items, titles of 30 characters, needs Get Started</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/reference/messenger-profile-api/ice-breakers">Ice breakers: at most 4 questions</a>
 */
final class MessengerProfileEmulator {
    static final int MAX_GREETING = 160;
    static final int MAX_MENU_ITEMS = 20;
    static final int MAX_MENU_TITLE = 30;
    static final int MAX_ICE_BREAKERS = 4;
    static final int MAX_PAYLOAD = 1000;

    private static final List<String> PROPERTIES = List.of("get_started", "greeting", "ice_breakers",
            "persistent_menu");
    /** Properties Graph knows that the emulator does not keep; naming them is refused as not emulated. */
    private static final Set<String> NOT_EMULATED = Set.of("whitelisted_domains", "account_linking_url", "commands",
            "home_url", "target_audience", "platform", "title", "description", "subject_to_new_eu_privacy_rules");

    private final GraphEmulator graph;
    private final ObjectNode profile = JsonIo.object();

    MessengerProfileEmulator(GraphEmulator graph) {
        this.graph = graph;
    }

    void routes(Javalin app) {
        String path = GraphEmulator.BASE + "/{version}/me/messenger_profile";
        app.post(path, JsonIo.guarded(this::set));
        app.get(path, JsonIo.guarded(this::get));
        app.delete(path, JsonIo.guarded(this::delete));
        app.get("/sandbox/messenger/profile", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200, snapshot())));
    }

    /** The Get Started button's payload, when the page has one. */
    synchronized Optional<String> getStartedPayload() {
        return profile.has("get_started") ? Optional.of(profile.path("get_started").path("payload").asText())
                : Optional.empty();
    }

    /** The profile as it is now: every property set, as Graph gives it back. */
    synchronized ObjectNode snapshot() {
        return profile.deepCopy();
    }

    private void set(Context ctx) {
        graph.checkToken(ctx);
        JsonNode body = body(ctx);
        List<String> named = new ArrayList<>();
        body.fieldNames().forEachRemaining(named::add);
        for (String field : named) {
            if (NOT_EMULATED.contains(field)) {
                throw GraphEmulator.error(100, null, "(#100) " + field + " is a profile property the sandbox does "
                        + "not emulate");
            }
            if (!PROPERTIES.contains(field) && !field.equals("access_token")) {
                throw GraphEmulator.error(100, null, "(#100) Param " + field + " is not a valid Messenger profile "
                        + "property");
            }
        }
        if (PROPERTIES.stream().noneMatch(body::has)) {
            throw requiresOneOf();
        }
        if (body.has("get_started")) {
            getStarted(body.get("get_started"));
        }
        if (body.has("greeting")) {
            greeting(body.get("greeting"));
        }
        if (body.has("persistent_menu")) {
            persistentMenu(body.get("persistent_menu"));
        }
        if (body.has("ice_breakers")) {
            iceBreakers(body.get("ice_breakers"));
        }
        synchronized (this) {
            if (body.has("persistent_menu") && !body.has("get_started") && !profile.has("get_started")) {
                throw GraphEmulator.error(100, null, "(#100) You must set a Get Started button if you also wish "
                        + "to use persistent menu.");
            }
            PROPERTIES.stream().filter(body::has).forEach(p -> profile.set(p, body.get(p).deepCopy()));
        }
        JsonIo.send(ctx, 200, Map.of("result", "success"));
    }

    private void get(Context ctx) {
        graph.checkToken(ctx);
        String fields = ctx.queryParam("fields");
        if (fields == null || fields.isBlank()) {
            throw GraphEmulator.error(100, null, "(#100) The parameter fields is required");
        }
        ObjectNode found = JsonIo.object();
        synchronized (this) {
            for (String field : fields.split(",")) {
                String name = field.strip();
                if (!PROPERTIES.contains(name) && !NOT_EMULATED.contains(name)) {
                    throw GraphEmulator.error(100, null, "(#100) Tried accessing nonexisting field (" + name + ")");
                }
                if (profile.has(name)) {
                    found.set(name, profile.get(name).deepCopy());
                }
            }
        }
        ObjectNode answer = JsonIo.object();
        ArrayNode data = answer.putArray("data");
        if (!found.isEmpty()) {
            data.add(found);
        }
        JsonIo.send(ctx, 200, answer);
    }

    private void delete(Context ctx) {
        graph.checkToken(ctx);
        JsonNode fields = body(ctx).get("fields");
        if (fields == null || !fields.isArray() || fields.isEmpty()) {
            throw GraphEmulator.error(100, null, "(#100) The parameter fields is required");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode field : fields) {
            String name = field.asText("");
            if (!PROPERTIES.contains(name)) {
                throw GraphEmulator.error(100, null, "(#100) Param fields[" + names.size() + "] must be one of "
                        + PROPERTIES);
            }
            names.add(name);
        }
        synchronized (this) {
            if (names.contains("get_started") && profile.has("persistent_menu")
                    && !names.contains("persistent_menu")) {
                throw GraphEmulator.error(100, null, "(#100) You must delete the persistent menu before deleting "
                        + "the Get Started button.");
            }
            names.forEach(profile::remove);
        }
        JsonIo.send(ctx, 200, Map.of("result", "success"));
    }

    private static JsonNode body(Context ctx) {
        String text = JsonIo.bodyText(ctx);
        try {
            JsonNode body = text == null || text.isBlank() ? null : JsonIo.MAPPER.readTree(text);
            if (body == null || !body.isObject()) {
                throw requiresOneOf();
            }
            return body;
        } catch (JsonProcessingException e) {
            throw requiresOneOf();
        }
    }

    private static HttpProblem requiresOneOf() {
        return GraphEmulator.error(100, null, "(#100) Requires one of the params: " + String.join(",", PROPERTIES));
    }

    private static void getStarted(JsonNode getStarted) {
        JsonNode payload = object(getStarted, "get_started").get("payload");
        text(payload, "get_started[payload]", MAX_PAYLOAD);
    }

    private static void greeting(JsonNode greeting) {
        for (int i = 0; i < localized(greeting, "greeting").size(); i++) {
            String at = "greeting[" + i + "]";
            text(object(greeting.get(i), at).get("text"), at + "[text]", MAX_GREETING);
        }
    }

    private static void persistentMenu(JsonNode menu) {
        for (int i = 0; i < localized(menu, "persistent_menu").size(); i++) {
            String at = "persistent_menu[" + i + "]";
            JsonNode locale = object(menu.get(i), at);
            JsonNode items = locale.get("call_to_actions");
            boolean composerDisabled = locale.path("composer_input_disabled").asBoolean(false);
            if (items == null) {
                if (composerDisabled) {
                    throw GraphEmulator.error(100, null, "(#100) Param " + at + "[call_to_actions] is required "
                            + "when composer_input_disabled is true");
                }
                continue;
            }
            if (!items.isArray() || items.isEmpty()) {
                throw GraphEmulator.error(100, null, "(#100) Param " + at + "[call_to_actions] must be a "
                        + "non-empty array");
            }
            if (items.size() > MAX_MENU_ITEMS) {
                throw GraphEmulator.error(100, null, "(#100) param " + at + "[call_to_actions] has too many "
                        + "elements. Maximum allowed is " + MAX_MENU_ITEMS);
            }
            for (int j = 0; j < items.size(); j++) {
                menuItem(items.get(j), at + "[call_to_actions][" + j + "]");
            }
        }
    }

    private static void menuItem(JsonNode node, String at) {
        JsonNode item = object(node, at);
        text(item.get("title"), at + "[title]", MAX_MENU_TITLE);
        switch (item.path("type").asText("")) {
            case "postback" -> text(item.get("payload"), at + "[payload]", MAX_PAYLOAD);
            case "web_url" -> text(item.get("url"), at + "[url]", 2000);
            case "nested" -> throw GraphEmulator.error(100, null, "(#100) Nested persistent menu items are not "
                    + "supported since v8.0: " + at);
            default -> throw GraphEmulator.error(100, null, "(#100) Param " + at + "[type] must be one of "
                    + "{web_url, postback}");
        }
    }

    private static void iceBreakers(JsonNode breakers) {
        if (!breakers.isArray() || breakers.isEmpty()) {
            throw GraphEmulator.error(100, null, "(#100) Param ice_breakers must be a non-empty array");
        }
        boolean localizedFormat = breakers.get(0).has("call_to_actions") || breakers.get(0).has("locale");
        if (!localizedFormat) {
            questions(breakers, "ice_breakers");
            return;
        }
        for (int i = 0; i < localized(breakers, "ice_breakers").size(); i++) {
            String at = "ice_breakers[" + i + "]";
            JsonNode questions = object(breakers.get(i), at).get("call_to_actions");
            if (questions == null || !questions.isArray() || questions.isEmpty()) {
                throw GraphEmulator.error(100, null, "(#100) Param " + at + "[call_to_actions] must be a "
                        + "non-empty array");
            }
            questions(questions, at + "[call_to_actions]");
        }
    }

    private static void questions(JsonNode questions, String at) {
        if (questions.size() > MAX_ICE_BREAKERS) {
            throw GraphEmulator.error(100, null, "(#100) param " + at + " has too many elements. Maximum allowed "
                    + "is " + MAX_ICE_BREAKERS);
        }
        for (int i = 0; i < questions.size(); i++) {
            String item = at + "[" + i + "]";
            JsonNode question = object(questions.get(i), item);
            if (question.has("locale") || question.has("call_to_actions")) {
                throw GraphEmulator.error(100, null, "(#100) One request can have the existing ice breakers "
                        + "format or the new one, not both");
            }
            text(question.get("question"), item + "[question]", 80);
            text(question.get("payload"), item + "[payload]", MAX_PAYLOAD);
        }
    }

    /** An array of per-locale objects, one of them the {@code default} locale. */
    private static JsonNode localized(JsonNode array, String param) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw GraphEmulator.error(100, null, "(#100) Param " + param + " must be a non-empty array");
        }
        boolean hasDefault = false;
        for (int i = 0; i < array.size(); i++) {
            String locale = object(array.get(i), param + "[" + i + "]").path("locale").asText("");
            if (locale.isEmpty()) {
                throw GraphEmulator.error(100, null, "(#100) Param " + param + "[" + i + "][locale] is required");
            }
            hasDefault |= locale.equals("default");
        }
        if (!hasDefault) {
            throw GraphEmulator.error(100, null, "(#100) Param " + param + " must have a default locale");
        }
        return array;
    }

    private static JsonNode object(JsonNode node, String param) {
        if (node == null || !node.isObject()) {
            throw GraphEmulator.error(100, null, "(#100) Param " + param + " must be an object");
        }
        return node;
    }

    private static void text(JsonNode node, String param, int max) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw GraphEmulator.error(100, null, "(#100) The parameter " + param + " is required");
        }
        if (node.asText().length() > max) {
            throw GraphEmulator.error(100, null, "(#100) Length of param " + param + " must be less than or equal "
                    + "to " + max);
        }
    }
}
