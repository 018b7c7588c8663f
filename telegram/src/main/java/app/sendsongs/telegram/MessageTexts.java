package app.sendsongs.telegram;

import static app.sendsongs.telegram.UpdateFields.clip;
import static app.sendsongs.telegram.UpdateFields.sender;
import static app.sendsongs.telegram.UpdateFields.text;

import app.sendsongs.core.share.WordsForTaps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a message says: its text with the links hidden under its words, the message it replies to, and for a message
 * without text, what it carries instead.
 */
final class MessageTexts {
    /** Longest text Telegram lets a person send. */
    static final int MAX_TEXT = 4096;
    private static final int MOST_HIDDEN_LINKS = 5;
    private static final int LONGEST_HIDDEN_LINK = 2_000;
    /** What a private message without text may carry that the bot names, in the order they are looked for. */
    private static final List<Unreadable> UNREADABLE = List.of(new Unreadable("animation", "GIF"),
            new Unreadable("photo", "photo"), new Unreadable("video_note", "video message"),
            new Unreadable("video", "video"), new Unreadable("voice", "voice message"),
            new Unreadable("audio", "audio file"), new Unreadable("document", "file"),
            new Unreadable("sticker", "sticker"), new Unreadable("venue", "location"),
            new Unreadable("location", "location"), new Unreadable("contact", "contact"),
            new Unreadable("poll", "poll"));

    private MessageTexts() {
    }

    /**
     * What a message without text or caption carries, named as the bot says it back, by the first of its fields
     * (https://core.telegram.org/bots/api#message) it has: {@code animation} before {@code document}, which Telegram
     * also sets on a GIF, and {@code venue} a location, as its {@code location} also is. Empty for a message of no
     * such kind (a service message, a dice, a story...).
     */
    static Optional<String> unreadable(JsonNode message) {
        return UNREADABLE.stream().filter(kind -> message.hasNonNull(kind.field())).map(Unreadable::what).findFirst();
    }

    /** A field of a message without text, and how the bot names what it holds. */
    private record Unreadable(String field, String what) {
    }

    /**
     * A thumbs-up or thumbs-down sticker, as its emoji: people answer a yes-or-no question with one, and a sticker
     * carries the emoji it stands for (https://core.telegram.org/bots/api#sticker: {@code emoji}), skin tone and
     * presentation selector aside, as typed words are read ({@link WordsForTaps#key}). Any other sticker stays unread.
     */
    static Optional<String> thumbSticker(JsonNode message) {
        String emoji = WordsForTaps.key(message.path("sticker").path("emoji").asText(""));
        return emoji.equals("👍") || emoji.equals("👎") ? Optional.of(emoji) : Optional.empty();
    }

    /**
     * The message's text, or its caption (a photo or a file with words under it), followed by the links hidden under
     * its words ({@code text_link} entities: a forwarded channel post's "Listen", a link a person set on a word) that
     * the text does not show itself, so that a song link is read wherever it is. At most
     * {@value #MOST_HIDDEN_LINKS} of them, each at most {@value #LONGEST_HIDDEN_LINK} characters.
     *
     * @see <a href="https://core.telegram.org/bots/api#messageentity">MessageEntity: text_link, with its url</a>
     */
    static String withHiddenLinks(JsonNode message) {
        boolean captioned = text(message, "text").isEmpty();
        StringBuilder whole = new StringBuilder(message.path(captioned ? "caption" : "text").asText());
        int added = 0;
        for (JsonNode entity : message.path(captioned ? "caption_entities" : "entities")) {
            Optional<String> url = text(entity, "url").map(String::strip);
            if (added < MOST_HIDDEN_LINKS && "text_link".equals(entity.path("type").asText())
                    && url.filter(u -> u.length() <= LONGEST_HIDDEN_LINK && whole.indexOf(u) < 0).isPresent()) {
                whole.append(' ').append(url.get());
                added++;
            }
        }
        return whole.toString();
    }

    /** The message a command answers: its text and who wrote it, as {@link TelegramUpdate.Command} keeps them. */
    record Replied(Optional<String> text, OptionalLong author) {
    }

    /**
     * The text or caption of the message replied to, clipped to Telegram's longest text, with its hidden links; and
     * its author when the message has text and its {@code from} is a person (a bot's message, or one an anonymous
     * admin or a channel posted as the chat, has nobody to tell apart).
     */
    static Replied replied(JsonNode replied) {
        Optional<String> text = text(replied, "text").or(() -> text(replied, "caption"))
                .map(t -> t.length() > MAX_TEXT ? clip(t, MAX_TEXT) : withHiddenLinks(replied));
        Optional<TelegramUpdate.Sender> author = text.isPresent() && !replied.path("sender_chat").isObject()
                ? sender(replied.path("from")) : Optional.empty();
        return new Replied(text, author.map(person -> OptionalLong.of(person.id())).orElse(OptionalLong.empty()));
    }
}
