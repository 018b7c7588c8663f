package app.sendsongs.core.chat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A song shown as a card (a Messenger generic template, a Telegram photo with buttons): the song's
 * title, a subtitle (the artists, say), the cover image if there is one, the link that opens the
 * song, and at most {@value #MAX_BUTTONS} buttons. Titles are shortened by each platform's adapter.
 */
public record SongCard(String title, String subtitle, Optional<URI> image, URI link, List<Button> buttons) {
    public static final int MAX_BUTTONS = 3;

    public SongCard {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a song card needs a title");
        }
        Objects.requireNonNull(subtitle, "subtitle");
        image.ifPresent(url -> Links.check(url, "a song card's image"));
        Links.check(link, "a song card's link");
        buttons = List.copyOf(buttons);
        if (buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("a song card has at most " + MAX_BUTTONS + " buttons, not "
                    + buttons.size());
        }
    }

    /** A card with no image and no buttons; {@code subtitle} may be empty. */
    public static SongCard of(String title, String subtitle, URI link) {
        return new SongCard(title, subtitle, Optional.empty(), link, List.of());
    }

    public SongCard withImage(URI url) {
        return new SongCard(title, subtitle, Optional.of(url), link, buttons);
    }

    public SongCard withButtons(List<Button> newButtons) {
        return new SongCard(title, subtitle, image, link, newButtons);
    }

    /** The title, the subtitle, the link and each button, one a line: what a platform without cards shows. */
    public String asText() {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        if (!subtitle.isBlank()) {
            lines.add(subtitle);
        }
        lines.add(link.toString());
        buttons.forEach(button -> lines.add(button.asText()));
        return String.join("\n", lines);
    }
}
