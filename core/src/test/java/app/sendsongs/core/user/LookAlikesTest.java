package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link LookAlikes}: names that look the same though written with letters of another alphabet. */
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
    void aCapitalILikeIsAnLWhereALowercaseLetterIsBesideIt() {
        assertThat(LookAlikes.alike("\u0410\u0399ice Archer", "Alice Archer")).as("a Greek capital Iota for the l")
                .isTrue();
        assertThat(LookAlikes.alike("\u0406van Petrov", "Ivan Petrov")).as("a Ukrainian І starting a word").isTrue();
        assertThat(LookAlikes.alike("\u0406VAN", "IVAN")).isTrue();
        assertThat(LookAlikes.alike("\u0412\u0406LL", "BILL")).isTrue();
        assertThat(LookAlikes.alike("\u0406van", "lvan")).isFalse();
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
    void aNameInOneAlphabetAWordHasNoOtherSpellings() {
        assertThat(LookAlikes.spellings("Bob Fisher")).isEmpty();
        assertThat(LookAlikes.spellings("Борис Иванов")).isEmpty();
        assertThat(LookAlikes.spellings("Νίκος Παπαδόπουλος")).isEmpty();
        assertThat(LookAlikes.spellings("José O’Brien")).isEmpty();
        assertThat(LookAlikes.spellings("李小龙")).isEmpty();
        assertThat(LookAlikes.spellings("Bob Фишер")).isEmpty();
    }
}
