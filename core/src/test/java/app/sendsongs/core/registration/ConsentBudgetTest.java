package app.sendsongs.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.time.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentBudgetTest {
    private final ManualClock time = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final ConsentBudget budget = new ConsentBudget(time);

    @Test
    void refusalsSpendTheBurstThenOnePlaceComesBackEachRefill() {
        for (int i = 0; i < ConsentBudget.BURST; i++) {
            assertThat(budget.take(SourceKind.LISTENBRAINZ)).as("place " + i).isTrue();
        }

        assertThat(budget.take(SourceKind.LISTENBRAINZ)).isFalse();
        assertThat(budget.take(SourceKind.LASTFM)).as("another source's places").isTrue();
        time.advance(ConsentBudget.REFILL);
        assertThat(budget.take(SourceKind.LISTENBRAINZ)).isTrue();
        assertThat(budget.take(SourceKind.LISTENBRAINZ)).isFalse();
    }

    @Test
    void consentsTheSourceDidNotRefuseGiveTheirPlaceBack() {
        for (int i = 0; i < 3 * ConsentBudget.BURST; i++) {
            assertThat(budget.take(SourceKind.SPOTIFY)).as("consent " + i).isTrue();
            budget.giveBack(SourceKind.SPOTIFY);
        }
    }

    @Test
    void firstConsentsOfAccountsGiveTheirPlaceBackAndRepeatsWithinTheWindowKeepIt() {
        for (int i = 0; i < 3 * ConsentBudget.BURST; i++) {
            assertThat(budget.take(SourceKind.LISTENBRAINZ)).as("person " + i).isTrue();
            budget.finished(SourceKind.LISTENBRAINZ, "listener-" + i);
        }
        for (int i = 0; i <= ConsentBudget.BURST; i++) {
            assertThat(budget.take(SourceKind.LISTENBRAINZ)).as("mallory's consent " + i).isTrue();
            budget.finished(SourceKind.LISTENBRAINZ, "mallory");
        }

        assertThat(budget.take(SourceKind.LISTENBRAINZ)).isFalse();
        time.advance(ConsentBudget.REPEATS_WITHIN);
        assertThat(budget.take(SourceKind.LISTENBRAINZ)).isTrue();
        budget.finished(SourceKind.LISTENBRAINZ, "listener-0");
        assertThat(budget.take(SourceKind.LISTENBRAINZ)).as("a consent again after the window gives its place "
                + "back, and the places came back meanwhile").isTrue();
    }

    @Test
    void aPlaceGivenBackAfterItCameBackAnywayLeavesNoCredit() {
        budget.take(SourceKind.SPOTIFY);
        time.advance(ConsentBudget.REFILL.multipliedBy(5));
        budget.giveBack(SourceKind.SPOTIFY);

        for (int i = 0; i < ConsentBudget.BURST; i++) {
            assertThat(budget.take(SourceKind.SPOTIFY)).isTrue();
        }
        assertThat(budget.take(SourceKind.SPOTIFY)).isFalse();
    }
}
