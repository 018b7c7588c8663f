package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.user.ReachStore;
import org.junit.jupiter.api.Test;

/**
 * {@link ReachStore}: when a person was last found unreachable, by their whole address; the mark goes when they are
 * reachable again, and is forgotten with them.
 */
public abstract class ReachStoreContract extends StoreFixture {

    private ReachStore reach() {
        return stores.reach();
    }

    @Test
    void aMarkComesBackAndALaterOneReplacesIt() {
        assertThat(reach().unreachableSince(onTelegram("511223344"))).isEmpty();

        reach().markUnreachable(onTelegram("511223344"), T0);
        assertThat(reach().unreachableSince(onTelegram("511223344"))).contains(T0);

        reach().markUnreachable(onTelegram("511223344"), minutes(5));
        assertThat(reach().unreachableSince(onTelegram("511223344"))).contains(minutes(5));
        assertThat(reach().unreachableSince(at("511223344"))).as("the same id on Messenger").isEmpty();
    }

    @Test
    void markingSomeoneReachableTakesOnlyTheirMarkAway() {
        reach().markUnreachable(onTelegram("511223344"), T0);
        reach().markUnreachable(onTelegram("42"), T0);

        reach().markReachable(onTelegram("511223344"));
        reach().markReachable(onTelegram("77"));

        assertThat(reach().unreachableSince(onTelegram("511223344"))).isEmpty();
        assertThat(reach().unreachableSince(onTelegram("42"))).contains(T0);
        assertThat(reach().unreachableSince(onTelegram("77"))).as("never marked").isEmpty();
    }

    @Test
    void forgettingAPersonForgetsTheirMark() {
        reach().markUnreachable(onTelegram("511223344"), T0);
        reach().markUnreachable(onTelegram("42"), T0);

        housekeeping.forgetPerson(onTelegram("511223344"));

        assertThat(reach().unreachableSince(onTelegram("511223344"))).isEmpty();
        assertThat(reach().unreachableSince(onTelegram("42"))).contains(T0);
    }
}
