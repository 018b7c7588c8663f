package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts built from spans: escaping, length as Telegram counts it, splitting, and the limits of keyboards. */
class FormattedTextTest {

    @Test
    void escapesEverythingHtmlWouldRead() {
        FormattedText text = FormattedText.bold("<b>Tom & Jerry</b>").append(FormattedText.plain(" \"5 > 3\" &amp;"))
                .append(FormattedText.link("open", URI.create("https://example.com/?a=1&b=it's")));

        assertThat(text.html()).isEqualTo("<b>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</b> &quot;5 &gt; 3&quot; &amp;amp;"
                + "<a href=\"https://example.com/?a=1&amp;b=it's\">open</a>");
        assertThat(text.visibleText()).isEqualTo("<b>Tom & Jerry</b> \"5 > 3\" &amp;open");
        assertThat(text.length()).isEqualTo(text.visibleText().length());
    }

    @Test
    void linksOpenOnlyWebOrTelegramUrls() {
        assertThatThrownBy(() -> FormattedText.link("x", URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormattedText.link("x", URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortTextIsOnePart() {
        FormattedText text = FormattedText.plain("short");
        assertThat(text.split(10)).containsExactly(text);
    }

    @Test
    void splitsAtLineBreaksThenSpacesAndKeepsFormats() {
        FormattedText text = FormattedText.plain("first line\n").append(FormattedText.bold("bold words here"))
                .append(FormattedText.plain(" tail"));

        List<FormattedText> parts = text.split(16);

        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(16));
        assertThat(parts).containsExactly(FormattedText.plain("first line"), FormattedText.bold("bold words here"),
                FormattedText.plain("tail"));
        assertThat(FormattedText.bold("a bold text, cut in two").split(16)).containsExactly(
                FormattedText.bold("a bold text, cut"), FormattedText.bold("in two"));
    }

    @Test
    void aCutWithoutSpacesNeverSplitsASurrogatePair() {
        String notes = "\ud83c\udfb5".repeat(10);
        List<FormattedText> parts = FormattedText.plain(notes).split(5);

        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(5);
            assertThat(Character.isHighSurrogate(part.visibleText().charAt(part.length() - 1))).isFalse();
        });
        assertThat(String.join("", parts.stream().map(FormattedText::visibleText).toList())).isEqualTo(notes);
    }

    @Test
    void aTextOfOnlyWhiteSpaceIsNoMessage() {
        assertThatThrownBy(() -> OutgoingText.of(" \n ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OutgoingText.of("   lead and " + " ".repeat(50) + "trail   ").split(12))
                .allSatisfy(part -> assertThat(part.text().isBlank()).isFalse());
    }

    @Test
    void keyboardsKeepToTelegramsSizes() {
        InlineButton button = new InlineButton.Callback("ok", "ok");
        assertThatThrownBy(() -> OutgoingText.of("x").withKeyboard(List.of(Collections.nCopies(9, button))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingText.of("x").withKeyboard(List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutgoingText.of("x").withKeyboard(Collections.nCopies(13, Collections.nCopies(8, button))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutgoingText.of("x").withKeyboard(Collections.nCopies(12, Collections.nCopies(8, button)))
                .keyboard()).hasSize(12);
    }

    @Test
    void buttonsNeedTextAndSafeTargets() {
        assertThatThrownBy(() -> new InlineButton.Callback(" ", "data")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InlineButton.Callback("Tap", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InlineButton.Url("Open", URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new InlineButton.Callback("Tap", "d".repeat(64)).data()).hasSize(64);
    }
}
