package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.UserText;
import org.junit.jupiter.api.Test;

/** {@link Names#key}: names compared as people type them on any keyboard. */
class NamesTest {

    @Test
    void aNameCannotBeWhatTheBotWritesToTellPeopleApartOrForSomeoneGone() {
        assertThat(Names.problem("Bob Fisher (on Telegram)")).as("the bot's own label for the app")
                .hasValueSatisfying(problem -> assertThat(problem).contains("(on Telegram)"));
        assertThat(Names.problem("bob fisher (ON messenger)")).isPresent();
        assertThat(Names.problem("Someone who left")).as("the bot's word for a person who deleted their data")
                .isPresent();
        assertThat(Names.problem("SOMEONE WHO LEFT!")).isPresent();
        assertThat(Names.problem("Bob (on holiday)")).isEmpty();
        assertThat(Names.problem("Someone")).isEmpty();
    }

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
    void aPersianNameWithTheNonJoinerBetweenItsLettersIsTakenAndFoundWithOrWithoutIt() {
        String alireza = "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627 \u0645\u062d\u0645\u062f\u06cc"; // علی‌رضا محمدی
        String typedWithout = alireza.replace("\u200c", "");

        assertThat(Names.problem(alireza)).isEmpty();
        assertThat(Names.fromProfile(alireza)).contains(alireza);
        assertThat(Names.key(alireza)).isEqualTo(Names.key(typedWithout));
        assertThat(Names.key(UserText.typedName(alireza))).isEqualTo(Names.key(alireza));
        assertThat(Names.problem("Bo\u200cb Fisher")).as("between Latin letters it hides nothing useful")
                .contains("The name has invisible or text-direction characters in it; please type it plainly.");
        assertThat(Names.problem("\u200c\u0639\u0644\u06cc")).as("before the first letter").isPresent();
    }

    @Test
    void marksThatShowNothingAfterALetterAreRefusedAsInvisible() {
        String invisible = "The name has invisible or text-direction characters in it; please type it plainly.";
        assertThat(Names.problem("E\u034Fve Fisher")).as("the combining grapheme joiner").contains(invisible);
        assertThat(Names.problem("Eve Fisher\uFE0F")).as("an emoji's variation selector after a letter")
                .contains(invisible);
        assertThat(Names.problem("Ev\uFE00e Fisher")).as("a variation selector no letter of Latin has")
                .contains(invisible);
        assertThat(Names.problem("Eve\uDB40\uDD00 Fisher")).as("an ideographic variation selector after a letter")
                .contains(invisible);
        assertThat(UserText.typedName("Eve\uFE0F Fi\u034Fsher")).isEqualTo("Eve Fisher");
        assertThat(Names.problem("Eve Fisher \u2764\uFE0F")).as("a red heart, in its emoji form").isEmpty();
        assertThat(Names.problem("\u845B\uDB40\uDD00\u98FE \u5317\u658E")).as("a kanji's variant, as Japanese "
                + "names are written (\u845B\uDB40\uDD00\u98FE)").isEmpty();
    }

    @Test
    void marksStackedOnALetterAreRefusedAndTheMarksLanguagesWriteAreNot() {
        String stacked = "The name stacks marks on a letter; please type it plainly.";
        assertThat(Names.problem("E\u0301\u0301\u0301ve Fisher")).as("E with three acutes: É and two more").contains(stacked);
        assertThat(Names.problem("Eve Fi\u0300\u0301\u0302\u0303\u0304\u0306sher"))
                .as("six marks, each different: the first makes an ì, five are left")
                .contains(stacked);
        assertThat(Names.problem("Z\u0351\u0357\u0346\u0310\u036Ba\u0363\u0350\u0352lgo"))
                .as("the text generators' stacks").contains(stacked);

        assertThat(Names.problem("Nguy\u1EC5n Th\u1ECB \u1EA2nh")).as("Vietnamese, composed").isEmpty();
        assertThat(Names.problem("Nguye\u0302\u0303n")).as("Vietnamese, typed as a letter and two marks").isEmpty();
        assertThat(Names.problem("\u1ECC\u0300la")).as("Yoruba: a dot below and a grave").isEmpty();
        assertThat(Names.problem("\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F"))
                .as("Arabic with its vowels and a shadda: مُحَمَّد").isEmpty();
        assertThat(Names.problem("\u0E2A\u0E21\u0E28\u0E31\u0E01\u0E14\u0E34\u0E4C")).as("Thai: สมศักดิ์")
                .isEmpty();
        assertThat(Names.problem("\u0F56\u0F66\u0F92\u0FB2\u0F74\u0F56")).as("Tibetan, three marks stacked: "
                + "བསྒྲུབ").isEmpty();
    }

    @Test
    void aWordMixingAlphabetsIsRefusedAsItCouldPassForAnotherName() {
        assertThat(Names.problem("B\u043eb Fisher")).as("a Cyrillic о in Bob").contains("The word \"B\u043eb\" mixes "
                + "Latin and Cyrillic letters, so the name could pass for another; please write each word in one "
                + "alphabet.");
        assertThat(Names.problem("\u0391lice Archer")).as("a Greek Alpha").hasValueSatisfying(problem ->
                assertThat(problem).contains("mixes Latin and Greek letters"));
        assertThat(Names.problem("\u13AAnna")).as("a Cherokee letter").hasValueSatisfying(problem ->
                assertThat(problem).contains("mixes Latin and Cherokee letters"));
        assertThat(Names.problem("\u0411\u043e\u0440\u0438\u0441 Ivan\u043ev")).as("the second word")
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("The word \"Ivan\u043ev\" mixes"));
        assertThat(Names.fromProfile("B\u043eb Fisher")).isEmpty();
    }

    @Test
    void namesWhoseEveryWordIsInOneScriptAreTaken() {
        assertThat(Names.problem("Борис Иванов")).isEmpty();
        assertThat(Names.problem("Νίκος Παπαδόπουλος")).isEmpty();
        assertThat(Names.problem("José O’Brien-García")).isEmpty();
        assertThat(Names.problem("Zoë D'Arcy 2nd")).isEmpty();
        assertThat(Names.problem("B0b Fisher")).as("digits in a word: told apart by the caution").isEmpty();
        assertThat(Names.problem("Alex2000")).isEmpty();
        assertThat(Names.problem("Bob Фишер")).as("each word in one alphabet").isEmpty();
        assertThat(Names.problem("\u0412\u043e\u042c Fisher")).as("ВоЬ: all Cyrillic, told apart by the caution")
                .isEmpty();
        assertThat(Names.problem("田中たろう")).as("Han and Hiragana write Japanese together").isEmpty();
        assertThat(Names.problem("山田タロウ")).isEmpty();
        assertThat(Names.problem("김철수")).isEmpty();
        assertThat(Names.problem("Li小明")).as("Latin and Han, as TR #39 allows").isEmpty();
        assertThat(Names.problem("राम शर्मा")).isEmpty();
        assertThat(Names.problem("محمد علي")).isEmpty();
        assertThat(Names.problem("דָּוִד")).as("Hebrew with its points").isEmpty();
        assertThat(Names.fromProfile("Маша 🌸")).contains("Маша 🌸");
        assertThat(Names.fromProfile("Ana \ud83d\udc69\u200d\ud83d\udcbb")).as("an emoji made with a joiner")
                .contains("Ana \ud83d\udc69\u200d\ud83d\udcbb");
        assertThat(Names.problem("Sam \ud83c\udff3\ufe0f\u200d\ud83c\udf08")).as("the rainbow flag").isEmpty();
        assertThat(Names.problem("Sam\u200d\ud83c\udf08")).as("a joiner after a letter still refused").isPresent();
        String scotland = "\ud83c\udff4\udb40\udc67\udb40\udc62\udb40\udc73\udb40\udc63\udb40\udc74\udb40\udc7f";
        assertThat(Names.fromProfile("Tom " + scotland)).as("a flag of tags").contains("Tom " + scotland);
        assertThat(Names.problem("Tom\udb40\udc67\udb40\udc62")).as("tags after a letter still refused").isPresent();
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
    void hebrewPointsAndCantillationAreLeftOutAsPeopleTypeWithout() {
        assertThat(Names.key("\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd")).as("שָׁלוֹם, pointed")
                .isEqualTo("\u05e9\u05dc\u05d5\u05dd");
        assertThat(Names.key("\u05d3\u05bc\u05b8\u05d5\u05b4\u05d3 \u05db\u05bc\u05b9\u05d4\u05b5\u05df"))
                .as("דָּוִד כֹּהֵן with a dagesh").isEqualTo(Names.key("\u05d3\u05d5\u05d3 \u05db\u05d4\u05df"));
        assertThat(Names.key("\u05d0\u0591\u05d1")).as("a cantillation mark").isEqualTo("\u05d0\u05d1");
        assertThat(Names.key("\ufb2a\u05dc\u05d5\u05dd")).as("a shin with its dot as one character")
                .isEqualTo("\u05e9\u05dc\u05d5\u05dd");
        assertThat(Names.key("\u05d0\u05be\u05d1")).as("a maqaf is punctuation, kept").contains("\u05be");
    }

    @Test
    void arabicShortVowelsAndTheTatweelAreLeftOut() {
        String muhammad = "\u0645\u062d\u0645\u062f"; // محمد
        assertThat(Names.key("\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f")).as("مُحَمَّد")
                .isEqualTo(muhammad);
        assertThat(Names.key("\u0645\u062d\u0640\u0640\u0645\u062f")).as("stretched with tatweels")
                .isEqualTo(muhammad);
        assertThat(Names.key("\u0647\u0670\u0630\u0627")).as("a superscript alef").isEqualTo("\u0647\u0630\u0627");
        assertThat(Names.key("\u0623\u062d\u0645\u062f")).as("a hamza on the alef is a letter there, kept")
                .isNotEqualTo(Names.key("\u0627\u062d\u0645\u062f"));
    }

    @Test
    void hyphensAndDashesThatLookLikeOneAreThePlainHyphen() {
        assertThat(Names.key("Dan\u2011Cohen")).as("a non-breaking hyphen").isEqualTo("dan-cohen");
        assertThat(Names.key("Dan\u2010Cohen")).isEqualTo("dan-cohen");
        for (char dash : "\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d".toCharArray()) {
            assertThat(Names.key("Anne" + dash + "Marie")).as("U+%04X", (int) dash).isEqualTo("anne-marie");
        }
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
