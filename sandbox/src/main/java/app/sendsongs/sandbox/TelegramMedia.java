package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What a person's message without text holds, as the Bot API's Message object carries it
 * (https://core.telegram.org/bots/api#message): one field named by its kind, holding an object of that kind's type
 * (https://core.telegram.org/bots/api#available-types: PhotoSize, Voice, Audio, Video, VideoNote, Document, Animation,
 * Location, Venue, Contact, Poll, Sticker). The files' ids are made up, unique per message.
 */
final class TelegramMedia {
    /**
     * The kinds that may carry a caption: "Caption for the animation, audio, document, paid media, photo, video or
     * voice" (https://core.telegram.org/bots/api#message, {@code caption}).
     */
    /**
     * The longest caption: "0-1024 characters after entities parsing" (https://core.telegram.org/bots/api#sendphoto).
     */
    static final int MAX_CAPTION = 1024;
    static final Set<String> CAPTIONED = Set.of("animation", "audio", "document", "photo", "video", "voice");

    private TelegramMedia() {
    }

    /**
     * The message as it goes out with its media: the text it was stored with is its {@code caption}, and the text's
     * entities its {@code caption_entities} (a message with media has no {@code text} nor {@code entities}); no
     * caption when the text is empty.
     */
    static void captioned(ObjectNode message) {
        JsonNode text = message.remove("text");
        JsonNode entities = message.remove("entities");
        if (text != null && !text.asText().isEmpty()) {
            message.set("caption", text);
            if (entities != null) {
                message.set("caption_entities", entities);
            }
        }
    }

    /** Puts the field {@code kind} on {@code message}, and the one Telegram sets beside it for that kind. */
    static void fill(ObjectNode message, String kind, String emoji, long messageId) {
        switch (kind) {
            case "photo" -> message.putArray("photo").add(file(messageId, "photo").put("width", 1080)
                    .put("height", 2340));
            case "voice" -> message.set("voice", file(messageId, "voice").put("duration", 4)
                    .put("mime_type", "audio/ogg"));
            case "audio" -> message.set("audio", file(messageId, "audio").put("duration", 212)
                    .put("performer", "Rick Astley").put("title", "Never Gonna Give You Up")
                    .put("mime_type", "audio/mpeg"));
            case "video" -> message.set("video", file(messageId, "video").put("width", 720).put("height", 1280)
                    .put("duration", 9));
            case "video_note" -> message.set("video_note", file(messageId, "video_note").put("length", 240)
                    .put("duration", 6));
            case "document" -> message.set("document", file(messageId, "document").put("file_name", "setlist.pdf")
                    .put("mime_type", "application/pdf"));
            case "animation" -> {
                // "For backward compatibility, when this field is set, the document field will also be set"
                message.set("animation", file(messageId, "animation").put("width", 320).put("height", 240)
                        .put("duration", 2).put("mime_type", "video/mp4"));
                message.set("document", file(messageId, "animation").put("mime_type", "video/mp4"));
            }
            case "location" -> message.set("location", location());
            case "venue" -> {
                message.putObject("venue").put("title", "Paradiso").put("address", "Weteringschans 6")
                        .set("location", location());
                message.set("location", location());
            }
            case "contact" -> message.putObject("contact").put("phone_number", "+31600000000")
                    .put("first_name", "Bob");
            case "poll" -> {
                ObjectNode poll = message.putObject("poll").put("id", "poll-" + messageId)
                        .put("question", "Which song next?").put("total_voter_count", 0).put("is_closed", false)
                        .put("is_anonymous", true).put("type", "regular").put("allows_multiple_answers", false);
                poll.putArray("options").addObject().put("text", "This one").put("voter_count", 0);
            }
            case "sticker" -> message.set("sticker", file(messageId, "sticker").put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false)
                    .put("emoji", emoji));
            default -> throw new IllegalArgumentException("no message kind " + kind);
        }
    }

    private static ObjectNode file(long messageId, String kind) {
        return JsonIo.object().put("file_id", "sandbox-" + kind + "-" + messageId)
                .put("file_unique_id", kind + messageId);
    }

    private static ObjectNode location() {
        return JsonIo.object().put("latitude", 52.3622).put("longitude", 4.8835);
    }
}
