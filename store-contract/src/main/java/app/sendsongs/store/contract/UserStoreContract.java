package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static app.sendsongs.store.contract.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UserStore}: people by address, by name compared with {@code Names.key}, oldest registration first, and by the
 * handle they have on their platform, compared with {@code Handles.key}.
 */
public abstract class UserStoreContract extends StoreFixture {

    @Test
    void unknownAddressFindsNobody() {
        users.saveUser(user("alice", "Alice Smith", T0));

        assertThat(users.findUser(at("nobody"))).isEmpty();
        assertThat(users.findUsersByName("Nobody Known")).isEmpty();
    }

    @Test
    void savedUserComesBackWithEveryField() {
        User alice = user("alice", "Alice Smith", T0);
        users.saveUser(alice);

        assertThat(users.findUser(at("alice"))).contains(alice);
    }

    @Test
    void theNamesAPersonChangedFromComeBackLatestFirstWithWhenTheyHadThemAndGoWithANewName() {
        User alice = user("alice", "Alice Smith", T0).renamed("Alice Jones", minutes(5), true)
                .renamed("Ali Jones", minutes(9), true);
        users.saveUser(alice);

        assertThat(users.findUser(at("alice"))).contains(alice);
        assertThat(users.findUser(at("alice")).orElseThrow().formerNames()).containsExactly(
                new FormerName("Alice Jones", minutes(5), minutes(9)), new FormerName("Alice Smith", T0, minutes(5)));
        assertThat(users.findUser(at("alice")).orElseThrow().namedAt()).isEqualTo(minutes(9));
        assertThat(users.findUsersByName("Ali Jones")).containsExactly(alice);
        assertThat(users.findUsersByName("Alice Smith")).as("not the name they have").isEmpty();

        users.saveUser(alice.withName("Alice Smith"));

        assertThat(users.findUser(at("alice")).orElseThrow().formerNames()).isEmpty();
        assertThat(users.findUser(at("alice")).orElseThrow().namedAt()).isEqualTo(T0);
    }

    @Test
    void aNameTakenAgainGoesOnFromWhenItWasFirstTakenWhenNobodyKnewTheNamesBetween() {
        User alice = user("alice", "Alice Smith", T0).renamed("Frank Ocean", minutes(5), true)
                .renamed("Alice Smith", minutes(6), false);
        users.saveUser(alice);

        assertThat(users.findUser(at("alice")).orElseThrow().formerNames()).isEmpty();
        assertThat(users.findUser(at("alice")).orElseThrow().namedAt()).isEqualTo(T0);
        assertThat(users.findUsersOnceNamed("Frank Ocean")).isEmpty();
        assertThat(users.findUsersOnceNamed("Alice Smith")).isEmpty();
    }

    @Test
    void peopleAreFoundByANameTheyHadBeforeApartFromThoseWhoHaveItNow() {
        User alice = user("alice", "Alice Smith", T0).renamed("Alice Jones", minutes(2), true)
                .renamed("Ali Jones", minutes(3), true);
        User fred = user("fred", "Fred Jones", minutes(1)).renamed("Alice Smith", minutes(2), true)
                .renamed("Fred Jones", minutes(3), true);
        User carol = user("carol", "Alice Smith", minutes(2));
        users.saveUser(alice);
        users.saveUser(fred);
        users.saveUser(carol);

        assertThat(users.findUsersOnceNamed("alice  SMITH")).containsExactly(alice, fred);
        assertThat(users.findUsersOnceNamed("Alice Jones")).containsExactly(alice);
        assertThat(users.findUsersOnceNamed("Ali Jones")).as("the name they have now").isEmpty();
        assertThat(users.findUsersByName("Alice Smith")).containsExactly(carol);
        assertThat(users.findUsersOnceNamed("x".repeat(5000))).isEmpty();

        User aliceNamedAnew = alice.withName("Ali Jones");
        users.saveUser(aliceNamedAnew);
        users.deleteUser(fred.address());

        assertThat(users.findUsersOnceNamed("Alice Smith")).isEmpty();
        assertThat(users.findUsersOnceNamed("Alice Jones")).isEmpty();
        assertThat(users.findUser(at("alice"))).contains(aliceNamedAnew);
    }

    @Test
    void savingAgainReplacesTheUser() {
        User alice = user("alice", "Alice Smith", T0);
        users.saveUser(alice);
        User changed = alice.withConnection(new SpotifyConnection("spotify-alice-2", "new-access", minutes(90), "new-refresh",
                        minutes(1)))
                .withGrantState(GrantState.NEEDS_RECONNECT).withLastMessageAt(minutes(5));

        users.saveUser(changed);

        assertThat(users.findUser(at("alice"))).contains(changed);
        assertThat(users.findUsersByName("Alice Smith")).containsExactly(changed);
    }

    @Test
    void aPersonKeepsAConnectionOfEverySourceAndEveryGrantState() {
        User alice = user("alice", "Alice Smith", T0);
        users.saveUser(alice);

        for (User changed : List.of(alice.withConnection(Samples.lastfm("alice")),
                alice.withConnection(Samples.listenBrainz("alice")).withGrantState(GrantState.NEEDS_RECONNECT),
                alice.withConnection(new SpotifyConnection("spotify-alice", null, null, "refresh", null)),
                alice.withGrantState(GrantState.ENDING_SOON_TOLD))) {
            users.saveUser(changed);
            assertThat(users.findUser(at("alice"))).contains(changed);
            assertThat(users.findUsersByName("Alice Smith")).containsExactly(changed);
        }
    }

    @Test
    void lastMessageTimeIsSavedAloneKeepingAGrantChangedMeanwhile() {
        User alice = user("alice", "Alice Smith", T0);
        users.saveUser(alice);
        User refreshed = alice.withConnection(new SpotifyConnection("spotify-alice", "refreshed-access", minutes(90),
                "refreshed-refresh", T0));
        users.saveUser(refreshed);

        users.saveLastMessageAt(at("alice"), minutes(7));

        assertThat(users.findUser(at("alice"))).contains(refreshed.withLastMessageAt(minutes(7)));
    }

    @Test
    void lastMessageTimeOfSomeoneNotRegisteredCreatesNobody() {
        users.saveLastMessageAt(at("nobody"), minutes(7));

        assertThat(users.findUser(at("nobody"))).isEmpty();
    }

    @Test
    void aTypedNameOfAnyLengthIsLookedUp() {
        String typed = "Ä".repeat(3_000); // a person may type anything after name:, 6,000 bytes in UTF-8

        assertThat(users.findUsersByName(typed)).isEmpty();
    }

    @Test
    void nameLookupIgnoresCaseAndSpacing() {
        User bob = user("bob", "Bob Fisher", T0);
        users.saveUser(bob);

        assertThat(users.findUsersByName("Bob Fisher")).containsExactly(bob);
        assertThat(users.findUsersByName("bob fisher")).containsExactly(bob);
        assertThat(users.findUsersByName("  BOB \n  fIsHeR ")).containsExactly(bob);
        assertThat(users.findUsersByName("Bob Fishe")).isEmpty();
    }

    @Test
    void nameLookupFoldsNonAsciiCaseAndUnicodeForms() {
        User emile = user("emile", "Émile Zoë", T0);
        User wide = user("wide", "ＪＯＳＥ", T0.plusMillis(1));
        users.saveUser(emile);
        users.saveUser(wide);

        assertThat(users.findUsersByName("ÉMILE ZOË")).containsExactly(emile);
        assertThat(users.findUsersByName("émile zoë")).containsExactly(emile);
        assertThat(users.findUsersByName("jose")).containsExactly(wide);
        assertThat(users.findUsersByName("Emile Zoe")).as("typed without accents").containsExactly(emile);
        assertThat(users.findUsersByName("Emil Zoe")).isEmpty();
    }

    @Test
    void anApostropheTypedByAPhoneFindsAPlainOneAndTheOtherWayRound() {
        User curly = user("conan", "Conan O’Brien", T0);
        User plain = user("dara", "Dara O'Briain", T0.plusMillis(1));
        users.saveUser(curly);
        users.saveUser(plain);

        assertThat(users.findUsersByName("conan o'brien")).containsExactly(curly);
        assertThat(users.findUsersByName("Conan Oʼbrien")).containsExactly(curly);
        assertThat(users.findUsersByName("Dara O’Briain")).containsExactly(plain);
        assertThat(users.findUser(at("conan")).orElseThrow().name()).as("shown as typed").isEqualTo("Conan O’Brien");
    }

    @Test
    void nameLookupLeavesOutHebrewAndArabicVowelMarksAndTakesEveryHyphenForThePlainOne() {
        User shalom = user("shalom", "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd Levi", T0); // שָׁלוֹם, pointed
        User muhammad = user("muhammad", "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f", T0.plusMillis(1));
        User dan = user("dan", "Dan\u2011Cohen", T0.plusMillis(2)); // a non-breaking hyphen
        users.saveUser(shalom);
        users.saveUser(muhammad);
        users.saveUser(dan);

        assertThat(users.findUsersByName("\u05e9\u05dc\u05d5\u05dd levi")).containsExactly(shalom);
        assertThat(users.findUsersByName("\u0645\u062d\u0640\u0645\u062f")).as("typed with a tatweel, no vowels")
                .containsExactly(muhammad);
        assertThat(users.findUsersByName("dan-cohen")).containsExactly(dan);
        assertThat(users.findUsersByName("Dan\u2013Cohen")).as("an en dash").containsExactly(dan);
        assertThat(users.findUser(at("dan")).orElseThrow().name()).as("shown as typed").isEqualTo("Dan\u2011Cohen");
    }

    @Test
    void peopleWhoseNamesDifferOnlyInVowelMarksOrHyphensAreAllFoundOldestFirst() {
        User pointed = user("shalom-1", "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd", T0);
        User plain = user("shalom-2", "\u05e9\u05dc\u05d5\u05dd", minutes(1));
        User hyphen = user("dan-1", "Dan\u2010Cohen", T0);
        User plainHyphen = user("dan-2", "Dan-Cohen", minutes(1));
        users.saveUser(plain);
        users.saveUser(pointed);
        users.saveUser(plainHyphen);
        users.saveUser(hyphen);

        assertThat(users.findUsersByName("\u05e9\u05dc\u05d5\u05dd")).containsExactly(pointed, plain);
        assertThat(users.findUsersByName("Dan-Cohen")).containsExactly(hyphen, plainHyphen);
        assertThat(users.findUsersOnceNamed("Dan-Cohen")).isEmpty();
        User renamed = plain.renamed("Levi", minutes(2), true);
        users.saveUser(renamed);
        assertThat(users.findUsersOnceNamed("\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd")).containsExactly(renamed);
    }

    @Test
    void sameNameFindsEveryoneOldestRegistrationFirst() {
        User newest = user("bob-3", "Bob Fisher", minutes(30));
        User oldest = user("bob-1", "bob fisher", minutes(-30));
        User middle = user("bob-2", "BOB FISHER", T0);
        users.saveUser(newest);
        users.saveUser(oldest);
        users.saveUser(user("carol", "Carol Fisher", minutes(-60)));
        users.saveUser(middle);

        assertThat(users.findUsersByName("Bob Fisher")).containsExactly(oldest, middle, newest);
    }

    @Test
    void severalNamesFindEveryoneUnderAnyOfThemOnce() {
        User bob = user("bob-1", "Bob Fisher", T0);
        User otherBob = user("bob-2", "bob fisher", minutes(10));
        User carol = user("carol", "Carol King", minutes(20));
        users.saveUser(bob);
        users.saveUser(otherBob);
        users.saveUser(carol);
        users.saveUser(user("dan", "Dan Brown", minutes(30)));

        assertThat(users.findUsersByNames(List.of("BOB FISHER", "Carol King", "Bob Fisher", "Nobody Known")))
                .containsExactlyInAnyOrder(bob, otherBob, carol);
        assertThat(users.findUsersByNames(List.of())).isEmpty();
    }

    @Test
    void renamedUserIsFoundOnlyByTheNewName() {
        User bob = user("bob", "Bob Fisher", T0);
        users.saveUser(bob);

        User robert = bob.withName("Robert Fisher");
        users.saveUser(robert);

        assertThat(users.findUsersByName("Bob Fisher")).isEmpty();
        assertThat(users.findUsersByName("robert fisher")).containsExactly(robert);
    }

    @Test
    void deletedUserIsGoneAndOthersStay() {
        User alice = user("alice", "Alice Smith", T0);
        User otherAlice = user("alice-2", "Alice Smith", minutes(1));
        users.saveUser(alice);
        users.saveUser(otherAlice);

        users.deleteUser(at("alice"));
        users.deleteUser(at("never-registered"));

        assertThat(users.findUser(at("alice"))).isEmpty();
        assertThat(users.findUser(at("alice-2"))).contains(otherAlice);
        assertThat(users.findUsersByName("Alice Smith")).containsExactly(otherAlice);
    }

    @Test
    void aPersonIsFoundByTheirHandleOnTheirPlatformInAnyCase() {
        User carol = user(onTelegram("602334455"), "Carol King", T0);
        users.saveUser(carol);
        users.saveUser(user("carol", "Carol Messenger", T0));

        users.saveHandle(carol.address(), "CarolK");

        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).contains(carol);
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "CAROLK")).contains(carol);
        assertThat(users.findUserByHandle(Platform.MESSENGER, "carolk")).isEmpty();
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carol_k")).isEmpty();
    }

    @Test
    void aNewHandleReplacesThePersonsOldOne() {
        User carol = user(onTelegram("602334455"), "Carol King", T0);
        users.saveUser(carol);
        users.saveHandle(carol.address(), "carolk");

        users.saveHandle(carol.address(), "carol_king");

        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carol_king")).contains(carol);
    }

    @Test
    void aHandleSavedForSomeoneElseIsTheirsAndTheFirstLettingGoOfItLeavesItThem() {
        User carol = user(onTelegram("602334455"), "Carol King", T0);
        User dave = user(onTelegram("700000001"), "Dave Stone", T0);
        users.saveUser(carol);
        users.saveUser(dave);
        users.saveHandle(carol.address(), "carolk");

        users.saveHandle(dave.address(), "CarolK");
        users.forgetHandle(carol.address());
        users.saveHandle(carol.address(), "carol_king");
        users.deleteUser(carol.address());

        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).contains(dave);
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carol_king")).isEmpty();
    }

    @Test
    void theHandleKeptForAPersonIsReadByTheirAddressUntilItMovesToSomeoneElseOrIsForgotten() {
        User carol = user(onTelegram("602334455"), "Carol King", T0);
        User dave = user(onTelegram("700000001"), "Dave Stone", T0);
        users.saveUser(carol);
        users.saveUser(dave);
        assertThat(users.handleKeyOf(carol.address())).isEmpty();

        users.saveHandle(carol.address(), "CarolK");
        assertThat(users.handleKeyOf(carol.address())).contains("carolk");

        users.saveHandle(dave.address(), "carolK");
        assertThat(users.handleKeyOf(carol.address())).as("Dave took it").isEmpty();
        assertThat(users.handleKeyOf(dave.address())).contains("carolk");
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).contains(dave);

        users.forgetHandle(dave.address());
        assertThat(users.handleKeyOf(dave.address())).isEmpty();
    }

    @Test
    void aForgottenHandleFindsNobodyAndForgettingNoneChangesNothing() {
        User carol = user(onTelegram("602334455"), "Carol King", T0);
        users.saveUser(carol);
        users.saveHandle(carol.address(), "carolk");

        users.forgetHandle(carol.address());
        users.forgetHandle(onTelegram("999"));

        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
        assertThat(users.findUser(carol.address())).contains(carol);
    }

    @Test
    void aDeletedOrForgottenPersonsHandleFindsNobodyEvenWhenTheyRegisterAgain() {
        User carol = user(onTelegram("602334455"), "Carol King", T0);
        User dave = user(onTelegram("700000001"), "Dave Stone", T0);
        users.saveUser(carol);
        users.saveUser(dave);
        users.saveHandle(carol.address(), "carolk");
        users.saveHandle(dave.address(), "dave_stone");

        users.deleteUser(carol.address());
        housekeeping.forgetPerson(dave.address());
        users.saveUser(carol);
        users.saveUser(dave);

        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "dave_stone")).isEmpty();
    }

    @Test
    void aHandleOfSomeoneNotRegisteredOrTooLongForAnyKeyFindsNobody() {
        users.saveHandle(onTelegram("602334455"), "carolk");

        assertThat(users.findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
        assertThat(users.findUserByHandle(Platform.TELEGRAM, "x".repeat(3000))).isEmpty();
    }
}
