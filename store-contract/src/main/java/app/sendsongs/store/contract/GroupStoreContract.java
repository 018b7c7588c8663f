package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
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

        assertThat(groups.createGroup(family)).isTrue();

        assertThat(groups.findGroup("g-1")).contains(family);
        assertThat(groups.membersOf("g-1")).containsExactly(new GroupMember("g-1", at("alice"), T0));
        assertThat(groups.groupsOf(at("alice"))).containsExactly(family);
    }

    @Test
    void anUnknownGroupIsNotFoundAndHasNoMembers() {
        groups.createGroup(group("g-1", "alice", "Family", T0));

        assertThat(groups.findGroup("g-2")).isEmpty();
        assertThat(groups.membersOf("g-2")).isEmpty();
        assertThat(groups.groupsOf(at("bob"))).isEmpty();
    }

    @Test
    void groupNamesAreUniquePerOwnerComparedByNameKey() {
        Group family = group("g-1", "alice", "Family Time", T0);
        groups.createGroup(family);

        assertThat(groups.createGroup(group("g-2", "alice", "  family   TIME ", minutes(1)))).isFalse();
        assertThat(groups.findGroup("g-2")).isEmpty();
        assertThat(groups.membersOf("g-2")).isEmpty();
        assertThat(groups.groupsOf(at("alice"))).containsExactly(family);

        Group bobs = group("g-3", "bob", "Family Time", minutes(2));
        assertThat(groups.createGroup(bobs)).isTrue();
        Group other = group("g-4", "alice", "Friends", minutes(3));
        assertThat(groups.createGroup(other)).isTrue();
        assertThat(groups.groupsOf(at("alice"))).containsExactly(family, other);
        assertThat(groups.groupsOf(at("bob"))).containsExactly(bobs);
    }

    @Test
    void aGroupNameDifferingOnlyInVowelMarksOrItsHyphenIsTaken() {
        Group hebrew = group("g-1", "alice", "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd", T0); // שָׁלוֹם, pointed
        Group hyphen = group("g-2", "alice", "Rock\u2011n\u2011Roll", minutes(1));
        assertThat(groups.createGroup(hebrew)).isTrue();
        assertThat(groups.createGroup(hyphen)).isTrue();

        assertThat(groups.createGroup(group("g-3", "alice", "\u05e9\u05dc\u05d5\u05dd", minutes(2)))).isFalse();
        assertThat(groups.createGroup(group("g-4", "alice", "rock-n-roll", minutes(3)))).isFalse();
        assertThat(groups.groupsOf(at("alice"))).containsExactly(hebrew, hyphen);
        groups.deleteGroup("g-2");
        assertThat(groups.createGroup(group("g-5", "alice", "rock-n-roll", minutes(4)))).isTrue();
    }

    @Test
    void concurrentCreationsOfOneNameHaveOneWinner() {
        List<Boolean> created = Race.run(16, i -> groups.createGroup(group("g-" + i, "alice", "Family", minutes(i))));

        assertThat(created).containsOnlyOnce(true);
        Group winner = group("g-" + created.indexOf(true), "alice", "Family", minutes(created.indexOf(true)));
        assertThat(groups.groupsOf(at("alice"))).containsExactly(winner);
        assertThat(groups.membersOf(winner.id())).extracting(GroupMember::member).containsExactly(at("alice"));
    }

    @Test
    void addingAMemberIsIdempotentAndKeepsTheFirstJoinTime() {
        Group family = group("g-1", "alice", "Family", T0);
        groups.createGroup(family);

        assertThat(groups.addMember(new GroupMember("g-1", at("bob"), minutes(1)))).isTrue();
        assertThat(groups.addMember(new GroupMember("g-1", at("bob"), minutes(5)))).isFalse();

        assertThat(groups.membersOf("g-1")).containsExactly(new GroupMember("g-1", at("alice"), T0),
                new GroupMember("g-1", at("bob"), minutes(1)));
        assertThat(groups.groupsOf(at("bob"))).containsExactly(family);
    }

    @Test
    void addingTheOwnerAgainIsRefused() {
        groups.createGroup(group("g-1", "alice", "Family", T0));

        assertThat(groups.addMember(new GroupMember("g-1", at("alice"), minutes(1)))).isFalse();
        assertThat(groups.membersOf("g-1")).containsExactly(new GroupMember("g-1", at("alice"), T0));
    }

    @Test
    void addingToAnUnknownGroupIsRefusedAndStoresNothing() {
        assertThat(groups.addMember(new GroupMember("g-none", at("bob"), T0))).isFalse();

        assertThat(groups.membersOf("g-none")).isEmpty();
        assertThat(groups.groupsOf(at("bob"))).isEmpty();
    }

    @Test
    void concurrentAddsOfOnePersonHaveOneWinner() {
        groups.createGroup(group("g-1", "alice", "Family", T0));

        List<Boolean> added = Race.run(16, i -> groups.addMember(new GroupMember("g-1", at("bob"), minutes(1 + i))));

        assertThat(added).containsOnlyOnce(true);
        assertThat(groups.membersOf("g-1")).containsExactly(new GroupMember("g-1", at("alice"), T0),
                new GroupMember("g-1", at("bob"), minutes(1 + added.indexOf(true))));
    }

    @Test
    void removingAMemberIsTrueOnceAndTheListsFollow() {
        Group family = group("g-1", "alice", "Family", T0);
        groups.createGroup(family);
        groups.addMember(new GroupMember("g-1", at("bob"), minutes(1)));
        groups.addMember(new GroupMember("g-1", at("carol"), minutes(2)));

        assertThat(groups.removeMember("g-1", at("bob"))).isTrue();
        assertThat(groups.removeMember("g-1", at("bob"))).isFalse();
        assertThat(groups.removeMember("g-1", at("dave"))).isFalse();
        assertThat(groups.removeMember("g-none", at("carol"))).isFalse();

        assertThat(groups.membersOf("g-1")).extracting(GroupMember::member).containsExactly(at("alice"), at("carol"));
        assertThat(groups.groupsOf(at("bob"))).isEmpty();
        assertThat(groups.groupsOf(at("carol"))).containsExactly(family);
        assertThat(groups.findGroup("g-1")).contains(family);
    }

    @Test
    void aRemovedMemberCanBeAddedAgainWithTheNewJoinTime() {
        groups.createGroup(group("g-1", "alice", "Family", T0));
        groups.addMember(new GroupMember("g-1", at("bob"), minutes(1)));
        groups.removeMember("g-1", at("bob"));

        assertThat(groups.addMember(new GroupMember("g-1", at("bob"), minutes(9)))).isTrue();
        assertThat(groups.membersOf("g-1")).contains(new GroupMember("g-1", at("bob"), minutes(9)));
    }

    @Test
    void membersComeEarliestJoinedFirstTiesByAddressKey() {
        groups.createGroup(group("g-1", "alice", "Family", minutes(-10)));
        groups.addMember(new GroupMember("g-1", at("zoe"), minutes(5)));
        groups.addMember(new GroupMember("g-1", at("carol"), T0));
        groups.addMember(new GroupMember("g-1", at("bob"), T0));
        groups.addMember(new GroupMember("g-1", at("dave"), minutes(-5)));

        assertThat(groups.membersOf("g-1")).extracting(GroupMember::member)
                .containsExactly(at("alice"), at("dave"), at("bob"), at("carol"), at("zoe"));
    }

    @Test
    void aPersonsGroupsAreTheOnesTheyOwnOrWereAddedToOldestFirstTiesById() {
        Group newest = group("g-new", "carol", "Band", minutes(10));
        Group tieB = group("g-b", "alice", "Family", T0);
        Group tieA = group("g-a", "carol", "Friends", T0);
        Group oldest = group("g-old", "bob", "Work", minutes(-10));
        Group notHers = group("g-other", "bob", "Poker", minutes(-20));
        for (Group g : List.of(newest, tieB, tieA, oldest, notHers)) {
            groups.createGroup(g);
        }
        groups.addMember(new GroupMember("g-new", at("alice"), minutes(11)));
        groups.addMember(new GroupMember("g-a", at("alice"), minutes(12)));
        groups.addMember(new GroupMember("g-old", at("alice"), minutes(13)));

        assertThat(groups.groupsOf(at("alice"))).containsExactly(oldest, tieA, tieB, newest);
    }

    @Test
    void deletingAGroupRemovesItAndItsMembershipsOnly() {
        Group family = group("g-1", "alice", "Family", T0);
        Group friends = group("g-2", "alice", "Friends", minutes(1));
        groups.createGroup(family);
        groups.createGroup(friends);
        groups.addMember(new GroupMember("g-1", at("bob"), minutes(2)));
        groups.addMember(new GroupMember("g-2", at("bob"), minutes(3)));
        groups.insertGroupSend(groupSend("send-1", "g-1", "bob", minutes(4)));

        groups.deleteGroup("g-1");

        assertThat(groups.findGroup("g-1")).isEmpty();
        assertThat(groups.membersOf("g-1")).isEmpty();
        assertThat(groups.groupsOf(at("alice"))).containsExactly(friends);
        assertThat(groups.groupsOf(at("bob"))).containsExactly(friends);
        assertThat(groups.membersOf("g-2")).extracting(GroupMember::member).containsExactly(at("alice"), at("bob"));
        assertThat(groups.findGroupSend("send-1")).as("a deleted group's sends stay for their summaries")
                .contains(groupSend("send-1", "g-1", "bob", minutes(4)));
        assertThat(groups.addMember(new GroupMember("g-1", at("carol"), minutes(5)))).isFalse();
    }

    @Test
    void aDeletedGroupsNameCanBeUsedAgainByItsOwner() {
        groups.createGroup(group("g-1", "alice", "Family", T0));
        groups.deleteGroup("g-1");

        Group again = group("g-2", "alice", "Family", minutes(1));
        assertThat(groups.createGroup(again)).isTrue();
        assertThat(groups.groupsOf(at("alice"))).containsExactly(again);
    }

    @Test
    void deletingAnUnknownGroupChangesNothing() {
        Group family = group("g-1", "alice", "Family", T0);
        groups.createGroup(family);

        groups.deleteGroup("g-none");

        assertThat(groups.findGroup("g-1")).contains(family);
        assertThat(groups.membersOf("g-1")).hasSize(1);
    }
}
