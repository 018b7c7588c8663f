package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.store.Store;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Store#purgeBefore}: expired leftovers go, everything still live stays. */
public abstract class PurgeContract extends StoreFixture {

    @Test
    void expiredStatesCodesAndQuestionsGoAndLiveOnesStay() {
        store.saveOAuthState(new OAuthState("old-state", minutes(10)));
        store.saveOAuthState(new OAuthState("live-state", minutes(30)));
        store.saveRegistrationCode(new RegistrationCode("OLDC-ODE1", Samples.connection("old"), minutes(15)));
        store.saveRegistrationCode(new RegistrationCode("LIVE-CODE", Samples.connection("live"), minutes(25)));
        store.saveChoice(new PendingChoice("alice", "old", List.of("x", "y"), minutes(10)));
        store.saveChoice(new PendingChoice("bob", "live", List.of("x", "y"), minutes(30)));

        store.purgeBefore(minutes(20));

        assertThat(store.takeOAuthState("old-state")).isEmpty();
        assertThat(store.takeOAuthState("live-state")).isPresent();
        assertThat(store.takeRegistrationCode("OLDC-ODE1")).isEmpty();
        assertThat(store.takeRegistrationCode("LIVE-CODE")).isPresent();
        assertThat(store.takeChoice("alice")).isEmpty();
        assertThat(store.takeChoice("bob")).isPresent();
    }

    @Test
    void messageIdsSeenBeforeTheCutoffAreForgottenAndLaterOnesKept() {
        store.firstDelivery("mid.old", minutes(0));
        store.firstDelivery("mid.new", minutes(30));

        store.purgeBefore(minutes(20));

        assertThat(store.firstDelivery("mid.new", minutes(31))).isFalse();
        assertThat(store.firstDelivery("mid.old", minutes(31))).isTrue();
    }

    @Test
    void somethingExpiringExactlyAtTheCutoffStays() {
        store.saveOAuthState(new OAuthState("edge", minutes(20)));

        store.purgeBefore(minutes(20));

        assertThat(store.takeOAuthState("edge")).isPresent();
    }
}
