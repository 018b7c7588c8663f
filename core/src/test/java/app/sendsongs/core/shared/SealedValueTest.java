package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedValueTest {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private final SigningKey key = SigningKey.random();

    @Test
    void aValueOpensToItsFields() {
        Map<String, String> fields = Map.of("source", "lastfm");

        assertThat(SignedValue.open(key, SignedValue.sign(key, fields))).contains(fields);
    }

    @Test
    void everyOtherLastCharacterIsRefusedEvenWhereItDecodesToTheSameMac() {
        String value = SignedValue.sign(key, Map.of("source", "spotify", "id", "state-1"));
        String head = value.substring(0, value.length() - 1);
        char last = value.charAt(value.length() - 1);

        for (char other : BASE64URL.toCharArray()) {
            if (other != last) {
                assertThat(SignedValue.open(key, head + other)).as("last character %s", other).isEmpty();
            }
        }
    }

    @Test
    void anotherKeysValueIsRefused() {
        String value = SignedValue.sign(SigningKey.random(), Map.of("source", "spotify"));

        assertThat(SignedValue.open(key, value)).isEmpty();
    }
}
