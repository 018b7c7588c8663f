package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedValueTest {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Map<String, String> FIELDS = fields("p", "telegram:918273645", "x", "1767225600");
    private final SigningKey key = SigningKey.random();

    @Test
    void aValueOpensToItsFieldsInTheirOrder() {
        Map<String, String> fields = fields("source", "lastfm", "b", "a=b&c\nd é");

        assertThat(SealedValue.open(key, SealedValue.seal(key, fields))).hasValueSatisfying(opened ->
                assertThat(opened).containsExactlyEntriesOf(fields));
    }

    @Test
    void nothingOfTheFieldsCanBeReadOutOfAValue() {
        String value = SealedValue.seal(key, FIELDS);

        assertThat(value).doesNotContain(".").matches("[A-Za-z0-9_-]+");
        assertThat(Readable.readings(value)).allSatisfy(reading -> assertThat(reading)
                .doesNotContain("918273645").doesNotContain("telegram").doesNotContain("1767225600"));
        assertThat(SealedValue.seal(key, FIELDS)).as("a fresh nonce each time").isNotEqualTo(value);
    }

    @Test
    void everyChangedCharacterIsRefusedEvenWhereItDecodesToTheSameBytes() {
        String value = SealedValue.seal(key, FIELDS);

        for (int at = 0; at < value.length(); at++) {
            for (char other : (BASE64URL + ".=%").toCharArray()) {
                if (other != value.charAt(at)) {
                    String changed = value.substring(0, at) + other + value.substring(at + 1);
                    assertThat(SealedValue.open(key, changed)).as("%s at %d", other, at).isEmpty();
                }
            }
        }
    }

    @Test
    void aTruncatedOrLengthenedValueIsRefused() {
        String value = SealedValue.seal(key, FIELDS);

        for (int length = 0; length < value.length(); length++) {
            assertThat(SealedValue.open(key, value.substring(0, length))).as("first %d", length).isEmpty();
        }
        assertThat(SealedValue.open(key, value + "A")).isEmpty();
        assertThat(SealedValue.open(key, value + "=")).isEmpty();
        assertThat(SealedValue.open(key, null)).isEmpty();
    }

    @Test
    void aMadeUpOrOverLongValueIsRefused() {
        assertThat(SealedValue.open(key, "2" + "A".repeat(60))).isEmpty();
        assertThat(SealedValue.open(key, "2")).isEmpty();
        assertThat(SealedValue.open(key, "made.up")).isEmpty();
        String big = SealedValue.seal(key, fields("p", "x".repeat(SealedValue.MAX_LENGTH)));
        assertThat(big.length()).isGreaterThan(SealedValue.MAX_LENGTH);
        assertThat(SealedValue.open(key, big)).isEmpty();
    }

    @Test
    void anotherKeysValueIsRefused() {
        assertThat(SealedValue.open(key, SealedValue.seal(SigningKey.random(), FIELDS))).isEmpty();
        assertThat(SealedValue.open(key, SealedValue.seal(key.derive("another purpose"), FIELDS))).isEmpty();
    }

    @Test
    void aValueSignedBeforeValuesWereSealedStillOpens() {
        String old = OldSignedValues.sign(key, FIELDS);

        assertThat(SealedValue.open(key, old)).hasValueSatisfying(opened ->
                assertThat(opened).containsExactlyEntriesOf(FIELDS));
    }

    @Test
    void anOldValueWithAForgedOrChangedMacOrOtherFieldsIsRefused() {
        String old = OldSignedValues.sign(key, FIELDS);
        int dot = old.indexOf('.');
        String body = old.substring(0, dot);
        String mac = old.substring(dot + 1);

        assertThat(SealedValue.open(key, OldSignedValues.sign(SigningKey.random(), FIELDS))).as("another key").isEmpty();
        assertThat(SealedValue.open(key, body + "." + "A".repeat(mac.length()))).as("made-up mac").isEmpty();
        String otherBody = OldSignedValues.sign(key, fields("p", "telegram:1", "x", "1767225600"));
        assertThat(SealedValue.open(key, otherBody.substring(0, otherBody.indexOf('.')) + "." + mac))
                .as("other fields under this mac").isEmpty();
        for (char other : BASE64URL.toCharArray()) {
            if (other != old.charAt(old.length() - 1)) {
                assertThat(SealedValue.open(key, old.substring(0, old.length() - 1) + other)).as("last %s", other)
                        .isEmpty();
            }
        }
        assertThat(SealedValue.open(key, old.substring(0, old.length() - 1))).as("truncated").isEmpty();
        assertThat(SealedValue.open(key, old + ".x")).as("a second dot").isEmpty();
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
