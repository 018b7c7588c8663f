package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {
    private final WebhookSecret secret = new WebhookSecret("Abc_123-xyz");

    @Test
    void matchesOnlyTheExactSecret() {
        assertThat(secret.matches("Abc_123-xyz")).isTrue();
        assertThat(secret.matches("abc_123-xyz")).isFalse();
        assertThat(secret.matches("Abc_123-xy")).isFalse();
        assertThat(secret.matches("Abc_123-xyz ")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void refusesWhatTelegramWouldRefuse() {
        assertThatThrownBy(() -> new WebhookSecret("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecret(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecret("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecret("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebhookSecret("x".repeat(256)).matches("x".repeat(256))).isTrue();
    }

    @Test
    void aRandomSecretIsValidUnguessableAndNeverPrinted() {
        WebhookSecret one = WebhookSecret.random();
        WebhookSecret two = WebhookSecret.random();

        assertThat(one.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(one.value()).isNotEqualTo(two.value());
        assertThat(one.toString()).doesNotContain(one.value());
    }
}
