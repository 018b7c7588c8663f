package app.sendsongs.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says to a person, in no platform's terms: a text, optional tap choices (at most
 * {@value #MAX_CHOICES}) and an optional song card. A platform that cannot show choices or cards
 * sends {@link #fallbackText()}, which carries all of it as plain text, so nobody misses anything.
 * The text may be empty only when there is a card.
 */
public record Message(String text, List<Choice> choices, Optional<SongCard> card) {
    public static final int MAX_CHOICES = 13;

    public Message {
        Objects.requireNonNull(text, "text");
        choices = List.copyOf(choices);
        Objects.requireNonNull(card, "card");
        if (text.isBlank() && card.isEmpty()) {
            throw new IllegalArgumentException("a message needs a text or a card");
        }
        if (choices.size() > MAX_CHOICES) {
            throw new IllegalArgumentException("a message has at most " + MAX_CHOICES + " choices, not "
                    + choices.size());
        }
    }

    /** A message of text only. */
    public static Message text(String text) {
        return new Message(text, List.of(), Optional.empty());
    }

    public Message withChoices(List<Choice> newChoices) {
        return new Message(text, newChoices, card);
    }

    public Message withCard(SongCard newCard) {
        return new Message(text, choices, Optional.of(newCard));
    }

    /** The same choices and card with another text (a part of a long text, say). */
    public Message withText(String newText) {
        return new Message(newText, choices, card);
    }

    /** The same message with {@code lead} said before its text ("That's you! " before the question). */
    public Message withLead(String lead) {
        return withText(lead + text);
    }

    /** True when there is nothing but the text. */
    public boolean hasOnlyText() {
        return choices.isEmpty() && card.isEmpty();
    }

    /**
     * Everything as plain text: the text; then the card (title, subtitle, link, each button as
     * "title: url" or "title — reply: payload"); then each choice as a line
     * "• title — reply: payload", or just "• title" when the title is the payload (ignoring case).
     */
    public String fallbackText() {
        List<String> blocks = new ArrayList<>();
        if (!text.isBlank()) {
            blocks.add(text);
        }
        card.ifPresent(songCard -> blocks.add(songCard.asText()));
        if (!choices.isEmpty()) {
            blocks.add(String.join("\n", choices.stream().map(Message::choiceLine).toList()));
        }
        return String.join("\n", blocks);
    }

    private static String choiceLine(Choice choice) {
        boolean sameWords = choice.title().strip().toLowerCase(Locale.ROOT)
                .equals(choice.payload().strip().toLowerCase(Locale.ROOT));
        return "• " + choice.title() + (sameWords ? "" : " — reply: " + choice.payload());
    }
}
