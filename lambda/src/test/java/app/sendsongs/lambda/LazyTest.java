package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LazyTest {
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();

    /** Fails its first {@code failures} builds, then builds the number of builds tried. */
    private Lazy<Integer> failingFirst(int failures, Duration pause) {
        return new Lazy<>(() -> {
            if (builds.incrementAndGet() <= failures) {
                throw new IllegalStateException("the secret still holds the placeholder");
            }
            return builds.get();
        }, pause, now::get);
    }

    @Test
    void aValueIsBuiltOnceAndKept() {
        Lazy<Integer> lazy = failingFirst(0, Duration.ZERO);

        assertThat(lazy.get()).isEqualTo(1);
        assertThat(lazy.get()).isEqualTo(1);
        assertThat(builds).hasValue(1);
    }

    @Test
    void withoutAPauseAFailedBuildIsTriedAgainOnTheNextUse() {
        Lazy<Integer> lazy = failingFirst(1, Duration.ZERO);

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class);
        assertThat(lazy.get()).isEqualTo(2);
    }

    @Test
    void withAPauseTheFailureIsThrownAgainUntilThePauseHasPassed() {
        Lazy<Integer> lazy = failingFirst(1, Duration.ofSeconds(10));
        assertThatThrownBy(lazy::get).hasMessageContaining("placeholder");

        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThatThrownBy(lazy::get).hasMessageContaining("placeholder");
        assertThat(builds).as("not built again within the pause").hasValue(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(lazy.get()).isEqualTo(2);
        assertThat(lazy.get()).isEqualTo(2);
    }
}
