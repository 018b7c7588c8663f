package app.sendsongs.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link UserText}: names and notes as others will read them. */
class UserTextTest {

    @Test
    void aTypedNameLosesWhatRegistrationRefusesSoItReadsAsTheNameItLooksLike() {
        assertThat(UserText.typedName("Bob\u200B Fisher")).isEqualTo("Bob Fisher");
        assertThat(UserText.typedName("\u202EBob Fisher")).isEqualTo("Bob Fisher");
        assertThat(UserText.typedName("\u2066Bob\u2069 \u200EFisher\uFEFF")).isEqualTo("Bob Fisher");
        assertThat(UserText.typedName("Bob \u200B Fisher")).as("no double space where the invisible one was")
                .isEqualTo("Bob Fisher");
        assertThat(UserText.typedName("Bob\u200BFisher")).as("one word, as it shows").isEqualTo("BobFisher");
        assertThat(UserText.typedName("Ｂob\nFisher\u2028")).isEqualTo("Bob Fisher");
        assertThat(UserText.typedName("\u200B\u3164")).isEmpty();
    }
}
