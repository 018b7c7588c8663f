package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aSealedTokenOpensWithTheSameKeyAndHidesTheToken() {
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        String sealed = cipher.seal("BQD-access-token");

        assertThat(sealed).startsWith("v1.").doesNotContain("BQD-access-token");
        assertThat(cipher.open(sealed)).isEqualTo("BQD-access-token");
        assertThat(cipher.seal("BQD-access-token")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyOrAnAlteredValueIsRefusedWithoutShowingTheValue() {
        String sealed = TokenCipher.fromBase64(KEY).seal("refresh-token");

        assertThatThrownBy(() -> TokenCipher.random().open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKEN_ENCRYPTION_KEY").hasMessageNotContaining(sealed);
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> TokenCipher.fromBase64(KEY).open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whileAKeyIsReplacedWhatEitherKeySealedOpensAndNewValuesAreSealedWithTheNewKey() {
        TokenCipher old = TokenCipher.fromBase64(KEY);
        TokenCipher next = TokenCipher.random();
        String sealedBefore = old.seal("refresh-token");
        TokenCipher replacing = next.openingAlso(old);

        assertThat(replacing.open(sealedBefore)).isEqualTo("refresh-token");
        String sealedNow = replacing.seal("access-token");
        assertThat(next.open(sealedNow)).as("sealed with the new key alone").isEqualTo("access-token");
        assertThatThrownBy(() -> old.open(sealedNow)).isInstanceOf(IllegalStateException.class);
        assertThat(replacing.sameKeyAs(next)).isTrue();
        assertThat(replacing.signingKey().sign("state")).as("links signed with the new key")
                .isEqualTo(next.signingKey().sign("state"));
        assertThatThrownBy(() -> replacing.open(TokenCipher.random().seal("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TOKEN_ENCRYPTION_KEY");
    }

    @Test
    void thePreviousKeyMustDifferFromTheKeyInUse() {
        assertThatThrownBy(() -> TokenCipher.fromBase64(KEY).openingAlso(TokenCipher.fromBase64(KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous");
    }

    @Test
    void aValueThatFailedToOpenSpoilsNothingForTheNext() {
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        String sealed = cipher.seal("refresh-token");
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cipher.open(altered)).isInstanceOf(IllegalStateException.class);
            assertThat(cipher.open(sealed)).isEqualTo("refresh-token");
            assertThat(cipher.open(cipher.seal("access-" + i))).isEqualTo("access-" + i);
        }
    }

    @Test
    void manyThreadsSealAndOpenAtOnce() throws Exception {
        TokenCipher cipher = TokenCipher.fromBase64(KEY);
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> roundTrips = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String token = "token-" + i;
                roundTrips.add(threads.submit(() -> cipher.open(cipher.seal(token)).equals(token)));
            }
            for (Future<Boolean> roundTrip : roundTrips) {
                assertThat(roundTrip.get()).isTrue();
            }
        }
    }

    @Test
    void aValueStoredBeforeSealingReadsAsItIs() {
        assertThat(TokenCipher.random().open("plain-old-token")).isEqualTo("plain-old-token");
    }

    @Test
    void aKeyMustBeThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> TokenCipher.fromBase64("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> TokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThat(TokenCipher.random().toString()).contains("redacted");
    }
}
