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
        registrations.saveOAuthState(state);

        assertThat(registrations.takeOAuthState("state-1")).contains(state);
        assertThat(registrations.takeOAuthState("state-1")).isEmpty();
    }

    @Test
    void unknownStateTakesNothing() {
        registrations.saveOAuthState(new OAuthState("state-1", minutes(10)));

        assertThat(registrations.takeOAuthState("state-2")).isEmpty();
        assertThat(registrations.takeOAuthState("STATE-1")).isEmpty();
        assertThat(registrations.takeOAuthState("state-1")).isPresent();
    }

    @Test
    void takingOneStateLeavesTheOthers() {
        OAuthState first = new OAuthState("state-1", minutes(10));
        OAuthState second = new OAuthState("state-2", minutes(11));
        registrations.saveOAuthState(first);
        registrations.saveOAuthState(second);

        assertThat(registrations.takeOAuthState("state-1")).contains(first);
        assertThat(registrations.takeOAuthState("state-2")).contains(second);
    }

    @Test
    void concurrentTakersOfOneStateGetItOnce() {
        registrations.saveOAuthState(new OAuthState("contested", minutes(10)));

        List<Optional<OAuthState>> taken = Race.run(RACERS, i -> registrations.takeOAuthState("contested"));

        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void codeIsTakenOnceWithItsGrant() {
        RegistrationCode code = new RegistrationCode("ABCD1234", connection("bob"), minutes(15));
        registrations.saveRegistrationCode(code);

        assertThat(registrations.takeRegistrationCode("ABCD1234")).contains(code);
        assertThat(registrations.takeRegistrationCode("ABCD1234")).isEmpty();
    }

    @Test
    void unknownCodeTakesNothing() {
        registrations.saveRegistrationCode(new RegistrationCode("ABCD1234", connection("bob"), minutes(15)));

        assertThat(registrations.takeRegistrationCode("ABCD1235")).isEmpty();
        assertThat(registrations.takeRegistrationCode("ABCD1234")).isPresent();
    }

    @Test
    void concurrentTakersOfOneCodeGetItOnce() {
        registrations.saveRegistrationCode(new RegistrationCode("RACE0001", connection("bob"), minutes(15)));

        List<Optional<RegistrationCode>> taken = Race.run(RACERS, i -> registrations.takeRegistrationCode("RACE0001"));

        assertThat(taken).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void statesAndCodesAreSeparate() {
        OAuthState state = new OAuthState("same-value", minutes(10));
        RegistrationCode code = new RegistrationCode("same-value", connection("bob"), minutes(15));
        registrations.saveOAuthState(state);
        registrations.saveRegistrationCode(code);

        assertThat(registrations.takeOAuthState("same-value")).contains(state);
        assertThat(registrations.takeRegistrationCode("same-value")).contains(code);
    }
}
