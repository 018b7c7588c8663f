package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import org.junit.jupiter.api.Test;

/** {@link UserStore}: people by PSID, and by name compared with {@code Names.key}, oldest registration first. */
public abstract class UserStoreContract extends StoreFixture {

    @Test
    void unknownPsidFindsNobody() {
        store.saveUser(user("alice", "Alice Smith", T0));

        assertThat(store.findUser("nobody")).isEmpty();
        assertThat(store.findUsersByName("Nobody Known")).isEmpty();
    }

    @Test
    void savedUserComesBackWithEveryField() {
        User alice = user("alice", "Alice Smith", T0);
        store.saveUser(alice);

        assertThat(store.findUser("alice")).contains(alice);
    }

    @Test
    void savingAgainReplacesTheUser() {
        User alice = user("alice", "Alice Smith", T0);
        store.saveUser(alice);
        User changed = alice.withConnection(new SpotifyConnection("spotify-alice-2", "new-access", minutes(90), "new-refresh"))
                .withGrantState(GrantState.NEEDS_RECONNECT).withLastMessageAt(minutes(5));

        store.saveUser(changed);

        assertThat(store.findUser("alice")).contains(changed);
        assertThat(store.findUsersByName("Alice Smith")).containsExactly(changed);
    }

    @Test
    void lastMessageTimeIsSavedAloneKeepingAGrantChangedMeanwhile() {
        User alice = user("alice", "Alice Smith", T0);
        store.saveUser(alice);
        User refreshed = alice.withConnection(new SpotifyConnection("spotify-alice", "refreshed-access", minutes(90),
                "refreshed-refresh"));
        store.saveUser(refreshed);

        store.saveLastMessageAt("alice", minutes(7));

        assertThat(store.findUser("alice")).contains(refreshed.withLastMessageAt(minutes(7)));
    }

    @Test
    void lastMessageTimeOfSomeoneNotRegisteredCreatesNobody() {
        store.saveLastMessageAt("nobody", minutes(7));

        assertThat(store.findUser("nobody")).isEmpty();
    }

    @Test
    void nameLookupIgnoresCaseAndSpacing() {
        User bob = user("bob", "Bob Fisher", T0);
        store.saveUser(bob);

        assertThat(store.findUsersByName("Bob Fisher")).containsExactly(bob);
        assertThat(store.findUsersByName("bob fisher")).containsExactly(bob);
        assertThat(store.findUsersByName("  BOB \n  fIsHeR ")).containsExactly(bob);
        assertThat(store.findUsersByName("Bob Fishe")).isEmpty();
    }

    @Test
    void nameLookupFoldsNonAsciiCaseAndUnicodeForms() {
        User emile = user("emile", "Émile Zoë", T0);
        User wide = user("wide", "ＪＯＳＥ", T0.plusMillis(1));
        store.saveUser(emile);
        store.saveUser(wide);

        assertThat(store.findUsersByName("ÉMILE ZOË")).containsExactly(emile);
        assertThat(store.findUsersByName("émile zoë")).containsExactly(emile);
        assertThat(store.findUsersByName("jose")).containsExactly(wide);
        assertThat(store.findUsersByName("Emile Zoe")).isEmpty();
    }

    @Test
    void sameNameFindsEveryoneOldestRegistrationFirst() {
        User newest = user("bob-3", "Bob Fisher", minutes(30));
        User oldest = user("bob-1", "bob fisher", minutes(-30));
        User middle = user("bob-2", "BOB FISHER", T0);
        store.saveUser(newest);
        store.saveUser(oldest);
        store.saveUser(user("carol", "Carol Fisher", minutes(-60)));
        store.saveUser(middle);

        assertThat(store.findUsersByName("Bob Fisher")).containsExactly(oldest, middle, newest);
    }

    @Test
    void renamedUserIsFoundOnlyByTheNewName() {
        User bob = user("bob", "Bob Fisher", T0);
        store.saveUser(bob);

        User robert = bob.withName("Robert Fisher");
        store.saveUser(robert);

        assertThat(store.findUsersByName("Bob Fisher")).isEmpty();
        assertThat(store.findUsersByName("robert fisher")).containsExactly(robert);
    }

    @Test
    void deletedUserIsGoneAndOthersStay() {
        User alice = user("alice", "Alice Smith", T0);
        User otherAlice = user("alice-2", "Alice Smith", minutes(1));
        store.saveUser(alice);
        store.saveUser(otherAlice);

        store.deleteUser("alice");
        store.deleteUser("never-registered");

        assertThat(store.findUser("alice")).isEmpty();
        assertThat(store.findUser("alice-2")).contains(otherAlice);
        assertThat(store.findUsersByName("Alice Smith")).containsExactly(otherAlice);
    }
}
