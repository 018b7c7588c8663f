package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void secondsAreTheWait() {
        assertThat(RetryAfter.parse("30", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheTimeUntilIt() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void anHttpDateInThePastIsNoWait() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void garbageAndNothingAreNoValue() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void aNegativeNumberIsNoValue() {
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    }

    @Test
    void aHugeWaitIsReadAsItIsUnlessItIsBeyondALong() {
        assertThat(RetryAfter.parse(Long.toString(Long.MAX_VALUE), NOW)).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW))
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365 * 7000)));
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
