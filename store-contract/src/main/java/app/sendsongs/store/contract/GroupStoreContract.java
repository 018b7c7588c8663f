package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.group;
import static app.sendsongs.store.contract.Samples.groupSend;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupStore}, groups and members: creation with the owner as first member, names unique per
 * owner by name key (also under concurrent creation), idempotent membership changes, the orders of
 * the listings, and deletion.
 */
public abstract class GroupStoreContract extends StoreFixture {

    @Test
    void aCreatedGroupComesBackAsCreatedWithItsOwnerAsFirstMember() {
        Group family = group("g-1", "alice", "Family “Fisher” 🎶", T0);

        assertThat(store.createGroup(family)).isTrue();

        assertThat(store.findGroup("g-1")).contains(family);
        assertThat(store.membersOf("g-1")).containsExactly(new GroupMember("g-1", "alice", T0));
        assertThat(store.groupsOf("alice")).containsExactly(family);
    }

    @Test
    void anUnknownGroupIsNotFoundAndHasNoMembers() {
        store.createGroup(group("g-1", "alice", "Family", T0));

        assertThat(store.findGroup("g-2")).isEmpty();
        assertThat(store.membersOf("g-2")).isEmpty();
        assertThat(store.groupsOf("bob")).isEmpty();
    }

    @Test
    void groupNamesAreUniquePerOwnerComparedByNameKey() {
        Group family = group("g-1", "alice", "Family Time", T0);
        store.createGroup(family);

        assertThat(store.createGroup(group("g-2", "alice", "  family   TIME ", minutes(1)))).isFalse();
        assertThat(store.findGroup("g-2")).isEmpty();
        assertThat(store.membersOf("g-2")).isEmpty();
        assertThat(store.groupsOf("alice")).containsExactly(family);

        Group bobs = group("g-3", "bob", "Family Time", minutes(2));
        assertThat(store.createGroup(bobs)).isTrue();
        Group other = group("g-4", "alice", "Friends", minutes(3));
        assertThat(store.createGroup(other)).isTrue();
        assertThat(store.groupsOf("alice")).containsExactly(family, other);
        assertThat(store.groupsOf("bob")).containsExactly(bobs);
    }

    @Test
    void concurrentCreationsOfOneNameHaveOneWinner() {
        List<Boolean> created = Race.run(16, i -> store.createGroup(group("g-" + i, "alice", "Family", minutes(i))));

        assertThat(created).containsOnlyOnce(true);
        Group winner = group("g-" + created.indexOf(true), "alice", "Family", minutes(created.indexOf(true)));
        assertThat(store.groupsOf("alice")).containsExactly(winner);
        assertThat(store.membersOf(winner.id())).extracting(GroupMember::memberPsid).containsExactly("alice");
    }

    @Test
    void addingAMemberIsIdempotentAndKeepsTheFirstJoinTime() {
        Group family = group("g-1", "alice", "Family", T0);
        store.createGroup(family);

        assertThat(store.addMember(new GroupMember("g-1", "bob", minutes(1)))).isTrue();
        assertThat(store.addMember(new GroupMember("g-1", "bob", minutes(5)))).isFalse();

        assertThat(store.membersOf("g-1")).containsExactly(new GroupMember("g-1", "alice", T0),
                new GroupMember("g-1", "bob", minutes(1)));
        assertThat(store.groupsOf("bob")).containsExactly(family);
    }

    @Test
    void addingTheOwnerAgainIsRefused() {
        store.createGroup(group("g-1", "alice", "Family", T0));

        assertThat(store.addMember(new GroupMember("g-1", "alice", minutes(1)))).isFalse();
        assertThat(store.membersOf("g-1")).containsExactly(new GroupMember("g-1", "alice", T0));
    }

    @Test
    void addingToAnUnknownGroupIsRefusedAndStoresNothing() {
        assertThat(store.addMember(new GroupMember("g-none", "bob", T0))).isFalse();

        assertThat(store.membersOf("g-none")).isEmpty();
        assertThat(store.groupsOf("bob")).isEmpty();
    }

    @Test
    void concurrentAddsOfOnePersonHaveOneWinner() {
        store.createGroup(group("g-1", "alice", "Family", T0));

        List<Boolean> added = Race.run(16, i -> store.addMember(new GroupMember("g-1", "bob", minutes(1 + i))));

        assertThat(added).containsOnlyOnce(true);
        assertThat(store.membersOf("g-1")).containsExactly(new GroupMember("g-1", "alice", T0),
                new GroupMember("g-1", "bob", minutes(1 + added.indexOf(true))));
    }

    @Test
    void removingAMemberIsTrueOnceAndTheListsFollow() {
        Group family = group("g-1", "alice", "Family", T0);
        store.createGroup(family);
        store.addMember(new GroupMember("g-1", "bob", minutes(1)));
        store.addMember(new GroupMember("g-1", "carol", minutes(2)));

        assertThat(store.removeMember("g-1", "bob")).isTrue();
        assertThat(store.removeMember("g-1", "bob")).isFalse();
        assertThat(store.removeMember("g-1", "dave")).isFalse();
        assertThat(store.removeMember("g-none", "carol")).isFalse();

        assertThat(store.membersOf("g-1")).extracting(GroupMember::memberPsid).containsExactly("alice", "carol");
        assertThat(store.groupsOf("bob")).isEmpty();
        assertThat(store.groupsOf("carol")).containsExactly(family);
        assertThat(store.findGroup("g-1")).contains(family);
    }

    @Test
    void aRemovedMemberCanBeAddedAgainWithTheNewJoinTime() {
        store.createGroup(group("g-1", "alice", "Family", T0));
        store.addMember(new GroupMember("g-1", "bob", minutes(1)));
        store.removeMember("g-1", "bob");

        assertThat(store.addMember(new GroupMember("g-1", "bob", minutes(9)))).isTrue();
        assertThat(store.membersOf("g-1")).contains(new GroupMember("g-1", "bob", minutes(9)));
    }

    @Test
    void membersComeEarliestJoinedFirstTiesByPsid() {
        store.createGroup(group("g-1", "alice", "Family", minutes(-10)));
        store.addMember(new GroupMember("g-1", "zoe", minutes(5)));
        store.addMember(new GroupMember("g-1", "carol", T0));
        store.addMember(new GroupMember("g-1", "bob", T0));
        store.addMember(new GroupMember("g-1", "dave", minutes(-5)));

        assertThat(store.membersOf("g-1")).extracting(GroupMember::memberPsid)
                .containsExactly("alice", "dave", "bob", "carol", "zoe");
    }

    @Test
    void aPersonsGroupsAreTheOnesTheyOwnOrWereAddedToOldestFirstTiesById() {
        Group newest = group("g-new", "carol", "Band", minutes(10));
        Group tieB = group("g-b", "alice", "Family", T0);
        Group tieA = group("g-a", "carol", "Friends", T0);
        Group oldest = group("g-old", "bob", "Work", minutes(-10));
        Group notHers = group("g-other", "bob", "Poker", minutes(-20));
        for (Group g : List.of(newest, tieB, tieA, oldest, notHers)) {
            store.createGroup(g);
        }
        store.addMember(new GroupMember("g-new", "alice", minutes(11)));
        store.addMember(new GroupMember("g-a", "alice", minutes(12)));
        store.addMember(new GroupMember("g-old", "alice", minutes(13)));

        assertThat(store.groupsOf("alice")).containsExactly(oldest, tieA, tieB, newest);
    }

    @Test
    void deletingAGroupRemovesItAndItsMembershipsOnly() {
        Group family = group("g-1", "alice", "Family", T0);
        Group friends = group("g-2", "alice", "Friends", minutes(1));
        store.createGroup(family);
        store.createGroup(friends);
        store.addMember(new GroupMember("g-1", "bob", minutes(2)));
        store.addMember(new GroupMember("g-2", "bob", minutes(3)));
        store.insertGroupSend(groupSend("send-1", "g-1", "bob", minutes(4)));

        store.deleteGroup("g-1");

        assertThat(store.findGroup("g-1")).isEmpty();
        assertThat(store.membersOf("g-1")).isEmpty();
        assertThat(store.groupsOf("alice")).containsExactly(friends);
        assertThat(store.groupsOf("bob")).containsExactly(friends);
        assertThat(store.membersOf("g-2")).extracting(GroupMember::memberPsid).containsExactly("alice", "bob");
        assertThat(store.findGroupSend("send-1")).as("a deleted group's sends stay for their summaries")
                .contains(groupSend("send-1", "g-1", "bob", minutes(4)));
        assertThat(store.addMember(new GroupMember("g-1", "carol", minutes(5)))).isFalse();
    }

    @Test
    void aDeletedGroupsNameCanBeUsedAgainByItsOwner() {
        store.createGroup(group("g-1", "alice", "Family", T0));
        store.deleteGroup("g-1");

        Group again = group("g-2", "alice", "Family", minutes(1));
        assertThat(store.createGroup(again)).isTrue();
        assertThat(store.groupsOf("alice")).containsExactly(again);
    }

    @Test
    void deletingAnUnknownGroupChangesNothing() {
        Group family = group("g-1", "alice", "Family", T0);
        store.createGroup(family);

        store.deleteGroup("g-none");

        assertThat(store.findGroup("g-1")).contains(family);
        assertThat(store.membersOf("g-1")).hasSize(1);
    }
}
