package app.sendsongs.messenger;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.ChoiceTitles;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.SongCard;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A core {@link Message} as the Send API's {@code message} objects, in the order they are sent.
 *
 * <ul>
 *   <li>The text is a text message.</li>
 *   <li>A {@link SongCard} is a generic template of one element: its title and subtitle, the cover as
 *       {@code image_url}, a {@code default_action} that opens the song's link, and its buttons (a reply as a
 *       {@code postback} button, a link as a {@code web_url} button).</li>
 *   <li>Messenger cannot put a text and a template in one message, so a message with both is two: the text
 *       first, then the card.</li>
 *   <li>The choices are {@code quick_replies} of the last of them, because Messenger shows quick replies only
 *       under the newest message.</li>
 * </ul>
 * Titles are fitted to Messenger's limits (20 characters for a quick reply or a button, 80 for an element's
 * title and subtitle), quick replies' so that they are still told apart ({@link ChoiceTitles}: two long names that
 * start alike keep the ends that differ); payloads are the core's, at most 64 bytes, well under Messenger's 1000
 * characters.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/quick-replies">Quick replies</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/template/generic">Generic template</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/send-messages/buttons/postback">Postback button</a>
 */
final class SendApiMessages {
    /** A quick reply's or a button's title. */
    static final int MAX_BUTTON_TITLE = 20;
    /** A template element's title, and its subtitle. */
    static final int MAX_ELEMENT_TEXT = 80;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SendApiMessages() {
    }

    static List<ObjectNode> render(Message message) {
        List<ObjectNode> parts = new ArrayList<>();
        if (!message.text().isEmpty()) {
            parts.add(JSON.objectNode().put("text", message.text()));
        }
        message.card().ifPresent(card -> parts.add(template(card)));
        if (!message.choices().isEmpty()) {
            parts.getLast().set("quick_replies", quickReplies(message.choices()));
        }
        return parts;
    }

    private static ArrayNode quickReplies(List<Choice> choices) {
        ArrayNode replies = JSON.arrayNode();
        List<String> titles = ChoiceTitles.fitApart(choices.stream().map(Choice::title).toList(), MAX_BUTTON_TITLE);
        for (int i = 0; i < choices.size(); i++) {
            replies.addObject()
                    .put("content_type", "text")
                    .put("title", titles.get(i))
                    .put("payload", choices.get(i).payload());
        }
        return replies;
    }

    private static ObjectNode template(SongCard card) {
        ObjectNode element = JSON.objectNode().put("title", Titles.fit(card.title(), MAX_ELEMENT_TEXT));
        if (!card.subtitle().isBlank()) {
            element.put("subtitle", Titles.fit(card.subtitle(), MAX_ELEMENT_TEXT));
        }
        card.image().ifPresent(image -> element.put("image_url", image.toString()));
        element.putObject("default_action").put("type", "web_url").put("url", card.link().toString());
        if (!card.buttons().isEmpty()) {
            ArrayNode buttons = element.putArray("buttons");
            card.buttons().forEach(button -> buttons.add(button(button)));
        }
        ObjectNode message = JSON.objectNode();
        ObjectNode payload = message.putObject("attachment").put("type", "template").putObject("payload");
        payload.put("template_type", "generic").putArray("elements").add(element);
        return message;
    }

    private static ObjectNode button(Button button) {
        String title = Titles.fit(button.title(), MAX_BUTTON_TITLE);
        return switch (button) {
            case Button.Reply reply -> JSON.objectNode().put("type", "postback").put("title", title)
                    .put("payload", reply.payload());
            case Button.Link link -> JSON.objectNode().put("type", "web_url").put("title", title)
                    .put("url", link.url().toString());
        };
    }
}
