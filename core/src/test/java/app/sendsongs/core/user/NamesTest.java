package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.UserText;
import org.junit.jupiter.api.Test;

/** {@link Names#key}: names compared as people type them on any keyboard. */
class NamesTest {

    @Test
    void aProfileNameLeavesOutWordsThatShowNothingAndKeepsTheFirstWordsThatFit() {
        assertThat(Names.fromProfile("\u3164 Smith")).contains("Smith");
        assertThat(Names.fromProfile("\u2800")).isEmpty();
        String longName = "Maria Fernanda de los Angeles Garcia-Hernandez Rodriguez Martinez";
        assertThat(Names.fromProfile(longName)).contains("Maria Fernanda de los Angeles Garcia-Hernandez Rodriguez");
        assertThat(Names.fromProfile("A".repeat(64) + " Smith")).isEmpty();
        assertThat(Names.fromProfile("Bob\u200B Fisher")).as("an invisible character inside a word still refuses it")
                .isEmpty();
        assertThat(Names.fromProfile("😀")).isEmpty();
    }

    @Test
    void aTypedNameCleanedOfWhatShowsNothingIsOneARegisteredNameCanBe() {
        assertThat(Names.problem(UserText.typedName("Bob\u200B \u202EFisher"))).isEmpty();
    }

    @Test
    void caseAndSpacingAreFolded() {
        assertThat(Names.key("  BOB \n  fIsHeR ")).isEqualTo("bob fisher");
    }

    @Test
    void accentsOnLatinGreekAndCyrillicLettersAreLeftOut() {
        assertThat(Names.key("José Núñez-García")).isEqualTo(Names.key("jose nunez-garcia"));
        assertThat(Names.key("Zoë Brontë")).isEqualTo("zoe bronte");
        assertThat(Names.key("Łukasz Żółć")).isEqualTo("lukasz zolc");
        assertThat(Names.key("Søren Kierkegaard")).isEqualTo("soren kierkegaard");
        assertThat(Names.key("Strauß")).isEqualTo("strauss");
        assertThat(Names.key("İlker")).isEqualTo("ilker");
        assertThat(Names.key("Алёна")).isEqualTo(Names.key("Алена"));
        assertThat(Names.key("Ἀθηνᾶ")).isEqualTo(Names.key("Αθηνα"));
    }

    @Test
    void aPhonesApostropheIsThePlainOne() {
        assertThat(Names.key("Conan O’Brien")).isEqualTo("conan o'brien");
        assertThat(Names.key("D‘Angelo")).isEqualTo("d'angelo");
        assertThat(Names.key("Oʼneill")).isEqualTo("o'neill");
    }

    @Test
    void otherScriptsKeepTheirMarksWhichAreLettersThere() {
        assertThat(Names.key("राम")).isNotEqualTo(Names.key("रम"));
        assertThat(Names.key("राम")).isEqualTo("राम");
        assertThat(Names.key("李小龙")).isEqualTo("李小龙");
    }

    @Test
    void compatibilityFormsAreFolded() {
        assertThat(Names.key("ＪＯＳＥ")).isEqualTo("jose");
    }
}
