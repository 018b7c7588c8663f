package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final String SECRET = "app-secret-123";
    private static final byte[] BODY = """
            {"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"42"},\
            "message":{"mid":"m1","text":"h\u00e9llo \ud83c\udfb5"}}]}]}""".getBytes(StandardCharsets.UTF_8);

    private final SignatureVerifier verifier = new SignatureVerifier(SECRET);

    /** Computed independently of the class under test. */
    private static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void acceptsTheHmacOfTheRawBodyKeyedWithTheAppSecret() throws Exception {
        assertThat(verifier.verify(BODY, "sha256=" + hmacHex(SECRET, BODY))).isTrue();
    }

    @Test
    void acceptsUpperCaseHexAndSurroundingWhitespace() throws Exception {
        String hex = hmacHex(SECRET, BODY);
        assertThat(verifier.verify(BODY, "sha256=" + hex.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(verifier.verify(BODY, "  sha256=" + hex + " ")).isTrue();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() throws Exception {
        assertThat(verifier.verify(BODY, "sha256=" + hmacHex("another-secret", BODY))).isFalse();
    }

    @Test
    void rejectsATamperedBody() throws Exception {
        String header = "sha256=" + hmacHex(SECRET, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 5] ^= 1;
        assertThat(verifier.verify(tampered, header)).isFalse();
    }

    @Test
    void signsTheExactBytesNotTheirJsonMeaning() throws Exception {
        String header = "sha256=" + hmacHex(SECRET, BODY);
        byte[] reformatted = (new String(BODY, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(reformatted, header)).isFalse();
    }

    @Test
    void rejectsASignatureThatDiffersOnlyInItsLastByte() throws Exception {
        String hex = hmacHex(SECRET, BODY);
        char last = hex.charAt(hex.length() - 1);
        String changed = hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(verifier.verify(BODY, "sha256=" + changed)).isFalse();
    }

    @Test
    void rejectsAMissingOrEmptyHeader() {
        assertThat(verifier.verify(BODY, null)).isFalse();
        assertThat(verifier.verify(BODY, "")).isFalse();
        assertThat(verifier.verify(BODY, "sha256=")).isFalse();
    }

    @Test
    void rejectsMalformedHeaders() throws Exception {
        String hex = hmacHex(SECRET, BODY);
        assertThat(verifier.verify(BODY, hex)).as("no sha256= prefix").isFalse();
        assertThat(verifier.verify(BODY, "sha1=" + hex)).as("other algorithm").isFalse();
        assertThat(verifier.verify(BODY, "sha256:" + hex)).as("wrong separator").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + hex.substring(1))).as("odd number of hex digits").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + hex.substring(2))).as("too short").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + hex + "00")).as("too long").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + "zz" + hex.substring(2))).as("not hex").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + "\u0661\u0662" + hex.substring(2))).as("non-ASCII digits").isFalse();
        assertThat(verifier.verify(BODY, "sha256=" + hex.substring(0, 32) + " " + hex.substring(33)))
                .as("space inside").isFalse();
    }

    @Test
    void rejectsANullBody() throws Exception {
        assertThat(verifier.verify(null, "sha256=" + hmacHex(SECRET, new byte[0]))).isFalse();
    }

    @Test
    void signsAnEmptyBodyLikeAnyOther() throws Exception {
        assertThat(verifier.verify(new byte[0], "sha256=" + hmacHex(SECRET, new byte[0]))).isTrue();
    }

    @Test
    void signatureHeaderIsLowerCaseHexWithThePrefixAndVerifies() throws Exception {
        String header = verifier.signatureHeader(BODY);
        assertThat(header).isEqualTo("sha256=" + hmacHex(SECRET, BODY)).matches("sha256=[0-9a-f]{64}");
        assertThat(verifier.verify(BODY, header)).isTrue();
    }

    @Test
    void refusesToWorkWithoutASecret() {
        assertThatThrownBy(() -> new SignatureVerifier(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureVerifier("")).isInstanceOf(IllegalArgumentException.class);
    }
}
