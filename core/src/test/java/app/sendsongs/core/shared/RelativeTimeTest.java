package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");

    private static String ago(Duration before) {
        return RelativeTime.ago(NOW.minus(before), NOW);
    }

    private static String in(Duration after) {
        return RelativeTime.in(NOW.plus(after), NOW);
    }

    private static String forMore(Duration after) {
        return RelativeTime.forMore(NOW.plus(after), NOW);
    }

    @Test
    void pastTimesReadInMinutesWithinTheHourHoursWithinTheDayDaysWithinTwoWeeksThenWeeks() {
        assertThat(ago(Duration.ZERO)).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(59))).isEqualTo("just now");
        assertThat(ago(Duration.ofSeconds(60))).isEqualTo("1 min ago");
        assertThat(ago(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 min ago");
        assertThat(ago(Duration.ofMinutes(60))).isEqualTo("1 h ago");
        assertThat(ago(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23 h ago");
        assertThat(ago(Duration.ofHours(24))).isEqualTo("1 day ago");
        assertThat(ago(Duration.ofDays(2))).isEqualTo("2 days ago");
        assertThat(ago(Duration.ofDays(13).plusHours(23))).isEqualTo("13 days ago");
        assertThat(ago(Duration.ofDays(14))).isEqualTo("2 weeks ago");
        assertThat(ago(Duration.ofDays(20))).isEqualTo("2 weeks ago");
        assertThat(ago(Duration.ofDays(21))).isEqualTo("3 weeks ago");
    }

    @Test
    void aTimeAMomentAheadOfTheClockIsJustNowNotAFutureInThePast() {
        assertThat(ago(Duration.ofSeconds(-5))).isEqualTo("just now");
    }

    @Test
    void futureTimesReadAsInAWhile() {
        assertThat(in(Duration.ofSeconds(59))).isEqualTo("in under a minute");
        assertThat(in(Duration.ofSeconds(60))).isEqualTo("in 1 min");
        assertThat(in(Duration.ofMinutes(59))).isEqualTo("in 59 min");
        assertThat(in(Duration.ofMinutes(60))).isEqualTo("in 1 h");
        assertThat(in(Duration.ofHours(23).plusMinutes(29))).isEqualTo("in 23 h");
        assertThat(in(Duration.ofHours(23).plusMinutes(59))).isEqualTo("in 1 day");
        assertThat(in(Duration.ofHours(24))).isEqualTo("in 1 day");
        assertThat(in(Duration.ofDays(13))).isEqualTo("in 13 days");
        assertThat(in(Duration.ofDays(14))).isEqualTo("in 2 weeks");
        assertThat(in(Duration.ofDays(20))).isEqualTo("in 3 weeks");
        assertThat(in(Duration.ofSeconds(-1))).isEqualTo("in under a minute");
    }

    @Test
    void aTimeAheadReadsInTheNearestWholeUnitNotOneLess() {
        assertThat(in(Duration.ofMinutes(44).plusSeconds(30))).isEqualTo("in 45 min");
        assertThat(in(Duration.ofMinutes(59).plusSeconds(30))).isEqualTo("in 1 h");
        assertThat(in(Duration.ofHours(2).plusMinutes(29))).isEqualTo("in 2 h");
        assertThat(in(Duration.ofHours(2).plusMinutes(30))).isEqualTo("in 3 h");
        assertThat(in(Duration.ofDays(13).plusHours(12))).isEqualTo("in 2 weeks");
        assertThat(forMore(Duration.ofDays(7).minusMinutes(1))).isEqualTo("for 7 more days");
    }

    @Test
    void howLongSomethingGoesOnReadsInWholeWords() {
        assertThat(forMore(Duration.ofSeconds(59))).isEqualTo("for less than a minute more");
        assertThat(forMore(Duration.ofSeconds(60))).isEqualTo("for 1 more minute");
        assertThat(forMore(Duration.ofMinutes(59))).isEqualTo("for 59 more minutes");
        assertThat(forMore(Duration.ofMinutes(60))).isEqualTo("for 1 more hour");
        assertThat(forMore(Duration.ofHours(23).plusMinutes(29))).isEqualTo("for 23 more hours");
        assertThat(forMore(Duration.ofHours(24))).isEqualTo("for 1 more day");
        assertThat(forMore(Duration.ofDays(7))).isEqualTo("for 7 more days");
        assertThat(forMore(Duration.ofDays(14))).isEqualTo("for 2 more weeks");
    }

    @Test
    void aMarkedTimeIsWordedAsItReadsWhenTheMessageGoesOut() {
        String text = "Bob listened to it (" + RelativeTime.markAgo(NOW) + ").";

        assertThat(RelativeTime.worded(text, NOW.plusSeconds(30))).isEqualTo("Bob listened to it (just now).");
        assertThat(RelativeTime.worded(text, NOW.plus(Duration.ofDays(3)))).isEqualTo("Bob listened to it (3 days ago).");
    }

    @Test
    void aMarkedEndReadsAsEndedOnceItHasPassedWhenTheMessageGoesOut() {
        String text = "Your connection " + RelativeTime.markEnds(NOW) + ".";

        assertThat(RelativeTime.worded(text, NOW.minus(Duration.ofDays(3)))).isEqualTo("Your connection ends in 3 days.");
        assertThat(RelativeTime.worded(text, NOW.plus(Duration.ofHours(2)))).isEqualTo("Your connection ended 2 h ago.");
    }

    @Test
    void aTextWithoutMarksIsLeftAsItIs() {
        assertThat(RelativeTime.worded("$1 \\ (5 May)", NOW)).isEqualTo("$1 \\ (5 May)");
    }
}
