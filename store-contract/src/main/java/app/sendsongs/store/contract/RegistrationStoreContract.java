package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.connection;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistrationStore}: consent states and registration codes are taken at most once, also
 * when many callers race. The port has no clock: the core judges {@code expiresAt} after taking,
 * so the store returns it exactly as saved.
 */
public abstract class RegistrationStoreContract extends StoreFixture {
    private static final int RACERS = 16;

    @Test
    void stateIsTakenOnceWithItsExpiry() {
        OAuthState state = new OAuthState("state-1", minutes(10));
        store.saveOAuthState(state);

        assertThat(store.takeOAuthState("state-1")).contains(state);
        assertThat(store.takeOAuthState("state-1")).isEmpty();
    }

    @Test
    void unknownStateTakesNothing() {
        store.saveOAuthState(new OAuthState("state-1", minutes(10)));

        assertThat(store.takeOAuthState("state-2")).isEmpty();
        assertThat(store.takeOAuthState("STATE-1")).isEmpty();
        assertThat(store.takeOAuthState("state-1")).isPresent();
    }

    @Test
    void takingOneStateLeavesTheOthers() {
        OAuthState first = new OAuthState("state-1", minutes(10));
        OAuthState second = new OAuthState("state-2", minutes(11));
        store.saveOAuthState(first);
        store.saveOAuthState(second);

        assertThat(store.takeOAuthState("state-1")).contains(first);
        assertThat(store.takeOAuthState("state-2")).contains(second);
    }

    @Test
    void concurrentTakersOfOneStateGetItOnce() {
        store.saveOAuthState(new OAuthState("contested", minutes(10)));

        List<Optional<OAuthState>> taken = Race.run(RACERS, i -> store.takeOAuthState("contested"));

        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void codeIsTakenOnceWithItsGrant() {
        RegistrationCode code = new RegistrationCode("ABCD1234", connection("bob"), minutes(15));
        store.saveRegistrationCode(code);

        assertThat(store.takeRegistrationCode("ABCD1234")).contains(code);
        assertThat(store.takeRegistrationCode("ABCD1234")).isEmpty();
    }

    @Test
    void unknownCodeTakesNothing() {
        store.saveRegistrationCode(new RegistrationCode("ABCD1234", connection("bob"), minutes(15)));

        assertThat(store.takeRegistrationCode("ABCD1235")).isEmpty();
        assertThat(store.takeRegistrationCode("ABCD1234")).isPresent();
    }

    @Test
    void concurrentTakersOfOneCodeGetItOnce() {
        store.saveRegistrationCode(new RegistrationCode("RACE0001", connection("bob"), minutes(15)));

        List<Optional<RegistrationCode>> taken = Race.run(RACERS, i -> store.takeRegistrationCode("RACE0001"));

        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void statesAndCodesAreSeparate() {
        OAuthState state = new OAuthState("same-value", minutes(10));
        RegistrationCode code = new RegistrationCode("same-value", connection("bob"), minutes(15));
        store.saveOAuthState(state);
        store.saveRegistrationCode(code);

        assertThat(store.takeOAuthState("same-value")).contains(state);
        assertThat(store.takeRegistrationCode("same-value")).contains(code);
    }
}
