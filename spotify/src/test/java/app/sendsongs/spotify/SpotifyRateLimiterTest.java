package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpotifyRateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final SpotifyRateLimiter limiter = new SpotifyRateLimiter(clock);

    @Test
    void letsCallsGoWhenNothingWasSaid() {
        assertThatCode(limiter::acquire).doesNotThrowAnyException();
        assertThat(limiter.remaining()).isEmpty();
    }

    @Test
    void refusesCallsUntilTheWaitHasPassedOnTheClock() {
        limiter.blockFor(Duration.ofSeconds(30), false);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class, limiter::acquire);
        assertThat(e).isNotInstanceOf(QuotaExceededException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));

        clock.advance(Duration.ofMillis(29_500));
        MusicServiceException later = catchThrowableOfType(MusicServiceException.class, limiter::acquire);
        assertThat(later.retryAfter()).contains(Duration.ofMillis(500));
        assertThat(later.getMessage()).contains("another 1 s");

        clock.advance(Duration.ofMillis(500));
        assertThatCode(limiter::acquire).doesNotThrowAnyException();
        assertThat(limiter.remaining()).isEmpty();
    }

    @Test
    void aQuotaWaitIsReportedAsAQuota() {
        limiter.blockFor(Duration.ofMinutes(10), true);

        assertThat(catchThrowableOfType(MusicServiceException.class, limiter::acquire))
                .isInstanceOf(QuotaExceededException.class).hasMessageContaining("quota");
    }

    @Test
    void aShorterWaitDoesNotCutALongerOneShort() {
        limiter.blockFor(Duration.ofSeconds(60), true);
        limiter.blockFor(Duration.ofSeconds(5), false);

        assertThat(limiter.remaining()).contains(Duration.ofSeconds(60));
        assertThat(catchThrowableOfType(MusicServiceException.class, limiter::acquire))
                .isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void aLongerWaitExtendsAShorterOne() {
        limiter.blockFor(Duration.ofSeconds(5), false);
        clock.advance(Duration.ofSeconds(2));
        limiter.blockFor(Duration.ofSeconds(10), false);

        assertThat(limiter.remaining()).contains(Duration.ofSeconds(10));
    }

    @Test
    void aZeroWaitBlocksNothing() {
        limiter.blockFor(Duration.ZERO, false);

        assertThatCode(limiter::acquire).doesNotThrowAnyException();
    }
}
