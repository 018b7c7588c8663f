package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Secrets through the real SSM client, against the Parameter Store emulator. */
class ParameterStoreTest {
    private static final List<Setting> SECRETS = List.of(Setting.SPOTIFY_CLIENT_SECRET_PARAMETER,
            Setting.TOKEN_ENCRYPTION_KEY_PARAMETER);

    private final ParameterStoreEmulator emulator = new ParameterStoreEmulator();
    private final TestAws aws = new TestAws(emulator.endpoint(), URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:1"));
    private final ParameterStore store = new ParameterStore(aws.ssm());
    private final Settings names = Settings.read(Map.of("SPOTIFY_CLIENT_SECRET_PARAMETER", "/app/spotify",
            "TOKEN_ENCRYPTION_KEY_PARAMETER", "/app/key"), SECRETS);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void everySecretComesDecryptedInOneCall() {
        emulator.putSecureString("/app/spotify", "spotify-secret-value");
        emulator.putSecureString("/app/key", "key-value");

        Map<Setting, String> secrets = store.fetch(names, SECRETS);

        assertThat(secrets).containsExactlyInAnyOrderEntriesOf(Map.of(Setting.SPOTIFY_CLIENT_SECRET_PARAMETER,
                "spotify-secret-value", Setting.TOKEN_ENCRYPTION_KEY_PARAMETER, "key-value"));
        assertThat(emulator.calls()).isEqualTo(1);
        assertThat(aws.recorder().calls()).containsExactlyInAnyOrder(
                new AwsCall("ssm:GetParameters", "parameter:/app/spotify"),
                new AwsCall("ssm:GetParameters", "parameter:/app/key"));
    }

    @Test
    void aMissingParameterAndAPlainStringAreNamedButNoValueIsShown() {
        emulator.putString("/app/spotify", "plain-text-secret");

        assertThatThrownBy(() -> store.fetch(names, SECRETS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[SPOTIFY_CLIENT_SECRET_PARAMETER] names /app/spotify, a String parameter")
                .hasMessageContaining("[TOKEN_ENCRYPTION_KEY_PARAMETER] names /app/key, which does not exist")
                .hasMessageNotContaining("plain-text-secret");
    }
}
