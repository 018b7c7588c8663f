package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.connection;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistrationStore}: a single-use value is recorded as used once, and a registration code is claimed by one
 * claimant, also when many race, who gets it again until it drops it; a code keeps its connection of any source. The
 * port has no clock: the core judges {@code expiresAt} after claiming, so the store returns it exactly as saved.
 */
public abstract class RegistrationStoreContract extends StoreFixture {
    private static final int RACERS = 16;

    @Test
    void aValueIsUsedOnlyOnce() {
        assertThat(registrations.useOnce("state:one", minutes(10))).isTrue();
        assertThat(registrations.useOnce("state:one", minutes(10))).isFalse();
        assertThat(registrations.useOnce("state:one", minutes(99))).isFalse();
    }

    @Test
    void aValueIsKnownAsUsedOnlyOnceUsed() {
        assertThat(registrations.wasUsed("link:one")).isFalse();

        registrations.useOnce("link:one", minutes(10));

        assertThat(registrations.wasUsed("link:one")).isTrue();
        assertThat(registrations.wasUsed("link:two")).isFalse();
        assertThat(registrations.wasUsed("LINK:ONE")).isFalse();
        assertThat(registrations.wasUsed("x".repeat(5000))).as("longer than any key").isFalse();
    }

    @Test
    void valuesAreComparedExactly() {
        registrations.useOnce("state:one", minutes(10));

        assertThat(registrations.useOnce("state:two", minutes(10))).isTrue();
        assertThat(registrations.useOnce("STATE:ONE", minutes(10))).isTrue();
        assertThat(registrations.useOnce("link:one", minutes(10))).isTrue();
    }

    @Test
    void concurrentUsersOfOneValueGetItOnce() {
        List<Boolean> first = Race.run(RACERS, i -> registrations.useOnce("contested", minutes(10)));

        assertThat(first).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void aCodeIsClaimedOnceWithItsGrantAndAgainByItsClaimant() {
        RegistrationCode code = new RegistrationCode("ABCD1234", connection("bob"), minutes(15));
        registrations.saveRegistrationCode(code);

        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-1")).contains(code);
        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-2")).as("someone else").isEmpty();
        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-1")).as("the same register, handled again")
                .contains(code);
    }

    @Test
    void aDroppedCodeIsGoneForItsClaimantToo() {
        registrations.saveRegistrationCode(new RegistrationCode("ABCD1234", connection("bob"), minutes(15)));
        registrations.claimRegistrationCode("ABCD1234", "register-1");

        registrations.dropClaimedCode("ABCD1234", "register-1");

        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-1")).isEmpty();
        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-2")).isEmpty();
    }

    @Test
    void onlyItsClaimantDropsACode() {
        RegistrationCode code = new RegistrationCode("ABCD1234", connection("bob"), minutes(15));
        registrations.saveRegistrationCode(code);
        registrations.saveRegistrationCode(new RegistrationCode("UNCLAIMD", connection("carol"), minutes(15)));
        registrations.claimRegistrationCode("ABCD1234", "register-1");

        registrations.dropClaimedCode("ABCD1234", "register-2");
        registrations.dropClaimedCode("UNCLAIMD", "register-2");
        registrations.dropClaimedCode("NOSUCHCO", "register-2");

        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-1")).contains(code);
        assertThat(registrations.claimRegistrationCode("UNCLAIMD", "register-3")).as("never claimed").isPresent();
    }

    @Test
    void aCodeKeepsAConnectionOfEverySource() {
        RegistrationCode lastfm = new RegistrationCode("LAST0001", Samples.lastfm("bob"), minutes(15));
        RegistrationCode listenBrainz = new RegistrationCode("LIST0001", Samples.listenBrainz("bob"), minutes(15));
        RegistrationCode unknownConsent = new RegistrationCode("SPOT0001", new SpotifyConnection("spotify-bob",
                "access", minutes(60), "refresh", null), minutes(15));
        registrations.saveRegistrationCode(lastfm);
        registrations.saveRegistrationCode(listenBrainz);
        registrations.saveRegistrationCode(unknownConsent);

        assertThat(registrations.claimRegistrationCode("LAST0001", "register-1")).contains(lastfm);
        assertThat(registrations.claimRegistrationCode("LIST0001", "register-2")).contains(listenBrainz);
        assertThat(registrations.claimRegistrationCode("SPOT0001", "register-3")).contains(unknownConsent);
        assertThat(registrations.claimRegistrationCode("SPOT0001", "register-3")).as("claimed, read again")
                .contains(unknownConsent);
    }

    @Test
    void unknownCodeClaimsNothing() {
        registrations.saveRegistrationCode(new RegistrationCode("ABCD1234", connection("bob"), minutes(15)));

        assertThat(registrations.claimRegistrationCode("ABCD1235", "register-1")).isEmpty();
        assertThat(registrations.claimRegistrationCode("ABCD1234", "register-1")).isPresent();
    }

    @Test
    void aTypedCodeOfAnyLengthIsLookedUp() {
        String typed = "A".repeat(4_000); // a person may type anything after "register"

        assertThat(registrations.claimRegistrationCode(typed, "register-1")).isEmpty();
        registrations.dropClaimedCode(typed, "register-1");
    }

    @Test
    void concurrentClaimantsOfOneCodeGetItOnce() {
        registrations.saveRegistrationCode(new RegistrationCode("RACE0001", connection("bob"), minutes(15)));

        List<Optional<RegistrationCode>> claimed =
                Race.run(RACERS, i -> registrations.claimRegistrationCode("RACE0001", "register-" + i));

        assertThat(claimed).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void usedValuesAndCodesAreSeparate() {
        RegistrationCode code = new RegistrationCode("same-value", connection("bob"), minutes(15));
        registrations.useOnce("same-value", minutes(10));
        registrations.saveRegistrationCode(code);

        assertThat(registrations.claimRegistrationCode("same-value", "register-1")).contains(code);
        assertThat(registrations.useOnce("same-value", minutes(10))).isFalse();
    }
}
