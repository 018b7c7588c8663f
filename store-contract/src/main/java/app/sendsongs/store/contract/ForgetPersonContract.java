package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.group;
import static app.sendsongs.store.contract.Samples.groupSend;
import static app.sendsongs.store.contract.Samples.groupShare;
import static app.sendsongs.store.contract.Samples.held;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.user;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.privacy.SenderRule;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Housekeeping#forgetPerson}: the person's user, the shares they sent or received, their watch,
 * their held messages, their open question, the groups they own, their memberships and the group
 * sends they made go; nothing of anybody else does.
 */
public abstract class ForgetPersonContract extends StoreFixture {

    @Test
    void forgettingRemovesEverythingOfThePerson() {
        users.saveUser(user("alice", "Alice Smith", T0));
        shares.insertShare(heldShare("alice-to-bob", "alice", "bob", T0));
        shares.insertShare(watchingShare("bob-to-alice", "bob", "alice", T0, minutes(1)));
        watches.scheduleWatch(at("alice"), minutes(5), T0);
        outbox.holdNew(List.of(held("for-alice", "alice", T0)));
        choices.saveChoice(new PendingChoice(at("alice"), "send_song ...",
                List.of(at("bob"), at("bob-2")), minutes(10)));

        housekeeping.forgetPerson(at("alice"));

        assertThat(users.findUser(at("alice"))).isEmpty();
        assertThat(users.findUsersByName("Alice Smith")).isEmpty();
        assertThat(shares.findShare("alice-to-bob")).isEmpty();
        assertThat(shares.findShare("bob-to-alice")).isEmpty();
        assertThat(shares.sharesSentBy(at("alice"))).isEmpty();
        assertThat(shares.sharesWatchedFor(at("alice"))).isEmpty();
        assertThat(watches.findWatch(at("alice"))).isEmpty();
        assertThat(outbox.heldMessagesFor(at("alice"))).isEmpty();
        assertThat(choices.takeChoice(at("alice"))).isEmpty();
    }

    @Test
    void forgettingRemovesTheirUnfinishedShareAndTheirChoicesButNotOthersChoicesAboutThem() {
        drafts.saveDraft(Samples.draft(at("alice"), minutes(60)));
        drafts.saveDraft(Samples.draft(at("bob"), minutes(60)));
        ReceiverPreferences alices = new ReceiverPreferences(at("alice"), false, Map.of(at("carol"),
                SenderRule.BLOCKED));
        ReceiverPreferences bobs = new ReceiverPreferences(at("bob"), true, Map.of(at("alice"), SenderRule.BLOCKED));
        preferences.savePreferences(alices);
        preferences.savePreferences(bobs);

        housekeeping.forgetPerson(at("alice"));

        assertThat(drafts.findDraft(at("alice"))).isEmpty();
        assertThat(preferences.preferencesOf(at("alice"))).isEqualTo(ReceiverPreferences.none(at("alice")));
        assertThat(drafts.findDraft(at("bob"))).isPresent();
        assertThat(preferences.preferencesOf(at("bob"))).as("Bob's block is Bob's").isEqualTo(bobs);
    }

    @Test
    void forgettingLeavesEveryoneElseAlone() {
        User bob = user("bob", "Bob Fisher", T0);
        users.saveUser(user("alice", "Alice Smith", T0));
        users.saveUser(bob);
        shares.insertShare(heldShare("alice-to-bob", "alice", "bob", T0));
        Share carolToBob = watchingShare("carol-to-bob", "carol", "bob", T0, minutes(1));
        shares.insertShare(carolToBob);
        watches.scheduleWatch(at("alice"), minutes(5), T0);
        watches.scheduleWatch(at("bob"), minutes(6), T0);
        Watch bobsWatch = watches.findWatch(at("bob")).orElseThrow();
        outbox.holdNew(List.of(held("for-alice", "alice", T0)));
        HeldMessage forBob = held("for-bob", "bob", T0);
        outbox.holdNew(List.of(forBob));
        choices.saveChoice(new PendingChoice(at("alice"), "a", List.of(at("x"), at("y")), minutes(10)));
        PendingChoice bobsChoice = new PendingChoice(at("bob"), "b", List.of(at("alice"), at("y")), minutes(10));
        choices.saveChoice(bobsChoice);

        housekeeping.forgetPerson(at("alice"));

        assertThat(users.findUser(at("bob"))).contains(bob);
        assertThat(shares.findShare("carol-to-bob")).contains(carolToBob);
        assertThat(shares.sharesWatchedFor(at("bob"))).containsExactly(carolToBob);
        assertThat(watches.findWatch(at("bob"))).contains(bobsWatch);
        assertThat(outbox.heldMessagesFor(at("bob"))).containsExactly(forBob);
        assertThat(choices.takeChoice(at("bob"))).contains(bobsChoice);
    }

    @Test
    void forgettingRemovesTheGroupsTheyOwnTheirMembershipsAndTheirGroupSends() {
        groups.createGroup(group("alices", "alice", "Family", T0));
        groups.addMember(new GroupMember("alices", at("bob"), minutes(1)));
        Group bobs = group("bobs", "bob", "Band", minutes(2));
        groups.createGroup(bobs);
        groups.addMember(new GroupMember("bobs", at("alice"), minutes(3)));
        groups.addMember(new GroupMember("bobs", at("carol"), minutes(4)));
        groups.insertGroupSend(groupSend("from-alice", "bobs", "alice", minutes(5)));
        GroupSend fromBob = groupSend("from-bob", "alices", "bob", minutes(6));
        groups.insertGroupSend(fromBob);
        shares.insertShare(groupShare("alice-to-carol", "from-alice", "alice", "carol", minutes(5)));
        Share bobToCarol = groupShare("bob-to-carol", "from-bob", "bob", "carol", minutes(6));
        shares.insertShare(groupShare("bob-to-alice", "from-bob", "bob", "alice", minutes(6)));
        shares.insertShare(bobToCarol);

        housekeeping.forgetPerson(at("alice"));

        assertThat(groups.findGroup("alices")).isEmpty();
        assertThat(groups.membersOf("alices")).isEmpty();
        assertThat(groups.groupsOf(at("alice"))).isEmpty();
        assertThat(groups.groupsOf(at("bob"))).containsExactly(bobs);
        assertThat(groups.membersOf("bobs")).extracting(GroupMember::member).containsExactly(at("bob"), at("carol"));
        assertThat(groups.findGroupSend("from-alice")).isEmpty();
        assertThat(groups.findGroupSend("from-bob")).contains(fromBob);
        assertThat(shares.sharesOfGroupSend("from-alice")).isEmpty();
        assertThat(shares.sharesOfGroupSend("from-bob")).containsExactly(bobToCarol);
        assertThat(groups.createGroup(group("alices-again", "alice", "Family", minutes(7)))).isTrue();
    }

    @Test
    void forgettingSomeoneUnknownChangesNothing() {
        User bob = user("bob", "Bob Fisher", T0);
        users.saveUser(bob);
        watches.scheduleWatch(at("bob"), minutes(6), T0);
        Watch bobsWatch = watches.findWatch(at("bob")).orElseThrow();
        Group bobs = group("bobs", "bob", "Band", T0);
        groups.createGroup(bobs);

        housekeeping.forgetPerson(at("nobody"));

        assertThat(users.findUser(at("bob"))).contains(bob);
        assertThat(watches.findWatch(at("bob"))).contains(bobsWatch);
        assertThat(groups.groupsOf(at("bob"))).containsExactly(bobs);
    }
}
