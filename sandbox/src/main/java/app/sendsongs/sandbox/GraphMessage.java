package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Send API's {@code message} object, checked as Graph checks it: a text (at most 2000 characters) or a
 * template attachment, and optional quick replies. A refusal is Graph's error, code 100, naming the parameter
 * the way Graph does ({@code (#100) Length of param message[quick_replies][1][title] must be less than or equal to
 * 20}). Only what the bot can send is emulated: text quick replies, the generic and the button template, and
 * postback and URL buttons; anything else is refused with a message that says it is not emulated.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/quick-replies">Quick replies: at most 13, title 20 characters</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/template/generic">Generic template: at most 10 elements, title and subtitle 80 characters, at most 3 buttons</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/template/button">Button template: text up to 640 characters, 1 to 3 buttons</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/buttons/postback">Postback button: title 20 characters, payload 1000 characters</a>
 */
final class GraphMessage {
    static final int MAX_TEXT = 2000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_PAYLOAD = 1000;
    static final int MAX_ELEMENTS = 10;
    static final int MAX_ELEMENT_TEXT = 80;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TEMPLATE_TEXT = 640;
    /** {@code message.metadata}, given back in the message's echo. */
    static final int MAX_METADATA = 1000;

    private static final Set<String> MESSAGE_KEYS = Set.of("text", "attachment", "quick_replies", "metadata");

    private GraphMessage() {
    }

    /**
     * Checks {@code message} and returns what an inbox shows as its text: the text, or for a template its
     * elements' titles and subtitles and its text, one a line.
     *
     * @throws HttpProblem Graph's error for the first thing wrong
     */
    static String check(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw invalid("The parameter message is required");
        }
        List<String> unknown = new ArrayList<>();
        message.fieldNames().forEachRemaining(key -> {
            if (!MESSAGE_KEYS.contains(key)) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid("Invalid keys \"" + String.join("\", \"", unknown) + "\" were found in param \"message\".");
        }
        boolean hasText = message.has("text");
        boolean hasAttachment = message.has("attachment");
        if (hasText && hasAttachment) {
            throw invalid("Only one of message[text] and message[attachment] can be specified");
        }
        String shown = hasAttachment ? attachment(message.get("attachment"))
                : requiredText(message, "text", "message[text]", MAX_TEXT);
        if (message.has("quick_replies")) {
            quickReplies(message.get("quick_replies"));
        }
        if (message.has("metadata")) {
            requiredText(message, "metadata", "message[metadata]", MAX_METADATA);
        }
        return shown;
    }

    private static void quickReplies(JsonNode replies) {
        String param = "message[quick_replies]";
        if (!replies.isArray() || replies.isEmpty()) {
            throw invalid("Param " + param + " must be a non-empty array");
        }
        if (replies.size() > MAX_QUICK_REPLIES) {
            throw invalid("param " + param + " has too many elements. Maximum allowed is " + MAX_QUICK_REPLIES);
        }
        for (int i = 0; i < replies.size(); i++) {
            String at = param + "[" + i + "]";
            JsonNode reply = object(replies.get(i), at);
            String type = reply.path("content_type").asText("");
            if (!type.equals("text")) {
                throw invalid("Param " + at + "[content_type] must be text (the sandbox emulates text quick replies only)");
            }
            requiredText(reply, "title", at + "[title]", MAX_BUTTON_TITLE);
            requiredText(reply, "payload", at + "[payload]", MAX_PAYLOAD);
        }
    }

    private static String attachment(JsonNode attachment) {
        JsonNode checked = object(attachment, "message[attachment]");
        if (!checked.path("type").asText("").equals("template")) {
            throw invalid("Param message[attachment][type] must be template (the sandbox emulates templates only)");
        }
        JsonNode payload = object(checked.get("payload"), "message[attachment][payload]");
        String param = "message[attachment][payload]";
        return switch (payload.path("template_type").asText("")) {
            case "generic" -> generic(payload, param);
            case "button" -> buttonTemplate(payload, param);
            default -> throw invalid("Param " + param + "[template_type] must be generic or button (the sandbox "
                    + "emulates those two)");
        };
    }

    private static String generic(JsonNode payload, String param) {
        JsonNode elements = payload.get("elements");
        String at = param + "[elements]";
        if (elements == null || !elements.isArray() || elements.isEmpty()) {
            throw invalid("Param " + at + " must be a non-empty array");
        }
        if (elements.size() > MAX_ELEMENTS) {
            throw invalid("param " + at + " has too many elements. Maximum allowed is " + MAX_ELEMENTS);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            lines.addAll(element(object(elements.get(i), at + "[" + i + "]"), at + "[" + i + "]"));
        }
        return String.join("\n", lines);
    }

    private static List<String> element(JsonNode element, String param) {
        List<String> lines = new ArrayList<>();
        lines.add(requiredText(element, "title", param + "[title]", MAX_ELEMENT_TEXT));
        if (element.has("subtitle")) {
            String subtitle = optionalText(element, "subtitle", param + "[subtitle]", MAX_ELEMENT_TEXT);
            if (!subtitle.isEmpty()) {
                lines.add(subtitle);
            }
        }
        if (element.has("image_url")) {
            url(element, "image_url", param + "[image_url]");
        }
        if (element.has("default_action")) {
            JsonNode action = object(element.get("default_action"), param + "[default_action]");
            if (!action.path("type").asText("").equals("web_url")) {
                throw invalid("Param " + param + "[default_action][type] must be web_url");
            }
            if (action.has("title")) {
                throw invalid("Param " + param + "[default_action] must not have a title");
            }
            url(action, "url", param + "[default_action][url]");
        }
        if (element.has("buttons")) {
            buttons(element.get("buttons"), param + "[buttons]", false);
        }
        if (!(element.has("subtitle") || element.has("image_url") || element.has("default_action")
                || element.has("buttons"))) {
            throw invalid("Param " + param + " must have at least one of subtitle, image_url, default_action or "
                    + "buttons besides title");
        }
        return lines;
    }

    private static String buttonTemplate(JsonNode payload, String param) {
        String text = requiredText(payload, "text", param + "[text]", MAX_BUTTON_TEMPLATE_TEXT);
        buttons(payload.get("buttons"), param + "[buttons]", true);
        return text;
    }

    private static void buttons(JsonNode buttons, String param, boolean required) {
        if (buttons == null || !buttons.isArray() || (required && buttons.isEmpty())) {
            throw invalid("Param " + param + " must be " + (required ? "a non-empty array" : "an array"));
        }
        if (buttons.size() > MAX_BUTTONS) {
            throw invalid("param " + param + " has too many elements. Maximum allowed is " + MAX_BUTTONS);
        }
        for (int i = 0; i < buttons.size(); i++) {
            String at = param + "[" + i + "]";
            JsonNode button = object(buttons.get(i), at);
            requiredText(button, "title", at + "[title]", MAX_BUTTON_TITLE);
            switch (button.path("type").asText("")) {
                case "postback" -> requiredText(button, "payload", at + "[payload]", MAX_PAYLOAD);
                case "web_url" -> url(button, "url", at + "[url]");
                default -> throw invalid("Param " + at + "[type] must be postback or web_url (the sandbox emulates "
                        + "those two)");
            }
        }
    }

    private static String requiredText(JsonNode parent, String field, String param, int max) {
        JsonNode node = parent.get(field);
        String value = node != null && node.isTextual() ? node.asText() : "";
        if (value.isEmpty()) {
            throw invalid("Param " + param + " must be a non-empty UTF-8 encoded string");
        }
        return checkLength(value, param, max);
    }

    private static String optionalText(JsonNode parent, String field, String param, int max) {
        JsonNode node = parent.get(field);
        if (!node.isTextual()) {
            throw invalid("Param " + param + " must be a UTF-8 encoded string");
        }
        return checkLength(node.asText(), param, max);
    }

    private static String checkLength(String value, String param, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw invalid("Length of param " + param + " must be less than or equal to " + max);
        }
        return value;
    }

    private static void url(JsonNode parent, String field, String param) {
        String value = requiredText(parent, field, param, Integer.MAX_VALUE);
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw invalid("Param " + param + " must be a valid URL");
    }

    private static JsonNode object(JsonNode node, String param) {
        if (node == null || !node.isObject()) {
            throw invalid("Param " + param + " must be an object");
        }
        return node;
    }

    private static HttpProblem invalid(String message) {
        return GraphEmulator.error(100, null, "(#100) " + message);
    }
}
