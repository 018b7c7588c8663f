package app.sendsongs.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatchScheduleTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration TRACK = Duration.ofSeconds(200);
    private static final Instant EXPIRY = T0.plus(Duration.ofDays(7));
    private static final Instant LAST_CHECK = EXPIRY.plus(WatchSchedule.DEFAULT_GRACE);
    private final WatchSchedule schedule = WatchSchedule.standard();

    @Test
    void firstCheckIsOneTrackLengthAfterDelivery() {
        assertThat(schedule.nextCheck(T0, TRACK, T0)).contains(T0.plusSeconds(200));
        assertThat(schedule.nextCheck(T0, Duration.ofSeconds(5), T0)).contains(T0.plusSeconds(30));
    }

    @Test
    void everyFiveMinutesAfterTheLastCheckForTheFirstHour() {
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(200))).contains(T0.plusSeconds(500));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(230))).contains(T0.plusSeconds(530));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3599))).contains(T0.plusSeconds(3899));
    }

    @Test
    void thenHourlyWhileTheHourEndsWithinTheSevenDays() {
        assertThat(schedule.nextCheck(T0, TRACK, T0.plusSeconds(3600))).contains(T0.plus(Duration.ofHours(2)));
        assertThat(schedule.nextCheck(T0, TRACK, T0.plus(Duration.ofMinutes(150)))).contains(T0.plus(Duration.ofMinutes(210)));
        Instant anHourBefore = EXPIRY.minus(Duration.ofHours(1));
        assertThat(schedule.nextCheck(T0, TRACK, anHourBefore.minusSeconds(1))).contains(EXPIRY.minusSeconds(1));
        assertThat(schedule.expiry(T0)).isEqualTo(EXPIRY);
    }

    @Test
    void noRegularCheckReachesTheExpiry() {
        // the last check, a grace period after the expiry, reads what a check at the expiry would
        assertThat(schedule.nextCheck(T0, TRACK, EXPIRY.minus(Duration.ofHours(1)))).isEmpty();
        assertThat(schedule.nextCheck(T0, TRACK, EXPIRY.minusSeconds(1))).isEmpty();
        assertThat(schedule.nextCheck(T0, TRACK, EXPIRY.plusSeconds(1))).isEmpty();
        assertThat(schedule.finalCheck(T0)).isEqualTo(LAST_CHECK);
    }

    @Test
    void countsTheChecksOfOneSongAlone() {
        int checks = 0;
        Optional<Instant> next = Optional.of(T0);
        Instant now = T0;
        while (next.isPresent()) {
            now = next.get();
            next = schedule.nextCheck(T0, TRACK, now);
            checks++;
        }
        // the delivery, the first check at 200 s, every 5 minutes until past the hour (3,800 s), then hourly while
        // the hour ends before the expiry: the last regular check is at 3,800 s + 166 hours, and the last a grace
        // period after the expiry
        assertThat(now).isEqualTo(T0.plusSeconds(3800).plus(Duration.ofHours(166)));
        assertThat(checks - 1).isEqualTo(1 + 12 + 166);
        assertThat(schedule.receiversNextCheck(next, List.of(schedule.finalCheck(T0)))).contains(LAST_CHECK);
    }

    @Test
    void aLastCheckIsMadeByTheReceiversNextRegularCheckWhenThatComesWithinAnHourAfterIt() {
        assertThat(schedule.lastCheckMayWait()).isEqualTo(Duration.ofHours(1));
        List<Instant> last = List.of(LAST_CHECK);
        assertThat(schedule.receiversNextCheck(Optional.of(LAST_CHECK.minusSeconds(1)), last))
                .contains(LAST_CHECK.minusSeconds(1));
        assertThat(schedule.receiversNextCheck(Optional.of(LAST_CHECK.plusSeconds(1800)), last))
                .contains(LAST_CHECK.plusSeconds(1800));
        assertThat(schedule.receiversNextCheck(Optional.of(LAST_CHECK.plusSeconds(3600)), last))
                .contains(LAST_CHECK.plusSeconds(3600));
        assertThat(schedule.receiversNextCheck(Optional.of(LAST_CHECK.plusSeconds(3601)), last)).contains(LAST_CHECK);
        assertThat(schedule.receiversNextCheck(Optional.empty(), last)).contains(LAST_CHECK);
        assertThat(schedule.receiversNextCheck(Optional.of(T0), List.of())).contains(T0);
        assertThat(schedule.receiversNextCheck(Optional.empty(), List.of())).isEmpty();
    }

    @Test
    void lastChecksWithinAnHourOfTheFirstShareOne() {
        Instant second = LAST_CHECK.plusSeconds(2400);
        Instant third = LAST_CHECK.plusSeconds(3700);
        List<Instant> lastChecks = List.of(third, LAST_CHECK, second);
        assertThat(schedule.receiversNextCheck(Optional.empty(), lastChecks)).contains(second);
        assertThat(schedule.receiversNextCheck(Optional.of(LAST_CHECK.plusSeconds(600)), lastChecks))
                .contains(LAST_CHECK.plusSeconds(600));
        assertThat(schedule.receiversNextCheck(Optional.of(LAST_CHECK.plusSeconds(3650)), lastChecks))
                .contains(second);
    }

    @Test
    void aLastCheckWaitsNoLongerThanTheGracePeriod() {
        assertThat(schedule.withGrace(Duration.ofMinutes(20)).lastCheckMayWait()).isEqualTo(Duration.ofMinutes(20));
        WatchSchedule atTheDeadline = schedule.withGrace(Duration.ZERO);
        assertThat(atTheDeadline.receiversNextCheck(Optional.of(EXPIRY.plusSeconds(1)), List.of(EXPIRY)))
                .contains(EXPIRY);
        assertThat(WatchSchedule.parse("5m/1h,1d/7d").lastCheckMayWait()).isEqualTo(WatchSchedule.DEFAULT_GRACE);
    }

    @Test
    void parsesConfiguredSchedules() {
        WatchSchedule custom = WatchSchedule.parse("30s/10m, 2h/2d");
        assertThat(custom.watchPeriod()).isEqualTo(Duration.ofDays(2));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(30))).contains(T0.plusSeconds(60));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(600))).contains(T0.plus(Duration.ofMinutes(130)));
        assertThat(custom.nextCheck(T0, Duration.ofSeconds(1), T0.plusSeconds(610))).contains(T0.plusSeconds(610 + 7200));
        assertThatThrownBy(() -> WatchSchedule.parse("5m")).hasMessageContaining("5m/1h");
        assertThatThrownBy(() -> WatchSchedule.parse("5m/1h,1h/30m")).hasMessageContaining("increasing");
    }
}
