package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.SongCard;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A held {@link Message} in the attributes of its item: {@code text} (S), {@code choices} (L of M
 * {@code title}, {@code payload}) when it has any, and {@code card} (M {@code title},
 * {@code subtitle}, {@code image} when it has one, {@code link}, {@code buttons}: L of M
 * {@code kind} {@code reply} with {@code title} and {@code payload}, or {@code link} with
 * {@code title} and {@code url}) when it has one. Items held before messages had choices and cards
 * have only {@code text}, and read as a message of text only.
 */
final class MessageAttributes {
    private static final String TEXT = "text";
    private static final String CHOICES = "choices";
    private static final String CARD = "card";
    private static final String TITLE = "title";
    private static final String PAYLOAD = "payload";
    private static final String KIND = "kind";
    private static final String REPLY = "reply";
    private static final String LINK = "link";

    private MessageAttributes() {
    }

    static void put(Map<String, AttributeValue> item, Message message) {
        item.put(TEXT, Attr.s(message.text()));
        if (!message.choices().isEmpty()) {
            item.put(CHOICES, AttributeValue.fromL(message.choices().stream().map(MessageAttributes::choice).toList()));
        }
        message.card().ifPresent(card -> item.put(CARD, card(card)));
    }

    static Message read(Map<String, AttributeValue> item) {
        List<Choice> choices = item.containsKey(CHOICES)
                ? Attr.maps(item, CHOICES).stream().map(MessageAttributes::choice).toList() : List.of();
        Optional<SongCard> card = Optional.ofNullable(item.get(CARD)).map(value -> card(value.m()));
        return new Message(Attr.string(item, TEXT), choices, card);
    }

    private static AttributeValue choice(Choice choice) {
        return AttributeValue.fromM(Map.of(TITLE, Attr.s(choice.title()), PAYLOAD, Attr.s(choice.payload())));
    }

    private static Choice choice(Map<String, AttributeValue> map) {
        return new Choice(Attr.string(map, TITLE), Attr.string(map, PAYLOAD));
    }

    private static AttributeValue card(SongCard card) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(TITLE, Attr.s(card.title()));
        map.put("subtitle", Attr.s(card.subtitle()));
        card.image().ifPresent(image -> map.put("image", Attr.s(image.toString())));
        map.put(LINK, Attr.s(card.link().toString()));
        map.put("buttons", AttributeValue.fromL(card.buttons().stream().map(MessageAttributes::button).toList()));
        return AttributeValue.fromM(map);
    }

    private static SongCard card(Map<String, AttributeValue> map) {
        List<Button> buttons = Attr.maps(map, "buttons").stream().map(MessageAttributes::button).toList();
        return new SongCard(Attr.string(map, TITLE), Attr.string(map, "subtitle"),
                Attr.optionalString(map, "image").map(URI::create), URI.create(Attr.string(map, LINK)), buttons);
    }

    private static AttributeValue button(Button button) {
        return AttributeValue.fromM(switch (button) {
            case Button.Reply reply -> Map.of(KIND, Attr.s(REPLY), TITLE, Attr.s(reply.title()),
                    PAYLOAD, Attr.s(reply.payload()));
            case Button.Link link -> Map.of(KIND, Attr.s(LINK), TITLE, Attr.s(link.title()),
                    "url", Attr.s(link.url().toString()));
        });
    }

    private static Button button(Map<String, AttributeValue> map) {
        String kind = Attr.string(map, KIND);
        return switch (kind) {
            case REPLY -> new Button.Reply(Attr.string(map, TITLE), Attr.string(map, PAYLOAD));
            case LINK -> new Button.Link(Attr.string(map, TITLE), URI.create(Attr.string(map, "url")));
            default -> throw new DynamoStoreException("a stored button has the unknown kind " + kind);
        };
    }
}
