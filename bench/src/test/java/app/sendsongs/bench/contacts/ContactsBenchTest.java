package app.sendsongs.bench.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contacts benchmark in a tiny configuration: it loads both people, times both reads and finds them alike. */
class ContactsBenchTest {
    @Test
    void aTinyRunTimesBothReadsAndFindsTheSameLatestContacts() {
        assertThat(ContactsBench.main(new String[] {"--shares", "300", "--people", "30", "--recent", "50",
                "--rounds", "3"})).isZero();
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThat(ContactsBench.main(new String[] {"--sharez", "3"})).isEqualTo(2);
    }
}
