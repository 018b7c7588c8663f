package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.FULL_TRACK;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.EndedInvite;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link InviteStore}: invites by token with every field; opened by one person only; taken once; listed by who
 * opened them, by their sender while open, and by expiry; a sender's invites go when they are forgotten.
 */
public abstract class InviteStoreContract extends StoreFixture {

    static Invite invite(String token, ChatAddress sender, long createdMinute, long expiresMinute) {
        return new Invite(token, sender, "Carol “CJ” Jones", FULL_TRACK.id(), FULL_TRACK.title(), "listen 🎧",
                "told you", minutes(createdMinute), minutes(expiresMinute), Optional.empty());
    }

    @Test
    void anInviteComesBackWithEveryFieldAndAnUnknownTokenFindsNothing() {
        Invite invite = invite("tok-A_1", at("alice"), 0, 60);

        invites.saveInvite(invite);

        assertThat(invites.findInvite("tok-A_1")).contains(invite);
        assertThat(invites.findInvite("tok-a_1")).as("tokens are exact").isEmpty();
        assertThat(invites.findInvite("nobody's")).isEmpty();
    }

    @Test
    void theFirstPersonToOpenAnInviteHasItAndNobodyElseCan() {
        invites.saveInvite(invite("t1", at("alice"), 0, 60));

        assertThat(invites.openInvite("t1", at("carol"))).isTrue();
        assertThat(invites.openInvite("t1", at("carol"))).as("again, by them").isTrue();
        assertThat(invites.openInvite("t1", at("mallory"))).isFalse();
        assertThat(invites.openInvite("t1", onTelegram("carol"))).as("another platform, another person").isFalse();
        assertThat(invites.openInvite("gone", at("carol"))).isFalse();

        assertThat(invites.findInvite("t1").flatMap(Invite::friend)).contains(at("carol"));
        assertThat(invites.invitesOpenedBy(at("carol"))).extracting(Invite::token).containsExactly("t1");
        assertThat(invites.invitesOpenedBy(at("mallory"))).isEmpty();
    }

    @Test
    void anInviteReleasedByWhoOpenedItIsFreeForTheNextToOpenIt() {
        invites.saveInvite(invite("t1", at("alice"), 0, 60));
        invites.openInvite("t1", at("carol"));

        assertThat(invites.releaseInvite("t1", at("mallory"))).as("not theirs").isFalse();
        assertThat(invites.findInvite("t1").orElseThrow().friend()).contains(at("carol"));
        assertThat(invites.releaseInvite("t1", at("carol"))).isTrue();
        assertThat(invites.releaseInvite("t1", at("carol"))).as("again: no longer theirs").isFalse();
        assertThat(invites.findInvite("t1").orElseThrow().friend()).isEmpty();
        assertThat(invites.invitesOpenedBy(at("carol"))).isEmpty();
        assertThat(invites.openInvitesSentBy(at("alice"), minutes(0), 10)).extracting(Invite::token)
                .containsExactly("t1");
        assertThat(invites.openInvite("t1", at("dave"))).as("free for the next").isTrue();
        assertThat(invites.releaseInvite("gone", at("carol"))).isFalse();
    }

    @Test
    void invitesOpenedByAPersonComeOldestFirst() {
        invites.saveInvite(invite("later", at("alice"), 5, 60));
        invites.saveInvite(invite("earlier", at("bob"), 1, 60));
        invites.saveInvite(invite("unopened", at("bob"), 0, 60));
        invites.openInvite("later", at("carol"));
        invites.openInvite("earlier", at("carol"));

        List<Invite> opened = invites.invitesOpenedBy(at("carol"));

        assertThat(opened).extracting(Invite::token).containsExactly("earlier", "later");
        assertThat(opened.getFirst().friend()).contains(at("carol"));
    }

    @Test
    void anInviteIsTakenOnceAndIsThenGoneEverywhere() {
        invites.saveInvite(invite("t1", at("alice"), 0, 60));
        invites.openInvite("t1", at("carol"));

        assertThat(invites.takeInvite("t1")).isTrue();
        assertThat(invites.takeInvite("t1")).isFalse();

        assertThat(invites.findInvite("t1")).isEmpty();
        assertThat(invites.invitesOpenedBy(at("carol"))).isEmpty();
        assertThat(invites.invitesExpiredBy(minutes(120), 10)).isEmpty();
    }

    @Test
    void aClaimedInviteIsNotTakenByTheTakeThatSparesClaimsButIsByTheTake() {
        Invite invite = invite("t1", at("alice"), 0, 60);
        invites.saveInvite(invite);
        assertThat(invites.claimInvite("t1", at("carol"))).as("nobody opened it").isFalse();
        invites.openInvite("t1", at("carol"));

        assertThat(invites.claimInvite("t1", at("mallory"))).as("not theirs").isFalse();
        assertThat(invites.claimInvite("t1", at("carol"))).isTrue();
        assertThat(invites.claimInvite("t1", at("carol"))).as("again, by them").isTrue();
        assertThat(invites.takeUnclaimedInvite("t1")).isFalse();

        assertThat(invites.findInvite("t1")).as("still there as it was").contains(invite.openedBy(at("carol")));
        assertThat(invites.invitesOpenedBy(at("carol"))).extracting(Invite::token).containsExactly("t1");
        assertThat(invites.takeInvite("t1")).isTrue();
        assertThat(invites.claimInvite("t1", at("carol"))).as("gone").isFalse();
        assertThat(invites.takeUnclaimedInvite("t1")).isFalse();
        assertThat(invites.claimInvite("gone", at("carol"))).isFalse();
    }

    @Test
    void anInviteNotClaimedIsTakenOnceByTheTakeThatSparesClaimsAndAReleaseClearsItsClaim() {
        invites.saveInvite(invite("unopened", at("alice"), 0, 60));
        invites.saveInvite(invite("released", at("alice"), 1, 60));
        invites.openInvite("released", at("carol"));
        invites.claimInvite("released", at("carol"));

        assertThat(invites.takeUnclaimedInvite("unopened")).isTrue();
        assertThat(invites.takeUnclaimedInvite("unopened")).isFalse();
        assertThat(invites.findInvite("unopened")).isEmpty();
        assertThat(invites.unopenedInvitesFor(Names.key("Carol “CJ” Jones"), minutes(0), 10)).as("nor listed by name")
                .isEmpty();

        assertThat(invites.releaseInvite("released", at("carol"))).isTrue();
        assertThat(invites.takeUnclaimedInvite("released")).as("released, no longer claimed").isTrue();
        assertThat(invites.findInvite("released")).isEmpty();
        assertThat(invites.openInvitesSentBy(at("alice"), minutes(0), 10)).isEmpty();
    }

    @Test
    void aClaimedInvitePastItsExpiryIsStillListedAsExpiredAndOnceReleasedIsTakenByTheTakeThatSparesClaims() {
        invites.saveInvite(invite("claimed", at("alice"), 0, 60));
        invites.saveInvite(invite("open", at("alice"), 1, 61));
        invites.openInvite("claimed", at("carol"));
        invites.claimInvite("claimed", at("carol"));

        assertThat(invites.invitesExpiredBy(minutes(120), 10)).extracting(Invite::token)
                .containsExactly("claimed", "open");
        assertThat(invites.takeUnclaimedInvite("open")).isTrue();
        assertThat(invites.takeUnclaimedInvite("claimed")).as("its song is being sent").isFalse();
        assertThat(invites.invitesExpiredBy(minutes(120), 10)).extracting(Invite::token).as("left for its delivery")
                .containsExactly("claimed");

        assertThat(invites.releaseInvite("claimed", at("carol"))).isTrue();
        assertThat(invites.claimInvite("claimed", at("carol"))).as("nobody's since").isFalse();
        assertThat(invites.takeUnclaimedInvite("claimed")).isTrue();
        assertThat(invites.invitesExpiredBy(minutes(120), 10)).isEmpty();
    }

    @Test
    void aClaimAndATakeThatSparesClaimsAtOnceOnlyOneWins() {
        invites.saveInvite(invite("t1", at("alice"), 0, 60));
        invites.openInvite("t1", at("carol"));

        List<Boolean> won = Race.run(2, i -> i == 0 ? invites.claimInvite("t1", at("carol"))
                : invites.takeUnclaimedInvite("t1"));

        assertThat(won).containsExactlyInAnyOrder(true, false);
        assertThat(invites.findInvite("t1").isPresent()).as("there while claimed, gone once taken")
                .isEqualTo(won.getFirst());
    }

    @Test
    void twoTakingAtOnceOnlyOneWins() {
        invites.saveInvite(invite("t1", at("alice"), 0, 60));

        List<Boolean> took = Race.run(2, i -> invites.takeInvite("t1"));

        assertThat(took).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aSendersOpenInvitesAreListedEarliestToExpireFirstWithoutUsedOrExpiredOnesOrOthers() {
        invites.saveInvite(invite("t90", at("alice"), 0, 90));
        invites.saveInvite(invite("t30", at("alice"), 0, 30));
        invites.saveInvite(invite("t60", at("alice"), 0, 60));
        invites.saveInvite(invite("opened", at("alice"), 0, 70));
        invites.openInvite("opened", at("carol"));
        invites.saveInvite(invite("used", at("alice"), 0, 80));
        invites.takeInvite("used");
        invites.saveInvite(invite("bobs", at("bob"), 0, 90));
        invites.saveInvite(invite("aliceOnTelegram", onTelegram("alice"), 0, 90));

        assertThat(invites.openInvitesSentBy(at("alice"), minutes(0), 10)).extracting(Invite::token)
                .containsExactly("t30", "t60", "opened", "t90");
        assertThat(invites.openInvitesSentBy(at("alice"), minutes(30), 10)).as("one expiring now is not open")
                .extracting(Invite::token).containsExactly("t60", "opened", "t90");
        assertThat(invites.openInvitesSentBy(at("alice"), minutes(0), 2)).extracting(Invite::token)
                .containsExactly("t30", "t60");
        assertThat(invites.openInvitesSentBy(at("alice"), minutes(90), 10)).isEmpty();
        assertThat(invites.openInvitesSentBy(at("dave"), minutes(0), 10)).isEmpty();
    }

    @Test
    void expiredInvitesAreListedEarliestFirstUpToTheLimitIncludingThoseDueNow() {
        invites.saveInvite(invite("t60", at("alice"), 0, 60));
        invites.saveInvite(invite("t30", at("bob"), 0, 30));
        invites.saveInvite(invite("t90", at("alice"), 0, 90));
        invites.saveInvite(invite("t45", at("alice"), 0, 45));

        assertThat(invites.invitesExpiredBy(minutes(60), 10)).extracting(Invite::token)
                .containsExactly("t30", "t45", "t60");
        assertThat(invites.invitesExpiredBy(minutes(60), 2)).extracting(Invite::token).containsExactly("t30", "t45");
        assertThat(invites.invitesExpiredBy(minutes(29), 10)).isEmpty();
    }

    static Invite inviteFor(String friendName, String token, ChatAddress sender, long createdMinute,
                            long expiresMinute) {
        Invite invite = invite(token, sender, createdMinute, expiresMinute);
        return new Invite(invite.token(), invite.sender(), friendName, invite.track(), invite.title(), invite.pre(),
                invite.post(), invite.createdAt(), invite.expiresAt(), Optional.empty());
    }

    @Test
    void invitesNobodyOpenedAreFoundByTheKeyOfTheInvitedNameOldestFirstUpToTheLimit() {
        invites.saveInvite(inviteFor("Dan Brown", "later", at("alice"), 5, 90));
        invites.saveInvite(inviteFor("dan  BROWN", "earlier", at("bob"), 1, 90));
        invites.saveInvite(inviteFor("Dán Brown", "accented", at("erin"), 3, 90));
        invites.saveInvite(inviteFor("Dan Browne", "another name", at("alice"), 0, 90));
        invites.saveInvite(inviteFor("Dan Brown", "opened", at("alice"), 0, 90));
        invites.openInvite("opened", at("carol"));
        invites.saveInvite(inviteFor("Dan Brown", "expired", at("alice"), 0, 30));
        invites.saveInvite(inviteFor("Dan Brown", "used", at("alice"), 0, 90));
        invites.takeInvite("used");
        String key = Names.key("Dan Brown");

        assertThat(invites.unopenedInvitesFor(key, minutes(30), 10)).extracting(Invite::token)
                .containsExactly("earlier", "accented", "later");
        assertThat(invites.unopenedInvitesFor(key, minutes(30), 2)).extracting(Invite::token)
                .containsExactly("earlier", "accented");
        assertThat(invites.unopenedInvitesFor(key, minutes(30), 10).getFirst()).isEqualTo(
                inviteFor("dan  BROWN", "earlier", at("bob"), 1, 90));
        assertThat(invites.unopenedInvitesFor(Names.key("Nobody"), minutes(30), 10)).isEmpty();
        assertThat(invites.unopenedInvitesFor("x".repeat(3000), minutes(30), 10)).isEmpty();

        invites.releaseInvite("opened", at("carol"));
        assertThat(invites.unopenedInvitesFor(key, minutes(30), 10)).as("released: nobody's again")
                .extracting(Invite::token).containsExactly("opened", "earlier", "accented", "later");
        housekeeping.forgetPerson(at("bob"));
        assertThat(invites.unopenedInvitesFor(key, minutes(30), 10)).extracting(Invite::token)
                .containsExactly("opened", "accented", "later");
    }

    static EndedInvite ended(String token, EndedInvite.How how, ChatAddress sender, Optional<ChatAddress> usedBy,
                             long keptUntilMinute) {
        return new EndedInvite(token, how, sender, usedBy, FULL_TRACK.title(), minutes(5), minutes(keptUntilMinute));
    }

    @Test
    void whatBecameOfAnEndedInviteComesBackWithEveryFieldByItsExactToken() {
        EndedInvite used = ended("tok-A_1", EndedInvite.How.USED, at("alice"), Optional.of(onTelegram("carol")), 60);
        EndedInvite cancelled = new EndedInvite("tok-B_2", EndedInvite.How.CANCELLED, onTelegram("alice"),
                Optional.empty(), "Song “x” 🎧", minutes(6), minutes(61));

        EndedInvite unsent = ended("tok-C_3", EndedInvite.How.USED_UNSENT, at("alice"), Optional.of(at("carol")), 60);

        invites.saveEndedInvite(used);
        invites.saveEndedInvite(cancelled);
        invites.saveEndedInvite(unsent);

        assertThat(invites.findEndedInvite("tok-A_1")).contains(used);
        assertThat(invites.findEndedInvite("tok-B_2")).contains(cancelled);
        assertThat(invites.findEndedInvite("tok-C_3")).as("used, its song refused").contains(unsent);
        assertThat(invites.findEndedInvite("tok-a_1")).as("tokens are exact").isEmpty();
        assertThat(invites.findEndedInvite("nobody's")).isEmpty();
        EndedInvite expired = ended("tok-A_1", EndedInvite.How.EXPIRED, at("alice"), Optional.empty(), 90);
        invites.saveEndedInvite(expired);
        assertThat(invites.findEndedInvite("tok-A_1")).as("replaced").contains(expired);
    }

    @Test
    void forgettingTheSenderOrWhoeverUsedAnInviteForgetsWhatBecameOfItAndNothingElse() {
        invites.saveEndedInvite(ended("alices", EndedInvite.How.CANCELLED, at("alice"), Optional.empty(), 60));
        invites.saveEndedInvite(ended("used by alice", EndedInvite.How.USED, at("bob"), Optional.of(at("alice")), 60));
        invites.saveEndedInvite(ended("bobs", EndedInvite.How.USED, at("bob"), Optional.of(at("carol")), 60));
        invites.saveEndedInvite(ended("refused alice", EndedInvite.How.USED_UNSENT, at("bob"),
                Optional.of(at("alice")), 60));
        invites.saveEndedInvite(ended("on telegram", EndedInvite.How.EXPIRED, onTelegram("alice"), Optional.empty(),
                60));

        housekeeping.forgetPerson(at("alice"));

        assertThat(invites.findEndedInvite("alices")).isEmpty();
        assertThat(invites.findEndedInvite("used by alice")).isEmpty();
        assertThat(invites.findEndedInvite("refused alice")).isEmpty();
        assertThat(invites.findEndedInvite("bobs")).isPresent();
        assertThat(invites.findEndedInvite("on telegram")).as("another person").isPresent();
        housekeeping.forgetPerson(at("carol"));
        assertThat(invites.findEndedInvite("bobs")).isEmpty();
    }

    @Test
    void whatBecameOfAnInviteIsPurgedOnceItsTimeIsUp() {
        invites.saveEndedInvite(ended("old", EndedInvite.How.EXPIRED, at("alice"), Optional.empty(), 10));
        invites.saveEndedInvite(ended("edge", EndedInvite.How.EXPIRED, at("alice"), Optional.empty(), 20));
        invites.saveEndedInvite(ended("new", EndedInvite.How.EXPIRED, at("alice"), Optional.empty(), 30));

        housekeeping.purgeBefore(minutes(20));

        assertThat(invites.findEndedInvite("old")).isEmpty();
        assertThat(invites.findEndedInvite("edge")).isPresent();
        assertThat(invites.findEndedInvite("new")).isPresent();
    }

    @Test
    void forgettingASenderTakesBackTheirInvitesOnly() {
        invites.saveInvite(invite("alices", at("alice"), 0, 60));
        invites.saveInvite(invite("bobs", at("bob"), 0, 60));
        invites.openInvite("bobs", at("alice"));

        housekeeping.forgetPerson(at("alice"));

        assertThat(invites.findInvite("alices")).isEmpty();
        assertThat(invites.findInvite("bobs")).as("an invite Alice opened is Bob's").isPresent();
    }
}
