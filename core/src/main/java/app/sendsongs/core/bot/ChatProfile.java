package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import java.util.List;
import java.util.Objects;

/**
 * What a chat platform shows around the conversation before anyone types: the button that starts it, a greeting,
 * a menu that is always there and a few questions to start with. Every tap's payload is text the bot reads as typed,
 * so the menu and the questions are ordinary commands; the start payload is a greeting, answered with the welcome
 * (or, for someone registered, the menu).
 *
 * @param startPayload what the start button sends
 * @param greeting     shown before the conversation starts, at most {@value #MAX_GREETING} characters
 * @param menu         the menu that is always at hand
 * @param questions    questions offered to start a conversation, at most {@value #MAX_QUESTIONS}
 */
public record ChatProfile(String startPayload, String greeting, List<Choice> menu, List<Choice> questions) {
    public static final int MAX_GREETING = 160;
    public static final int MAX_QUESTIONS = 4;

    public ChatProfile {
        Objects.requireNonNull(startPayload, "startPayload");
        menu = List.copyOf(menu);
        questions = List.copyOf(questions);
        if (greeting.isBlank() || greeting.length() > MAX_GREETING) {
            throw new IllegalArgumentException("a greeting has 1 to " + MAX_GREETING + " characters");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("at most " + MAX_QUESTIONS + " questions");
        }
    }

    /** Send Songs' own: Get Started, a one-line greeting, send a song, my songs, groups, help. */
    public static ChatProfile standard() {
        return new ChatProfile("start",
                "Send Spotify songs to friends and hear when they play them. Tap Get Started to connect your "
                        + "music account.",
                List.of(new Choice("Send a song", "send_song"), new Choice("My songs", "history"),
                        new Choice("Groups", "groups"), new Choice("Help", "help")),
                List.of(new Choice("How do I send a song?", "help send_song"),
                        new Choice("What can you do?", "menu"),
                        new Choice("How do groups work?", "help groups")));
    }
}
