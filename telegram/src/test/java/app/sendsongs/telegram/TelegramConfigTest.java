package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramConfigTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void defaultsToTheRealApiAndBuildsMethodUrls() {
        TelegramConfig config = TelegramConfig.of(TOKEN);

        assertThat(config.apiBaseUrl()).isEqualTo("https://api.telegram.org");
        assertThat(config.methodUrl("sendMessage")).isEqualTo("https://api.telegram.org/bot" + TOKEN + "/sendMessage");
        assertThat(new TelegramConfig("http://localhost:8080/sandbox/telegram//", TOKEN).methodUrl("getMe"))
                .isEqualTo("http://localhost:8080/sandbox/telegram/bot" + TOKEN + "/getMe");
    }

    @Test
    void neverShowsTheToken() {
        assertThat(TelegramConfig.of(TOKEN).toString()).doesNotContain(TOKEN).doesNotContain("AAHdq");
    }

    @Test
    void refusesSomethingThatIsNoToken() {
        assertThatThrownBy(() -> TelegramConfig.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramConfig.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramConfig.of("no-colon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TelegramConfig.of("123:has/slash")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("has/slash");
    }
}
