package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link LookAlikes}: names that look the same though written with other letters, of another alphabet or not. */
class LookAlikesTest {
    /** "Bob" with a Cyrillic о. */
    private static final String BOB_CYRILLIC_O = "B\u043eb";
    /** "ВоЬ": Cyrillic capital Ve, о and capital soft sign, each like a Latin letter of "Bob". */
    private static final String BOB_ALL_CYRILLIC = "\u0412\u043e\u042c";
    /** "Alice" with a Greek capital Alpha. */
    private static final String ALICE_GREEK_ALPHA = "\u0391lice";

    @Test
    void cyrillicAndGreekLettersAreTakenAsTheLatinOnesTheyLookLike() {
        assertThat(LookAlikes.skeleton(BOB_CYRILLIC_O + " Fisher")).isEqualTo("bob fisher");
        assertThat(LookAlikes.skeleton(BOB_ALL_CYRILLIC + " Fisher")).isEqualTo("bob fisher");
        assertThat(LookAlikes.skeleton(ALICE_GREEK_ALPHA + " Archer")).isEqualTo("alice archer");
        assertThat(LookAlikes.skeleton("\u0421\u043e\u0441\u043e")).as("Сосо, all Cyrillic").isEqualTo("coco");
        assertThat(LookAlikes.alike(BOB_CYRILLIC_O + " Fisher", "Bob Fisher")).isTrue();
        assertThat(LookAlikes.alike("\u0395\u03bd\u03b1", "Eva")).as("Ενα, all Greek").isTrue();
    }

    @Test
    void caseAccentsAndSpacingAreFoldedAsInTheNameKey() {
        assertThat(LookAlikes.alike("  B\u041eB   fisher ", "Bob Fisher")).as("a Cyrillic capital О").isTrue();
        assertThat(LookAlikes.alike("J\u043es\u0435\u0301", "José")).as("Cyrillic о and е with an accent").isTrue();
        assertThat(LookAlikes.alike("\u0410\u043b\u0451\u043d\u0430", "\u0410\u043b\u0435\u043d\u0430"))
                .as("Алёна is Алена, as their keys are").isTrue();
        assertThat(LookAlikes.alike("Bob Fisher", "bob fisher")).as("the same name is alike too").isTrue();
    }

    @Test
    void aCapitalILikeIsAnLInsideAWordNotInCapitals() {
        assertThat(LookAlikes.alike("\u0410\u0399ice Archer", "Alice Archer")).as("a Greek capital Iota for the l")
                .isTrue();
        assertThat(LookAlikes.alike("\u0406van Petrov", "Ivan Petrov")).as("a Ukrainian І starting a word").isTrue();
        assertThat(LookAlikes.alike("\u0406VAN", "IVAN")).isTrue();
        assertThat(LookAlikes.alike("\u0412\u0406LL", "BILL")).isTrue();
        assertThat(LookAlikes.skeleton("\u0406van")).as("an I starting a word, not an l").isEqualTo("ivan");
    }

    @Test
    void aCapitalIASmallLAndADigitOneAreTakenForEachOtherAsTheyShow() {
        assertThat(LookAlikes.alike("BiII Fisher", "Bill Fisher")).as("capital Is for the ls").isTrue();
        assertThat(LookAlikes.alike("CarI", "Carl")).isTrue();
        assertThat(LookAlikes.alike("Bi11", "Bill")).as("digit ones").isTrue();
        assertThat(LookAlikes.alike("lan", "Ian")).as("a small l starting a word shows as an I").isTrue();
        assertThat(LookAlikes.alike("lvan", "Ivan")).isTrue();
        assertThat(LookAlikes.alike("1van", "Ivan")).isTrue();
        assertThat(LookAlikes.alike("AI Green", "Al Green")).as("a capital I after one capital letter").isTrue();
        assertThat(LookAlikes.alike("BlLL", "BILL")).as("a small l in a word in capitals").isTrue();
        assertThat(LookAlikes.alike("Anne-lsabelle", "Anne-Isabelle")).as("a word's part starting").isTrue();
    }

    @Test
    void aDigitZeroIsAnOAndRnAndVvAreTheLetterTheyShowAs() {
        assertThat(LookAlikes.alike("B0b Fisher", "Bob Fisher")).isTrue();
        assertThat(LookAlikes.alike("B0B", "BOB")).isTrue();
        assertThat(LookAlikes.alike("0scar", "Oscar")).isTrue();
        assertThat(LookAlikes.alike("Sarn", "Sam")).isTrue();
        assertThat(LookAlikes.alike("Kirn", "Kim")).as("rn shows as m, whatever the name").isTrue();
        assertThat(LookAlikes.alike("Edvvard", "Edward")).isTrue();
        assertThat(LookAlikes.alike("SARN", "SAM")).as("capitals RN look like no M").isFalse();
    }

    @Test
    void namesThatDifferInLettersThatLookDifferentStayApart() {
        assertThat(LookAlikes.alike("Tom", "Tim")).isFalse();
        assertThat(LookAlikes.alike("Lan", "Ian")).as("a capital L is no I").isFalse();
        assertThat(LookAlikes.alike("Lisa", "Iisa")).isFalse();
        assertThat(LookAlikes.alike("Mia", "Mla")).as("a dotted i is no l").isFalse();
        assertThat(LookAlikes.alike("Eli", "Ell")).isFalse();
        assertThat(LookAlikes.alike("BIII", "BILL")).isFalse();
        assertThat(LookAlikes.alike("Listener 1", "Listener I")).as("a number is not read as letters").isFalse();
        assertThat(LookAlikes.alike("Alex2000", "Alex2OOO")).isFalse();
        assertThat(LookAlikes.alike("Bob Fisher", "BOB FISHER")).as("case, as before").isTrue();
        assertThat(LookAlikes.alike("Björn", "Bjorn")).as("accents, as before").isTrue();
    }

    @Test
    void legitimateNamesInOtherScriptsAreNotTakenForUnrelatedOnes() {
        assertThat(LookAlikes.alike("Борис Иванов", "Boris Ivanov")).isFalse();
        assertThat(LookAlikes.alike("Вова", "Boba")).as("a lowercase в looks like no b").isFalse();
        assertThat(LookAlikes.alike("Νίκος Παπαδόπουλος", "Nikos Papadopoulos")).isFalse();
        assertThat(LookAlikes.alike("李小龙", "李小虎")).isFalse();
        assertThat(LookAlikes.alike("José García", "Jose Garcia")).as("the same name, as typed").isTrue();
        assertThat(LookAlikes.alike("José García", "Josh Garcia")).isFalse();
        assertThat(LookAlikes.skeleton("Борис Иванов")).as("kept as the script it is in where nothing looks Latin")
                .contains("б", "и", "в");
        assertThat(LookAlikes.skeleton("田中たろう")).isEqualTo("田中たろう");
    }

    @Test
    void theSpellingsANameCouldPassForAreItsWordsInOneAlphabet() {
        assertThat(LookAlikes.spellings(BOB_CYRILLIC_O + " Fisher")).containsExactly("Bob Fisher");
        assertThat(LookAlikes.spellings(BOB_ALL_CYRILLIC + " Fisher")).containsExactly("Bob Fisher");
        assertThat(LookAlikes.spellings(ALICE_GREEK_ALPHA + " Archer")).containsExactly("Alice Archer");
        assertThat(LookAlikes.spellings("\u0410\u0399ice")).containsExactly("Alice");
        assertThat(LookAlikes.spellings("\u0411o\u0440\u0438\u0441 Johnson")).as("a Latin o in Борис")
                .containsExactly("Борис Johnson");
        assertThat(LookAlikes.spellings(BOB_CYRILLIC_O + " Фишер")).containsExactly("Bob Фишер");
    }

    @Test
    void aNameWithLatinLookAlikesCouldPassForItAsItShows() {
        assertThat(LookAlikes.spellings("BiII Fisher")).containsExactly("Bill Fisher");
        assertThat(LookAlikes.spellings("Bi11 Fisher")).containsExactly("Bill Fisher");
        assertThat(LookAlikes.spellings("B0b Fisher")).containsExactly("Bob Fisher");
        assertThat(LookAlikes.spellings("lan Smith")).as("and an rn for the m, as for any name")
                .containsExactly("Ian Smith", "lan Srnith");
        assertThat(LookAlikes.spellings("AIice")).as("no more an I than the l it shows as").containsExactly("Alice");
        assertThat(LookAlikes.spellings("AI Green")).containsExactly("Al Green");
        assertThat(LookAlikes.spellings("Sarn Jones")).containsExactly("Sam Jones");
        assertThat(LookAlikes.spellings("Edvvard Jones")).containsExactly("Edward Jones");
    }

    @Test
    void aNameWithAnMInsideAWordCouldPassForTheNameWithAnRnThere() {
        assertThat(LookAlikes.spellings("Bemard Fisher")).containsExactly("Bernard Fisher");
        assertThat(LookAlikes.spellings("Emma Stone")).as("each m alone, the first two")
                .containsExactly("Ernma Stone", "Emrna Stone");
        assertThat(LookAlikes.spellings("Tom Hammond")).containsExactly("Torn Hammond", "Tom Harnmond");
        assertThat(LookAlikes.spellings("Mary Fisher")).as("a capital M shows as no rn").isEmpty();
        assertThat(LookAlikes.spellings("Ian Smith")).containsExactly("Ian Srnith");
        assertThat(LookAlikes.alike("Bemard Fisher", "Bernard Fisher")).isTrue();
    }

    @Test
    void aNameWithASmallLInsideAWordCouldPassForTheNameWithACapitalIThere() {
        assertThat(LookAlikes.spellings("Alice")).as("a friend registered as AIice").containsExactly("AIice");
        assertThat(LookAlikes.spellings("Mclntyre")).containsExactly("McIntyre");
        assertThat(LookAlikes.spellings("Bill Fisher")).as("each l alone, the first two")
                .containsExactly("BiIl Fisher", "BilI Fisher");
        assertThat(LookAlikes.spellings("Alice Archer")).as("no Cyrillic name is written with ӏ, г and һ")
                .containsExactly("AIice Archer");
        assertThat(LookAlikes.spellings("Élise")).as("an l after an accented letter").containsExactly("ÉIise");
        assertThat(LookAlikes.spellings("Lisa Brown")).as("a capital L shows as no I").isEmpty();
        assertThat(LookAlikes.alike("Alice", "AIice")).isTrue();
        assertThat(LookAlikes.alike("Mclntyre", "McIntyre")).isTrue();
        assertThat(LookAlikes.alike("BilI", "Bill")).isTrue();
    }

    @Test
    void namesWithAnLOrAnIThatShowDifferentlyStayApart() {
        assertThat(LookAlikes.alike("Alice", "Alica")).isFalse();
        assertThat(LookAlikes.alike("Ella", "Eila")).as("a dotted i is no l").isFalse();
        assertThat(LookAlikes.alike("Lily", "Iily")).as("a capital L is no I").isFalse();
        assertThat(LookAlikes.alike("Oliver", "Ol1ver")).as("a one is no dotted i").isFalse();
    }

    @Test
    void aNameInLatinLettersCouldPassForOneWhollyInCyrillicOrGreekLettersThatLookLikeThem() {
        String vera = "\u0412\u0435\u0440\u0430"; // "Вера"
        assertThat(LookAlikes.alike("Bepa", vera)).isTrue();
        assertThat(LookAlikes.spellings("Bepa")).containsExactly(vera);
        assertThat(LookAlikes.spellings("Xoce Capa")).as("Хосе Сара")
                .containsExactly("\u0425\u043e\u0441\u0435 \u0421\u0430\u0440\u0430");
        assertThat(LookAlikes.spellings("ANNA")).as("ΑΝΝΑ in Greek capitals")
                .containsExactly("\u0391\u039d\u039d\u0391");
        assertThat(LookAlikes.spellings("Capa \u0424\u0438\u0448\u0435\u0440")).as("a word already in Cyrillic")
                .containsExactly("\u0421\u0430\u0440\u0430 \u0424\u0438\u0448\u0435\u0440");
        assertThat(LookAlikes.spellings("B0b Capa")).as("Bob as it reads, and no Bob in Cyrillic names' letters")
                .containsExactly("Bob Capa");
    }

    @Test
    void aNameInOneAlphabetAWordHasNoOtherSpellings() {
        assertThat(LookAlikes.spellings("Bob Fisher")).isEmpty();
        assertThat(LookAlikes.spellings("Ian Brown")).isEmpty();
        assertThat(LookAlikes.spellings("ALICE WILLIAMS")).isEmpty();
        assertThat(LookAlikes.spellings("Listener 10")).isEmpty();
        assertThat(LookAlikes.spellings("Sarah Price")).isEmpty();
        assertThat(LookAlikes.spellings("Ana Anne-Isa")).as("an I after a hyphen").isEmpty();
        assertThat(LookAlikes.spellings("Борис Иванов")).isEmpty();
        assertThat(LookAlikes.spellings("Νίκος Παπαδόπουλος")).isEmpty();
        assertThat(LookAlikes.spellings("José O’Brien")).isEmpty();
        assertThat(LookAlikes.spellings("李小龙")).isEmpty();
        assertThat(LookAlikes.spellings("Bob Фишер")).isEmpty();
    }
}
