package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDirectionTest {
    private static final String MARK = "\u200E";

    @Test
    void aLineThatStartsWithAPersianArabicOrHebrewNameIsMarkedLeftToRight() {
        assertThat(TextDirection.leftToRight("علی listened to “Song” by Artist."))
                .isEqualTo(MARK + "علی listened to “Song” by Artist.");
        assertThat(TextDirection.leftToRight("شيماء sent you a song")).isEqualTo(MARK + "شيماء sent you a song");
        assertThat(TextDirection.leftToRight("דנה played it")).isEqualTo(MARK + "דנה played it");
    }

    @Test
    void whatComesBeforeTheFirstLetterDoesNotDecide() {
        assertThat(TextDirection.leftToRight("🎧 علی listened to it")).isEqualTo(MARK + "🎧 علی listened to it");
        assertThat(TextDirection.leftToRight("1. “سلام” — delivered")).isEqualTo(MARK + "1. “سلام” — delivered");
    }

    @Test
    void eachLineIsMarkedOnItsOwn() {
        assertThat(TextDirection.leftToRight("Members of Family:\nعلی رضا (on Telegram)\nBob Fisher\n• דנה"))
                .isEqualTo("Members of Family:\n" + MARK + "علی رضا (on Telegram)\nBob Fisher\n" + MARK + "• דנה");
        assertThat(TextDirection.leftToRight("علی\n\nعلی\n")).isEqualTo(MARK + "علی\n\n" + MARK + "علی\n");
    }

    @Test
    void aLineThatStartsLeftToRightIsLeftAsItIs() {
        String text = "Sent to علی رضا ✓\nWith it: “سلام”";
        assertThat(TextDirection.leftToRight(text)).isEqualTo(text);
        assertThat(TextDirection.leftToRight("Anna, Zoë and Søren 👋")).isEqualTo("Anna, Zoë and Søren 👋");
        assertThat(TextDirection.leftToRight("")).isEmpty();
    }

    @Test
    void markingTwiceMarksOnce() {
        String once = TextDirection.leftToRight("علی listened\nדנה too");
        assertThat(TextDirection.leftToRight(once)).isEqualTo(once);
    }
}
