package app.sendsongs.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter on a test clock that its sleeper moves: every wait is measured, none is slept. */
class LastfmRateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final List<Instant> turns = new ArrayList<>();
    private final LastfmRateLimiter limiter = new LastfmRateLimiter(LastfmRateLimiter.STANDARD_SPACING,
            LastfmRateLimiter.STANDARD_FIRST_BACKOFF, LastfmRateLimiter.STANDARD_LONGEST_BACKOFF,
            LastfmRateLimiter.STANDARD_LONGEST_WAIT, clock, duration -> {
                slept.add(duration);
                clock.advance(duration);
            });

    private void call() throws MusicServiceException {
        limiter.acquire();
        turns.add(clock.instant());
    }

    @Test
    void callsGoOutAtMostFourASecond() throws Exception {
        for (int i = 0; i < 21; i++) {
            call();
        }

        assertThat(turns.get(0)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        for (int i = 5; i < turns.size(); i++) {
            assertThat(Duration.between(turns.get(i - 4), turns.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(Duration.between(turns.get(0), turns.get(20))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCallAfterAPauseGoesAtOnce() throws Exception {
        call();
        clock.advance(Duration.ofSeconds(3));
        call();

        assertThat(slept).isEmpty();
    }

    @Test
    void eachTwentyNineInARowDoublesTheHoldUpToTheLongest() throws Exception {
        assertThat(limiter.rateLimited()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.held()).contains(Duration.ofSeconds(2));
        call();
        assertThat(slept).containsExactly(Duration.ofSeconds(2));

        assertThat(limiter.rateLimited()).isEqualTo(Duration.ofSeconds(4));
        assertThat(limiter.rateLimited()).isEqualTo(Duration.ofSeconds(8));
        for (int i = 0; i < 30; i++) {
            limiter.rateLimited();
        }
        assertThat(limiter.rateLimited()).isEqualTo(LastfmRateLimiter.STANDARD_LONGEST_BACKOFF);

        limiter.answered();
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.rateLimited()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTurnFurtherOffThanTheLongestWaitFailsAtOnceSayingHowLong() throws Exception {
        limiter.rateLimited();
        limiter.rateLimited();
        limiter.rateLimited();
        limiter.rateLimited(); // 16 s

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class, limiter::acquire);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(16));
        assertThat(e.getMessage()).contains("16 s");
        assertThat(slept).isEmpty();
        clock.advance(Duration.ofSeconds(7));
        call();
        assertThat(slept).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void anInterruptedWaitFailsTheCallAndKeepsTheInterrupt() {
        LastfmRateLimiter interrupted = new LastfmRateLimiter(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), clock, duration -> {
                    throw new InterruptedException();
                });
        try {
            assertThat(catchThrowableOfType(MusicServiceException.class, interrupted::acquire)).isNull();
            assertThat(catchThrowableOfType(MusicServiceException.class, interrupted::acquire))
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
