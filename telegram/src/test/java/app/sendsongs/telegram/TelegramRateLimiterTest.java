package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limiter on a clock its sleeper moves: every wait it asks for is recorded and taken at once. */
class TelegramRateLimiterTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final ManualClock clock = new ManualClock(START);
    private final List<Duration> sleeps = new ArrayList<>();
    private final TelegramRateLimiter limiter = new TelegramRateLimiter(clock, wait -> {
        sleeps.add(wait);
        clock.advance(wait);
    }, Duration.ofSeconds(5));

    /** Acquires and answers when the message went, relative to the start. */
    private Duration send(long chat) throws InterruptedException {
        assertThat(limiter.acquire(chat)).isEmpty();
        return Duration.between(START, clock.instant());
    }

    @Test
    void aChatGetsABurstOfTwoThenOneMessageASecond() throws InterruptedException {
        assertThat(send(42)).isZero();
        assertThat(send(42)).isZero();
        assertThat(send(42)).isEqualTo(Duration.ofSeconds(1));
        assertThat(send(42)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void otherChatsDoNotWaitForABusyOne() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            send(42);
        }
        Duration before = Duration.between(START, clock.instant());
        assertThat(send(43)).isEqualTo(before);
    }

    @Test
    void aGroupGetsTwentyInAMinuteWithMargin() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            send(-100);
        }
        assertThat(Duration.between(START, clock.instant())).isEqualTo(Duration.ofSeconds(18));

        Optional<Duration> wait = limiter.acquire(-100);
        assertThat(wait).contains(Duration.ofSeconds(43));

        clock.advance(Duration.ofSeconds(43));
        assertThat(send(-100)).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void aWaitLongerThanAllowedIsAnsweredAndTakesNothing() throws InterruptedException {
        TelegramRateLimiter impatient = new TelegramRateLimiter(clock, clock::advance, Duration.ZERO);
        for (int i = 0; i < 2; i++) {
            assertThat(impatient.acquire(42)).isEmpty();
        }

        assertThat(impatient.acquire(42)).contains(Duration.ofSeconds(1));
        assertThat(impatient.acquire(42)).as("nothing was reserved").contains(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterHoldsTheChat() throws InterruptedException {
        limiter.hold(42, Duration.ofSeconds(4));

        assertThat(send(7)).isZero();
        assertThat(send(42)).isEqualTo(Duration.ofSeconds(4));

        limiter.hold(42, Duration.ofSeconds(30));
        assertThat(limiter.acquire(42)).contains(Duration.ofSeconds(30));
    }

    @Test
    void allChatsTogetherKeepUnderThirtyASecond() throws InterruptedException {
        for (long chat = 1; chat <= 100; chat++) {
            send(chat);
        }
        Duration took = Duration.between(START, clock.instant());
        assertThat(100.0 / (took.toMillis() / 1000.0 + 1)).isLessThan(30.0);
        assertThat(sleeps).isNotEmpty();
        // a burst is allowed at first, then the pace: no chat waits a whole second
        assertThat(sleeps).allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofSeconds(1)));
    }

    @Test
    void withPaidBroadcastsNineHundredFiftyChatsGoInASecond() throws InterruptedException {
        TelegramRateLimiter paid = new TelegramRateLimiter(clock, clock::advance, Duration.ofSeconds(5), 950);
        for (long chat = 1; chat <= 1900; chat++) {
            assertThat(paid.acquire(chat)).isEmpty();
        }
        Duration took = Duration.between(START, clock.instant());
        assertThat(took).isBetween(Duration.ofMillis(990), Duration.ofMillis(1010));
        assertThatThrownByBadRate();
    }

    private static void assertThatThrownByBadRate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TelegramRateLimiter(java.time.InstantSource
                .system(), Thread::sleep, Duration.ZERO, 951)).isInstanceOf(IllegalArgumentException.class);
    }
}
