package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxUserTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final SandboxUser user = new SandboxUser("ann");

    private void playAt(int... seconds) {
        for (int s : seconds) {
            user.play(new SandboxUser.Play("t" + s, T0.plusSeconds(s)));
        }
    }

    private List<String> ids(SandboxUser.Page page) {
        return page.plays().stream().map(SandboxUser.Play::trackId).toList();
    }

    @Test
    void thePageIsTheNewestPlaysStrictlyAfterTheCursorNewestFirst() {
        playAt(10, 20, 30, 40, 50);
        SandboxUser.Page page = user.recentlyPlayed(T0.plusSeconds(20).toEpochMilli(), Long.MAX_VALUE, 2);
        assertThat(ids(page)).containsExactly("t50", "t40");
        assertThat(page.more()).isTrue();
        SandboxUser.Page rest = user.recentlyPlayed(T0.plusSeconds(20).toEpochMilli(), Long.MAX_VALUE, 3);
        assertThat(ids(rest)).containsExactly("t50", "t40", "t30");
        assertThat(rest.more()).isFalse();
    }

    @Test
    void beforeCursorPagesBackwards() {
        playAt(10, 20, 30);
        SandboxUser.Page page = user.recentlyPlayed(Long.MIN_VALUE, T0.plusSeconds(30).toEpochMilli(), 50);
        assertThat(ids(page)).containsExactly("t20", "t10");
        assertThat(page.more()).isFalse();
    }

    @Test
    void onlyTheLastFiftyPlaysAreKept() {
        for (int i = 1; i <= 60; i++) {
            playAt(i);
        }
        SandboxUser.Page page = user.recentlyPlayed(Long.MIN_VALUE, Long.MAX_VALUE, 50);
        assertThat(page.plays()).hasSize(50);
        assertThat(page.plays().getLast().trackId()).isEqualTo("t11");
        assertThat(page.more()).isFalse();
    }
}
