package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
    private final WebhookVerifier verifier = new WebhookVerifier("verify-me");

    @Test
    void answersTheChallengeWhenModeAndTokenMatch() {
        assertThat(verifier.verify("subscribe", "verify-me", "1158201444")).contains("1158201444");
    }

    @Test
    void refusesAWrongToken() {
        assertThat(verifier.verify("subscribe", "verify-you", "c")).isEmpty();
        assertThat(verifier.verify("subscribe", "VERIFY-ME", "c")).as("tokens are case-sensitive").isEmpty();
        assertThat(verifier.verify("subscribe", "verify-me ", "c")).isEmpty();
        assertThat(verifier.verify("subscribe", "verify", "c")).as("a prefix is not the token").isEmpty();
        assertThat(verifier.verify("subscribe", "", "c")).isEmpty();
        assertThat(verifier.verify("subscribe", null, "c")).isEmpty();
    }

    @Test
    void refusesAnyModeButSubscribe() {
        assertThat(verifier.verify("unsubscribe", "verify-me", "c")).isEmpty();
        assertThat(verifier.verify("", "verify-me", "c")).isEmpty();
        assertThat(verifier.verify(null, "verify-me", "c")).isEmpty();
    }

    @Test
    void refusesAMissingChallenge() {
        assertThat(verifier.verify("subscribe", "verify-me", null)).isEmpty();
    }

    @Test
    void refusesToWorkWithoutAToken() {
        assertThatThrownBy(() -> new WebhookVerifier(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookVerifier("")).isInstanceOf(IllegalArgumentException.class);
    }
}
