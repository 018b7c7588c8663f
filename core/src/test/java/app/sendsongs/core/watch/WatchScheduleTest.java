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
    void everyFiveMinutesAfterTheLastCheckForTheFirstHour() {
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(200))).isEqualTo(T0.plusSeconds(500));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(230))).isEqualTo(T0.plusSeconds(530));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3599))).isEqualTo(T0.plusSeconds(3899));
    }

    @Test
    void thenHourlyUntilSevenDaysAndNeverPastTheEnd() {
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3600))).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plus(Duration.ofMinutes(150)))).isEqualTo(T0.plus(Duration.ofMinutes(210)));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plus(Duration.ofDays(7)).minusSeconds(1)))
                .isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(schedule.expiry(T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void countsTheChecksOfOneSongAlone() {
        int checks = 0;
        Instant now = T0;
        while (now.isBefore(schedule.expiry(T0))) {
            now = schedule.nextCheck(T0, TRACK, now);
            checks++;
        }
        // the first at 200 s, every 5 minutes until past the hour (3,800 s), then hourly to the expiry
        assertThat(checks).isEqualTo(1 + 12 + 167);
    }

    @Test
    void parsesConfiguredSchedules() {
        WatchSchedule custom = WatchSchedule.parse("30s/10m, 2h/2d");
        assertThat(custom.watchPeriod()).isEqualTo(Duration.ofDays(2));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(30))).isEqualTo(T0.plusSeconds(60));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(600))).isEqualTo(T0.plus(Duration.ofMinutes(130)));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(610))).isEqualTo(T0.plusSeconds(610 + 7200));
        assertThatThrownBy(() -> WatchSchedule.parse("5m")).hasMessageContaining("5m/1h");
        assertThatThrownBy(() -> WatchSchedule.parse("5m/1h,1h/30m")).hasMessageContaining("increasing");
    }
}
