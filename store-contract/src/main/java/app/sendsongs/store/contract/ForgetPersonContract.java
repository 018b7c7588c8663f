package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.group;
import static app.sendsongs.store.contract.Samples.groupSend;
import static app.sendsongs.store.contract.Samples.groupShare;
import static app.sendsongs.store.contract.Samples.held;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.user;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.store.Store;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Store#forgetPerson}: the person's user, the shares they sent or received, their watch,
 * their held messages, their open question, the groups they own, their memberships and the group
 * sends they made go; nothing of anybody else does.
 */
public abstract class ForgetPersonContract extends StoreFixture {

    @Test
    void forgettingRemovesEverythingOfThePerson() {
        store.saveUser(user("alice", "Alice Smith", T0));
        store.insertShare(heldShare("alice-to-bob", "alice", "bob", T0));
        store.insertShare(watchingShare("bob-to-alice", "bob", "alice", T0, minutes(1)));
        store.scheduleWatch("alice", minutes(5), T0);
        store.holdMessage(held("for-alice", "alice", T0));
        store.saveChoice(new PendingChoice("alice", "send_song ...", List.of("bob", "bob-2"), minutes(10)));

        store.forgetPerson("alice");

        assertThat(store.findUser("alice")).isEmpty();
        assertThat(store.findUsersByName("Alice Smith")).isEmpty();
        assertThat(store.findShare("alice-to-bob")).isEmpty();
        assertThat(store.findShare("bob-to-alice")).isEmpty();
        assertThat(store.sharesSentBy("alice")).isEmpty();
        assertThat(store.sharesWatchedFor("alice")).isEmpty();
        assertThat(store.findWatch("alice")).isEmpty();
        assertThat(store.heldMessagesFor("alice")).isEmpty();
        assertThat(store.takeChoice("alice")).isEmpty();
    }

    @Test
    void forgettingLeavesEveryoneElseAlone() {
        User bob = user("bob", "Bob Fisher", T0);
        store.saveUser(user("alice", "Alice Smith", T0));
        store.saveUser(bob);
        store.insertShare(heldShare("alice-to-bob", "alice", "bob", T0));
        Share carolToBob = watchingShare("carol-to-bob", "carol", "bob", T0, minutes(1));
        store.insertShare(carolToBob);
        store.scheduleWatch("alice", minutes(5), T0);
        store.scheduleWatch("bob", minutes(6), T0);
        Watch bobsWatch = store.findWatch("bob").orElseThrow();
        store.holdMessage(held("for-alice", "alice", T0));
        HeldMessage forBob = held("for-bob", "bob", T0);
        store.holdMessage(forBob);
        store.saveChoice(new PendingChoice("alice", "a", List.of("x", "y"), minutes(10)));
        PendingChoice bobsChoice = new PendingChoice("bob", "b", List.of("alice", "y"), minutes(10));
        store.saveChoice(bobsChoice);

        store.forgetPerson("alice");

        assertThat(store.findUser("bob")).contains(bob);
        assertThat(store.findShare("carol-to-bob")).contains(carolToBob);
        assertThat(store.sharesWatchedFor("bob")).containsExactly(carolToBob);
        assertThat(store.findWatch("bob")).contains(bobsWatch);
        assertThat(store.heldMessagesFor("bob")).containsExactly(forBob);
        assertThat(store.takeChoice("bob")).contains(bobsChoice);
    }

    @Test
    void forgettingRemovesTheGroupsTheyOwnTheirMembershipsAndTheirGroupSends() {
        store.createGroup(group("alices", "alice", "Family", T0));
        store.addMember(new GroupMember("alices", "bob", minutes(1)));
        Group bobs = group("bobs", "bob", "Band", minutes(2));
        store.createGroup(bobs);
        store.addMember(new GroupMember("bobs", "alice", minutes(3)));
        store.addMember(new GroupMember("bobs", "carol", minutes(4)));
        store.insertGroupSend(groupSend("from-alice", "bobs", "alice", minutes(5)));
        GroupSend fromBob = groupSend("from-bob", "alices", "bob", minutes(6));
        store.insertGroupSend(fromBob);
        store.insertShare(groupShare("alice-to-carol", "from-alice", "alice", "carol", minutes(5)));
        Share bobToCarol = groupShare("bob-to-carol", "from-bob", "bob", "carol", minutes(6));
        store.insertShare(groupShare("bob-to-alice", "from-bob", "bob", "alice", minutes(6)));
        store.insertShare(bobToCarol);

        store.forgetPerson("alice");

        assertThat(store.findGroup("alices")).isEmpty();
        assertThat(store.membersOf("alices")).isEmpty();
        assertThat(store.groupsOf("alice")).isEmpty();
        assertThat(store.groupsOf("bob")).containsExactly(bobs);
        assertThat(store.membersOf("bobs")).extracting(GroupMember::memberPsid).containsExactly("bob", "carol");
        assertThat(store.findGroupSend("from-alice")).isEmpty();
        assertThat(store.findGroupSend("from-bob")).contains(fromBob);
        assertThat(store.sharesOfGroupSend("from-alice")).isEmpty();
        assertThat(store.sharesOfGroupSend("from-bob")).containsExactly(bobToCarol);
        assertThat(store.createGroup(group("alices-again", "alice", "Family", minutes(7)))).isTrue();
    }

    @Test
    void forgettingSomeoneUnknownChangesNothing() {
        User bob = user("bob", "Bob Fisher", T0);
        store.saveUser(bob);
        store.scheduleWatch("bob", minutes(6), T0);
        Watch bobsWatch = store.findWatch("bob").orElseThrow();
        Group bobs = group("bobs", "bob", "Band", T0);
        store.createGroup(bobs);

        store.forgetPerson("nobody");

        assertThat(store.findUser("bob")).contains(bob);
        assertThat(store.findWatch("bob")).contains(bobsWatch);
        assertThat(store.groupsOf("bob")).containsExactly(bobs);
    }
}
