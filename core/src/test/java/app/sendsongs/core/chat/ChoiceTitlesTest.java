package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ChoiceTitles}: the titles of a message's choices fitted to a platform's limit, still told apart. */
class ChoiceTitlesTest {
    private static final int MESSENGER = 20;

    @Test
    void titlesThatFitAreKeptAndOnesWhoseStartTellsThemApartAreCutAtTheEnd() {
        assertThat(ChoiceTitles.fitApart(List.of("Bob Fisher", " Bob Marsh ", "Don't send"), MESSENGER))
                .containsExactly("Bob Fisher", "Bob Marsh", "Don't send");
        assertThat(ChoiceTitles.fitApart(List.of("Roberta Fisher-Marshall", "Bob Marsh"), MESSENGER))
                .containsExactly("Roberta Fisher-Mars\u2026", "Bob Marsh");
    }

    @Test
    void longNamesThatStartAlikeKeepTheEndThatTellsThemApart() {
        assertThat(ChoiceTitles.fitApart(List.of("Alexandra Montgomery-Smith", "Alexandra Montgomery-Jones",
                "Don't send"), MESSENGER))
                .containsExactly("Alexandra\u2026Smith", "Alexandra\u2026Jones", "Don't send");
        assertThat(ChoiceTitles.fitApart(List.of("Alexandra Montgomery", "Alexandra Montgomery-Smith"), MESSENGER))
                .as("one fits, the other starts with all of it").containsExactly("Alexandra Montgomery",
                        "Alexandra\u2026Smith");
    }

    @Test
    void aNumberedTitleKeepsItsNumberAndIsToldApartByWhatFollowsIt() {
        assertThat(ChoiceTitles.fitApart(List.of("1. Alexandra Montgomery-Smith", "2. Alexandra Montgomery-Jones",
                "3. Don't send"), MESSENGER)).containsExactly("1. Alexandra\u2026Smith", "2. Alexandra\u2026Jones",
                        "3. Don't send");
    }

    @Test
    void theEndKeptIsAWholeWordWhereOneFitsElseTheFewestCharactersThatDiffer() {
        List<String> thirteen = IntStream.rangeClosed(1, 13).mapToObj(i -> "Roberta Fisher-Marshall of Leeds " + i)
                .toList();
        List<String> fitted = ChoiceTitles.fitApart(thirteen, MESSENGER);
        assertThat(fitted.get(0)).isEqualTo("Roberta Fisher\u20261");
        assertThat(fitted.get(10)).isEqualTo("Roberta Fisher\u202611");
        assertThat(fitted).doesNotHaveDuplicates()
                .allSatisfy(title -> assertThat(title.length()).isLessThanOrEqualTo(MESSENGER));
        assertThat(ChoiceTitles.fitApart(List.of("Maximiliantheodorabc1", "Maximiliantheodorabc2"), MESSENGER))
                .containsExactly("Maximiliantheodora\u20261", "Maximiliantheodora\u20262");
    }

    @Test
    void endsAreNeverCutInsideACharacterAsPeopleSeeIt() {
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        List<String> fitted = ChoiceTitles.fitApart(List.of("Fisher family of Leeds " + family,
                "Fisher family of Leeds \ud83c\uddec\ud83c\udde7"), MESSENGER);
        assertThat(fitted).containsExactly("Fisher\u2026" + family, "Fisher family\u2026\ud83c\uddec\ud83c\udde7");
    }

    @Test
    void titlesTheSameButForTheirCaseOrWhollyTheSameAreCutAsAlone() {
        assertThat(ChoiceTitles.fitApart(List.of("1. Alexandra Montgomery-Smith", "2. Alexandra Montgomery-Smith"),
                MESSENGER)).containsExactly("1. Alexandra Montgo\u2026", "2. Alexandra Montgo\u2026");
        assertThat(ChoiceTitles.fitApart(List.of("alexandra montgomery-smith", "Alexandra Montgomery-Smith"),
                MESSENGER)).containsExactly("alexandra montgomer\u2026", "Alexandra Montgomer\u2026");
    }
}
