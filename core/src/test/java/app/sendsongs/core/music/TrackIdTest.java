package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackIdTest {
    @Test
    void twentyTwoLettersAndDigitsAreATrackId() {
        assertThat(new TrackId("4uLU6hMCjMI75M1A2tKUQC").link())
                .isEqualTo("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
        assertThat(TrackId.isValid("0123456789azAZbcdefghi")).isTrue();
    }

    /** Too short, too long, and each character just outside the ranges 0-9, A-Z and a-z. */
    @ParameterizedTest
    @ValueSource(strings = {"", "4uLU6hMCjMI75M1A2tKUQ", "4uLU6hMCjMI75M1A2tKUQCx", "4uLU6hMCjMI75M1A2tKUQ/",
        "4uLU6hMCjMI75M1A2tKUQ:", "4uLU6hMCjMI75M1A2tKUQ@", "4uLU6hMCjMI75M1A2tKUQ[", "4uLU6hMCjMI75M1A2tKUQ`",
        "4uLU6hMCjMI75M1A2tKUQ{", "4uLU6hMCjMI75M1A2tKUQé", "4uLU6hMCjMI75M1A2tKU Q"})
    void anythingElseIsNot(String value) {
        assertThat(TrackId.isValid(value)).isFalse();
        assertThatThrownBy(() -> new TrackId(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingIsNot() {
        assertThat(TrackId.isValid(null)).isFalse();
        assertThatThrownBy(() -> new TrackId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
