package app.sendsongs.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link User#renamed}: which names are kept, and when each was held. */
class UserRenamedTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress JOSE = ChatAddress.messenger("jose");

    private static User jose(String name) {
        return new User(JOSE, name, FakeMusic.connectionFor(JOSE), GrantState.ACTIVE, T0, T0);
    }

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @Test
    void aNameSomeoneKnewThePersonByIsKeptWithWhenTheyHadIt() {
        User renamed = jose("José O’Brien").renamed("Joe", at(1), true);

        assertThat(renamed.formerNames()).containsExactly(new FormerName("José O’Brien", T0, at(1)));
        assertThat(renamed.namedAt()).isEqualTo(at(1));
    }

    @Test
    void aNameNobodyKnewThePersonByIsNotKept() {
        User renamed = jose("José O’Brien").renamed("Joe", at(1), true).renamed("Frank Ocean", at(2), false);

        assertThat(renamed.formerNames()).extracting(FormerName::name).containsExactly("José O’Brien");
        assertThat(renamed.namedAt()).isEqualTo(at(2));
    }

    @Test
    void takingBackTheLatestNameKeptGoesOnWithItFromWhenItWasFirstTaken() {
        User back = jose("José O’Brien").renamed("Frank Ocean", at(1), true).renamed("josé o'brien", at(2), false);

        assertThat(back.formerNames()).isEmpty();
        assertThat(back.namedAt()).isEqualTo(T0);
    }

    @Test
    void takingBackANameWithAKnownNameBetweenStartsItAfresh() {
        User back = jose("José O’Brien").renamed("Frank Ocean", at(1), true).renamed("José O’Brien", at(2), true);

        assertThat(back.formerNames()).containsExactly(new FormerName("Frank Ocean", at(1), at(2)));
        assertThat(back.namedAt()).isEqualTo(at(2));
    }

    @Test
    void aChangeOfCaseOrAccentsIsTheSameNameHeldOn() {
        User renamed = jose("Jose O'Brien").renamed("José O’Brien", at(1), true);

        assertThat(renamed.formerNames()).isEmpty();
        assertThat(renamed.namedAt()).isEqualTo(T0);
        assertThat(renamed.name()).isEqualTo("José O’Brien");
    }

    @Test
    void theNameGivenForWantOfOneIsNeverKeptAndOnlyTheLatestThreeAre() {
        assertThat(jose(Names.FALLBACK).renamed("José", at(1), true).formerNames()).isEmpty();

        User many = jose("A One").renamed("B Two", at(1), true).renamed("C Three", at(2), true)
                .renamed("D Four", at(3), true).renamed("E Five", at(4), true);

        assertThat(many.formerNames()).extracting(FormerName::name).containsExactly("D Four", "C Three", "B Two");
    }
}
