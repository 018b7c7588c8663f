package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which link a Telegram app previews under a message, as the call's {@code link_preview_options} leave it. */
class TelegramLinkPreviewTest {
    private static final String TEXT = "“the live take: https://example.com/live.” <a href=\"https://open.spotify.com/"
            + "track/x\">Neon Heron</a>";

    private static Optional<String> preview(String html, String options) {
        return TelegramLinkPreview.of(TelegramParams.of(options == null ? Map.of() : Map.of("link_preview_options",
                options)), TelegramFormattedText.parse(html, "HTML"));
    }

    @Test
    void withoutOptionsTheFirstLinkOfTheTextWrittenOrSetOnWords() {
        assertThat(preview(TEXT, null)).contains("https://example.com/live");
        assertThat(preview("<a href=\"https://open.spotify.com/track/x\">Neon Heron</a> https://example.com/live",
                null)).contains("https://open.spotify.com/track/x");
        assertThat(preview("no link", null)).isEmpty();
    }

    @Test
    void theOptionsNameTheLinkOrTurnThePreviewOff() {
        assertThat(preview(TEXT, "{\"url\":\"https://open.spotify.com/track/x\"}"))
                .contains("https://open.spotify.com/track/x");
        assertThat(preview(TEXT, "{\"is_disabled\":true}")).isEmpty();
        assertThatThrownBy(() -> preview(TEXT, "[1]")).isInstanceOf(HttpProblem.class);
    }
}
