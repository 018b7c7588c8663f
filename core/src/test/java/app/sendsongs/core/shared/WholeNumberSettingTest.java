package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WholeNumberSettingTest {
    private final WholeNumberSetting lease = new WholeNumberSetting("LEASE_SECONDS", 120, 5, 65_535);

    @Test
    void unsetOrBlankIsTheDefaultAndAWholeNumberInRangeIsTaken() {
        List<String> problems = new ArrayList<>();

        assertThat(lease.read(Map.of(), problems)).isEqualTo(120);
        assertThat(lease.read(Map.of("LEASE_SECONDS", "  "), problems)).isEqualTo(120);
        assertThat(lease.read(Map.of("LEASE_SECONDS", " 5 "), problems)).isEqualTo(5);
        assertThat(lease.read(Map.of("LEASE_SECONDS", "65535"), problems)).isEqualTo(65_535);
        assertThat(problems).isEmpty();
    }

    @Test
    void anythingElseIsOneProblemNamingTheVariableAndItsRangeAndGivesTheDefault() {
        for (String wrong : List.of("4", "65536", "-1", "2m", "1.5", "99999999999")) {
            List<String> problems = new ArrayList<>();

            assertThat(lease.read(Map.of("LEASE_SECONDS", wrong), problems)).as(wrong).isEqualTo(120);
            assertThat(problems).as(wrong).containsExactly("LEASE_SECONDS must be a whole number from 5 to 65535");
        }
    }

    @Test
    void aDefaultOutsideItsOwnRangeIsAMistakeInTheCode() {
        assertThatThrownBy(() -> new WholeNumberSetting("X", 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
