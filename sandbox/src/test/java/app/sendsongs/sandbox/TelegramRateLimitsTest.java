package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Telegram's flood limits on a clock the test moves. */
class TelegramRateLimitsTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final TelegramRateLimits limits = new TelegramRateLimits(nanos::get);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aChatTakesABurstThenOneASecond() {
        for (int i = 0; i < TelegramRateLimits.CHAT_BURST; i++) {
            assertThat(limits.take(42)).isEmpty();
        }
        assertThat(limits.take(42)).isEqualTo(OptionalInt.of(1));
        assertThat(limits.take(43)).as("another chat is not held").isEmpty();

        advanceMillis(1000);
        assertThat(limits.take(42)).isEmpty();
        assertThat(limits.take(42)).isPresent();
    }

    @Test
    void paidBroadcastsGoUpToAThousandASecondWhileFreeMessagesStopAtThirty() {
        for (long chat = 1; chat <= TelegramRateLimits.GLOBAL_PER_SECOND; chat++) {
            assertThat(limits.take(chat)).isEmpty();
        }
        assertThat(limits.take(1_000)).as("the thirty-first free message").isPresent();

        for (long chat = 2_000; chat < 2_000 + TelegramRateLimits.PAID_PER_SECOND; chat++) {
            assertThat(limits.take(chat, true)).as("paid message to chat %d", chat).isEmpty();
        }
        assertThat(limits.take(9_999, true)).as("the 1,001st paid message").isPresent();
    }

    @Test
    void aGroupTakesTwentyAMinute() {
        for (int i = 0; i < 20; i++) {
            assertThat(limits.take(-100)).as("message %d", i).isEmpty();
            advanceMillis(1000);
        }
        OptionalInt wait = limits.take(-100);
        assertThat(wait).isPresent();
        assertThat(wait.getAsInt()).isEqualTo(40);

        advanceMillis(40_000);
        assertThat(limits.take(-100)).isEmpty();
    }

    @Test
    void allChatsTogetherTakeAboutThirtyASecond() {
        int taken = 0;
        for (long chat = 1; chat <= 40; chat++) {
            if (limits.take(chat).isEmpty()) {
                taken++;
            }
        }
        assertThat(taken).isEqualTo(TelegramRateLimits.GLOBAL_PER_SECOND);
        advanceMillis(1000);
        assertThat(limits.take(41)).isEmpty();
    }
}
