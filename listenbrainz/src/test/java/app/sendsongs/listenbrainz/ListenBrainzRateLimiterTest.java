package app.sendsongs.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limiter on a test clock that its sleeper moves: every wait is measured, none is slept. */
class ListenBrainzRateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final ListenBrainzRateLimiter limiter = new ListenBrainzRateLimiter(Duration.ofSeconds(12), clock,
            duration -> {
                slept.add(duration);
                clock.advance(duration);
            });

    @Test
    void callsGoFreelyUntilListenBrainzStatesAWindow() throws Exception {
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertThat(slept).isEmpty();
        assertThat(limiter.held()).isEmpty();
    }

    @Test
    void theRemainingRequestsAreCountedDownAndThenTheWindowWaitedOut() throws Exception {
        limiter.observe(2, Duration.ofSeconds(7));

        limiter.acquire();
        limiter.acquire();
        assertThat(slept).isEmpty();
        assertThat(limiter.held()).contains(Duration.ofSeconds(7));
        limiter.acquire();

        assertThat(slept).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a429HoldsCallsForItsResetInOrAWholeWindowWhenItSaysNothing() throws Exception {
        assertThat(limiter.rateLimited(Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        limiter.acquire();
        assertThat(slept).containsExactly(Duration.ofSeconds(3));

        assertThat(limiter.rateLimited(Optional.empty())).isEqualTo(ListenBrainzRateLimiter.UNSTATED_RESET);
        assertThat(limiter.rateLimited(Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aWindowEndingTooFarAheadFailsAtOnce() throws Exception {
        limiter.observe(0, Duration.ofSeconds(40));

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class, limiter::acquire);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(40));
        assertThat(e.getMessage()).contains("40 s");
        assertThat(slept).isEmpty();
    }
}
