package app.sendsongs.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link GroupNames#problem}: a group's name is shown on taps, so it must be plainly what it looks like. */
class GroupNamesTest {

    @Test
    void marksStackedOnALetterAreRefused() {
        assertThat(GroupNames.problem("Fa\u0301\u0301\u0301mily")).contains("The group name stacks marks on a letter; "
                + "please type it plainly.");
        assertThat(GroupNames.problem("Fam\u00EDlia")).isEmpty();
    }
}
