package app.sendsongs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small rules of the measurements: which error code a reason yields, how an HTTP status is counted, waits. */
class MeteredPortsTest {
    private record Measured(String name, Map<String, String> tags, double value) {
    }

    private final List<Measured> measured = new ArrayList<>();
    private final Meters meters = new Meters() {
        @Override
        public void count(String name, Map<String, String> tags, double amount) {
            measured.add(new Measured(name, tags, amount));
        }

        @Override
        public void time(String name, Map<String, String> tags, Duration took) {
            measured.add(new Measured(name, tags, took.toNanos() / 1e6));
        }
    };

    @Test
    void aPlatformsErrorCodeIsAShortNumberAndNothingElseOfTheReason() {
        assertThat(MeteredChatPlatform.errorCode("rate limited: HTTP 400, code 613: Calls to this api have "
                + "exceeded the rate limit. [fbtrace_id A1b2]")).isEqualTo("613");
        assertThat(MeteredChatPlatform.errorCode("HTTP 400, code 100/2018001: No matching user found"))
                .isEqualTo("100");
        assertThat(MeteredChatPlatform.errorCode("temporary Graph API failure: HTTP 503")).isEqualTo("http_503");
        assertThat(MeteredChatPlatform.errorCode("the Send API could not be reached: ConnectException"))
                .isEqualTo("none");
        assertThat(MeteredChatPlatform.errorCode("code 1234567 is too long to be a code")).isEqualTo("none");
        assertThat(MeteredChatPlatform.errorCode(null)).isEqualTo("none");
    }

    @Test
    void anAnswersStatusIsCountedByItsClassAnd429ByItself() {
        assertThat(List.of(200, 204, 302, 400, 401, 404, 429, 500, 503)).extracting(MeteredHttpClient::outcome)
                .containsExactly("ok", "ok", "ok", "4xx", "4xx", "4xx", "429", "5xx", "5xx");
    }

    @Test
    void aLimitersWaitIsRecordedForItsService() throws InterruptedException {
        new LimiterWaits(meters, "lastfm").sleep(Duration.ofMillis(20));

        assertThat(measured).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo(LimiterWaits.WAITS);
            assertThat(m.tags()).isEqualTo(Map.of("service", "lastfm"));
            assertThat(m.value()).isGreaterThanOrEqualTo(20);
        });
    }
}
