package app.sendsongs.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A pending answer split by Messenger's message length is read back as one, with its waiting songs counted. */
class PendingAnswersTest {
    private static final String PART_1 = "Songs you sent that are being watched:\n"
            + "1. Neon Heron → Listener 2: delivered 2 min ago, watching for 7 more days\n"
            + "2. Ferris Wheel in February → Listener 3 (in Crew1): waiting to be delivered (sent 1 min ago)";
    private static final String PART_2 = "3. Neon Heron → Listener 4 (in Crew1): delivered 1 min ago, watching for 7 more days\n"
            + "Stop one with: cancel <number>";
    private static final String SONG = "🎵 Listener 5 sent you a song: Neon Heron\n“ev-9-”\nhttps://open.spotify.com/track/x";

    @Test
    void thePartsOfOneAnswerAreJoinedWhereItBegan() {
        List<String> joined = PendingAnswers.joined(List.of("Welcome!", PART_1, SONG, PART_2, "Sent x to y."));

        assertThat(joined).containsExactly("Welcome!", PART_1 + "\n" + PART_2, SONG, "Sent x to y.");
        assertThat(PendingAnswers.all(joined)).hasSize(1);
    }

    @Test
    void listedAndWaitingSongsAreCountedFromTheNewestWholeAnswer() {
        List<String> joined = PendingAnswers.joined(List.of(PART_1, PART_2, "Nothing pending: none of the songs you "
                + "sent is being watched.", PART_1, PART_2));

        String last = PendingAnswers.last(joined).orElseThrow();
        assertThat(PendingAnswers.all(joined)).hasSize(3);
        assertThat(PendingAnswers.listed(last)).isEqualTo(3);
        assertThat(PendingAnswers.waiting(last)).isEqualTo(1);
    }

    @Test
    void anAnswerStillArrivingIsNotWhole() {
        List<String> joined = PendingAnswers.joined(List.of(PART_1));

        assertThat(PendingAnswers.all(joined)).isEmpty();
        assertThat(PendingAnswers.last(List.of("Nothing pending: none of the songs you sent is being watched.")))
                .hasValueSatisfying(answer -> assertThat(PendingAnswers.listed(answer)).isZero());
    }

    @Test
    void aListLongerThanItsTapsIsWholeOnceItsLastLineSaysWhichNumbersTheTapsCover() {
        String longEnd = "13. Neon Heron → Listener 4: delivered 1 min ago, watching for 7 more days\n"
                + "Stop one with: cancel <number> (any of 1 to 13; the taps below cover 1 to 12)";

        List<String> joined = PendingAnswers.joined(List.of(PART_1, SONG, longEnd));

        assertThat(joined).containsExactly(PART_1 + "\n" + longEnd, SONG);
        assertThat(PendingAnswers.all(joined)).hasSize(1);
    }
}
