package app.sendsongs.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchScheduleTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration TRACK = Duration.ofSeconds(200);
    private final WatchSchedule schedule = WatchSchedule.standard();

    @Test
    void firstCheckIsOneTrackLengthAfterDelivery() {
        assertThat(schedule.nextCheck(T0, TRACK, T0)).isEqualTo(T0.plusSeconds(200));
        assertThat(schedule.nextCheck(T0, Duration.ofSeconds(5), T0)).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void everyFiveMinutesForTheFirstHour() {
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(200))).isEqualTo(T0.plusSeconds(300));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(300))).isEqualTo(T0.plusSeconds(600));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3299))).isEqualTo(T0.plusSeconds(3300));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3300))).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void thenHourlyUntilSevenDaysAndNeverPastTheEnd() {
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3600))).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plus(Duration.ofMinutes(150)))).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plus(Duration.ofDays(7)).minusSeconds(1)))
                .isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(schedule.expiry(T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void countsTheSeedsChecks() {
        int checks = 0;
        Instant now = T0;
        while (now.isBefore(schedule.expiry(T0))) {
            now = schedule.nextCheck(T0, TRACK, now);
            checks++;
        }
        assertThat(checks).isEqualTo(1 + 12 + 167);
    }

    @Test
    void parsesConfiguredSchedules() {
        WatchSchedule custom = WatchSchedule.parse("30s/10m, 2h/2d");
        assertThat(custom.watchPeriod()).isEqualTo(Duration.ofDays(2));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(30))).isEqualTo(T0.plusSeconds(60));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(600))).isEqualTo(T0.plus(Duration.ofMinutes(130)));
        assertThatThrownBy(() -> WatchSchedule.parse("5m")).hasMessageContaining("5m/1h");
        assertThatThrownBy(() -> WatchSchedule.parse("5m/1h,1h/30m")).hasMessageContaining("increasing");
    }
}
