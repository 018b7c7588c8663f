package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Telegram's HTML and MarkdownV2 parse modes: what they accept, the text they leave, and their error messages. */
class TelegramFormattingTest {

    private static TelegramFormattedText html(String text) {
        return TelegramFormattedText.parse(text, "HTML");
    }

    private static TelegramFormattedText markdown(String text) {
        return TelegramFormattedText.parse(text, "MarkdownV2");
    }

    @Test
    void decodesTheFourNamedEntitiesAndNumericOnesAndKeepsAStrayAmpersand() {
        assertThat(html("&lt;3 &gt; &amp; &quot; &#65;&#x42; AT&T &nbsp;").text())
                .isEqualTo("<3 > & \" AB AT&T &nbsp;");
    }

    @Test
    void nestedTagsGiveNestedEntities() {
        TelegramFormattedText parsed = html("<b>bold <i>both</i></b> <code>x</code> <pre><code class=\"language-java\">y</code></pre>");
        assertThat(parsed.text()).isEqualTo("bold both x y");
        assertThat(parsed.entities()).containsExactly(
                new TelegramEntity("bold", 0, 9),
                new TelegramEntity("italic", 5, 4),
                new TelegramEntity("code", 10, 1),
                new TelegramEntity("pre", 12, 1, "java"));
    }

    @Test
    void offsetsCountUtf16UnitsAndErrorsCountUtf8Bytes() {
        TelegramFormattedText parsed = html("\ud83c\udfb5 <b>x</b>");
        assertThat(parsed.entities()).containsExactly(new TelegramEntity("bold", 3, 1));
        assertThatThrownBy(() -> html("\u00e9 <x>"))
                .isInstanceOfSatisfying(HttpProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void refusesWhatTelegramRefuses() {
        assertThat(bodyOf(() -> html("é <x>"))).contains("Unsupported start tag \\\"x\\\" at byte offset 3");
        assertThat(bodyOf(() -> html("<b>x</i>"))).contains("Unmatched end tag at byte offset 4, expected \\\"</b>\\\", found \\\"</i>\\\"");
        assertThat(bodyOf(() -> html("x</b>"))).contains("Unexpected end tag at byte offset 1");
        assertThat(bodyOf(() -> html("<b"))).contains("Unclosed start tag at byte offset 0");
        assertThat(bodyOf(() -> html("<span>x</span>"))).contains("Tag \\\"span\\\" must have class \\\"tg-spoiler\\\"");
        assertThat(bodyOf(() -> html("<b></b>"))).contains("text must be non-empty");
    }

    @Test
    void markdownV2NeedsReservedCharactersEscaped() {
        TelegramFormattedText parsed = markdown("*Neon Heron* by _Marlow_ \\- [open](https://example.com/a\\)b)");
        assertThat(parsed.text()).isEqualTo("Neon Heron by Marlow - open");
        assertThat(parsed.entities()).containsExactly(
                new TelegramEntity("bold", 0, 10),
                new TelegramEntity("italic", 14, 6),
                new TelegramEntity("text_link", 23, 4, "https://example.com/a)b"));

        assertThat(bodyOf(() -> markdown("1+1=2"))).contains("Character '+' is reserved");
        assertThat(bodyOf(() -> markdown("*open"))).contains("Can't find end of Bold entity at byte offset 0");
    }

    @Test
    void codeKeepsReservedCharactersAsTheyAre() {
        assertThat(markdown("`a.b-c`").text()).isEqualTo("a.b-c");
    }

    @Test
    void trimsLeadingAndTrailingWhiteSpace() {
        TelegramFormattedText parsed = html("  <b> hi </b>\n");
        assertThat(parsed.text()).isEqualTo("hi");
        assertThat(parsed.entities()).isEqualTo(List.of(new TelegramEntity("bold", 0, 2)));
    }

    /** The JSON body of the problem {@code parse} throws; empty when it throws none. */
    private static String bodyOf(Runnable parse) {
        try {
            parse.run();
            return "";
        } catch (HttpProblem problem) {
            return JsonIo.write(problem.body());
        }
    }
}
