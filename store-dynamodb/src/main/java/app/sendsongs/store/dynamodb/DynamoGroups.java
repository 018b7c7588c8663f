package app.sendsongs.store.dynamodb;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Groups and their members. A group is {@code GROUP#<id>} / {@code GROUP} and its members live in
 * the same partition, {@code GROUP#<id>} / {@code MEMBER#<person>} ({@link PersonKey}, also in
 * {@code memberPsid}; the owner's in {@code ownerPsid}): the member list is one strongly consistent
 * query, and a membership is a conditional put, so a person is added once. A membership carries a
 * copy of its group (a group never changes) and is in {@code gsi1} under {@code MEMBER#<person>} by
 * the group's creation time, so a person's groups are one query. The songs sent to groups are
 * {@link GroupSendItems}.
 *
 * <p>Names: the owner's claim {@code GROUPNAME#<owner>} / {@code NAME#<name key>} holds the id of
 * the group that has the name, and only a put with {@code attribute_not_exists} writes it, so of
 * two groups created with one name at the same moment exactly one gets it. The group is written
 * before its claim and deleted before it, so a claim whose group is gone is left over from a delete
 * cut short, and the next creation of that name replaces it. No transactions (see the class
 * comment of {@link DynamoStores}): every step leaves a state the next call can finish.
 */
final class DynamoGroups implements GroupStore {
    static final String TYPE = "GROUP";
    static final String MEMBER_TYPE = "GROUP_MEMBER";
    static final String CLAIM_TYPE = "GROUPNAME";
    private static final String MEMBER = "MEMBER#";
    private static final String GROUP_ID = "groupId";
    private static final String MEMBER_PERSON = "memberPsid";
    private static final String OWNER = "ownerPsid";
    private static final int CLAIM_ATTEMPTS = 3;

    private static final Comparator<Group> OLDEST_FIRST = Comparator.comparing(Group::createdAt)
            .thenComparing(Group::id);
    private static final Comparator<GroupMember> EARLIEST_JOINED_FIRST = Comparator
            .comparing(GroupMember::joinedAt).thenComparing(member -> member.member().key());

    private final DynamoTable table;
    private final GroupSendItems sends;

    DynamoGroups(DynamoTable table, GroupSendItems sends) {
        this.table = table;
        this.sends = sends;
    }

    /** The group and its owner's membership, then the name claim; a refused claim takes both back. */
    @Override
    public boolean createGroup(Group group) {
        if (!table.putIf(groupItem(group), Condition.attributeNotExists(TableLayout.PK))) {
            throw new DynamoStoreException("a group with this id already exists");
        }
        table.put(memberItem(group, new GroupMember(group.id(), group.owner(), group.createdAt())));
        if (claimName(group)) {
            return true;
        }
        table.deleteAll(List.of(memberKey(group.id(), group.owner()), groupKey(group.id())));
        return false;
    }

    @Override
    public Optional<Group> findGroup(String groupId) {
        return table.get(groupKey(groupId)).map(DynamoGroups::group);
    }

    @Override
    public List<Group> groupsOf(ChatAddress member) {
        return membershipsOf(member).stream().map(DynamoGroups::group).sorted(OLDEST_FIRST).toList();
    }

    /**
     * A conditional put of the membership. Should the group be deleted between the read of the
     * group and the put, the membership is taken back: the delete may have listed the members first.
     */
    @Override
    public boolean addMember(GroupMember member) {
        Optional<Group> group = findGroup(member.groupId());
        if (group.isEmpty()) {
            return false;
        }
        if (!table.putIf(memberItem(group.get(), member), Condition.attributeNotExists(TableLayout.PK))) {
            return false;
        }
        if (findGroup(member.groupId()).isPresent()) {
            return true;
        }
        table.delete(memberKey(member.groupId(), member.member()));
        return false;
    }

    @Override
    public boolean removeMember(String groupId, ChatAddress member) {
        return table.take(memberKey(groupId, member)).isPresent();
    }

    @Override
    public List<GroupMember> membersOf(String groupId) {
        Condition members = Condition.equalTo(TableLayout.PK, Attr.s(partition(groupId)))
                .and(Condition.beginsWith(TableLayout.SK, Attr.s(MEMBER)));
        return table.query(DynamoTable.queryFor(members).consistentRead(true).build(), 0).stream()
                .map(DynamoGroups::member).sorted(EARLIEST_JOINED_FIRST).toList();
    }

    /**
     * The group item first (so no member can be added after the members are listed), then the
     * members, then the name claim if it is still this group's.
     */
    @Override
    public void deleteGroup(String groupId) {
        Optional<Map<String, AttributeValue>> group = table.take(groupKey(groupId));
        Condition inPartition = Condition.equalTo(TableLayout.PK, Attr.s(partition(groupId)));
        List<Map<String, AttributeValue>> members = table.query(DynamoTable.queryFor(inPartition)
                .consistentRead(true).build(), 0);
        table.deleteAll(members.stream().map(DynamoGroups::keyOf).toList());
        group.or(() -> members.stream().findFirst()).map(DynamoGroups::group).ifPresent(this::releaseName);
    }

    @Override
    public boolean insertGroupSend(GroupSend send) {
        return sends.insert(send);
    }

    @Override
    public Optional<GroupSend> findGroupSend(String id) {
        return sends.find(id);
    }

    @Override
    public boolean moveGroupSend(String id, String groupId) {
        return sends.move(id, groupId);
    }

    @Override
    public boolean markGroupSendSummarized(String id, Instant at) {
        return sends.markSummarized(id, at);
    }

    /**
     * Deletes the groups the person owns (found by their name claims and their own memberships)
     * and takes them out of the other groups.
     */
    void forget(ChatAddress person) {
        Condition claims = Condition.equalTo(TableLayout.PK, Attr.s(claimPartition(person)));
        List<Map<String, AttributeValue>> claimItems = table.query(DynamoTable.queryFor(claims)
                .consistentRead(true).build(), 0);
        List<Map<String, AttributeValue>> memberships = membershipsOf(person);
        Set<String> owned = new LinkedHashSet<>();
        claimItems.forEach(claim -> owned.add(Attr.string(claim, GROUP_ID)));
        memberships.stream().map(DynamoGroups::group).filter(group -> group.ownedBy(person)).map(Group::id)
                .forEach(owned::add);
        owned.forEach(this::deleteGroup);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(claimItems.stream().map(DynamoGroups::keyOf).toList());
        memberships.forEach(membership -> keys.add(keyOf(membership)));
        table.deleteAll(keys);
    }

    /** Puts the claim; replaces one whose group is gone. False when a group that exists holds the name. */
    private boolean claimName(Group group) {
        Map<String, AttributeValue> claim = claimItem(group);
        Map<String, AttributeValue> key = keyOf(claim);
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            if (table.putIf(claim, Condition.attributeNotExists(TableLayout.PK))) {
                return true;
            }
            Optional<String> holder = table.get(key).map(item -> Attr.string(item, GROUP_ID));
            if (holder.isPresent() && table.get(groupKey(holder.get())).isPresent()) {
                return false;
            }
            holder.ifPresent(stale -> table.deleteIf(key, Condition.equalTo(GROUP_ID, Attr.s(stale))));
        }
        throw new DynamoStoreException("the group name kept changing hands while it was claimed; try again");
    }

    /** Also the claim a group made before its name had the key of now, under a key it had then ({@link KeysBefore}). */
    private void releaseName(Group group) {
        Condition ours = Condition.equalTo(GROUP_ID, Attr.s(group.id()));
        table.deleteIf(claimKey(group.owner(), group.nameKey()), ours);
        KeysBefore.keysBefore(group.name()).forEach(keyBefore -> table.deleteIf(claimKey(group.owner(), keyBefore),
                ours));
    }

    private List<Map<String, AttributeValue>> membershipsOf(ChatAddress person) {
        Condition byMember = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(MEMBER + PersonKey.of(person)));
        return table.query(DynamoTable.queryFor(byMember).indexName(TableLayout.GSI1).build(), 0);
    }

    private static String partition(String groupId) {
        return TYPE + "#" + groupId;
    }

    private static String claimPartition(ChatAddress owner) {
        return CLAIM_TYPE + "#" + PersonKey.of(owner);
    }

    private static Map<String, AttributeValue> groupKey(String groupId) {
        return TableLayout.key(partition(groupId), TYPE);
    }

    private static Map<String, AttributeValue> memberKey(String groupId, ChatAddress member) {
        return TableLayout.key(partition(groupId), MEMBER + PersonKey.of(member));
    }

    private static Map<String, AttributeValue> claimKey(ChatAddress owner, String nameKey) {
        return TableLayout.key(claimPartition(owner), "NAME#" + nameKey);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return TableLayout.key(Attr.string(item, TableLayout.PK), Attr.string(item, TableLayout.SK));
    }

    /** The group's own attributes, as on the group item and copied onto each membership. */
    private static void putGroup(Map<String, AttributeValue> item, Group group) {
        item.put(GROUP_ID, Attr.s(group.id()));
        item.put(OWNER, Attr.person(group.owner()));
        item.put("name", Attr.s(group.name()));
        item.put("createdAt", Attr.time(group.createdAt()));
    }

    private static Map<String, AttributeValue> groupItem(Group group) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, partition(group.id()), TYPE);
        putGroup(item, group);
        return item;
    }

    private static Map<String, AttributeValue> memberItem(Group group, GroupMember member) {
        Map<String, AttributeValue> item = TableLayout.item(MEMBER_TYPE, partition(group.id()),
                MEMBER + PersonKey.of(member.member()));
        putGroup(item, group);
        item.put(MEMBER_PERSON, Attr.person(member.member()));
        item.put("joinedAt", Attr.time(member.joinedAt()));
        item.put(TableLayout.GSI1_PK, Attr.s(MEMBER + PersonKey.of(member.member())));
        item.put(TableLayout.GSI1_SK, Attr.s(TableLayout.sortableTime(group.createdAt()) + "#" + group.id()));
        return item;
    }

    private static Map<String, AttributeValue> claimItem(Group group) {
        Map<String, AttributeValue> item = claimKey(group.owner(), group.nameKey());
        item.put(TableLayout.TYPE, Attr.s(CLAIM_TYPE));
        item.put(GROUP_ID, Attr.s(group.id()));
        return item;
    }

    private static Group group(Map<String, AttributeValue> item) {
        return new Group(Attr.string(item, GROUP_ID), Attr.person(item, OWNER), Attr.string(item, "name"),
                Attr.time(item, "createdAt"));
    }

    private static GroupMember member(Map<String, AttributeValue> item) {
        return new GroupMember(Attr.string(item, GROUP_ID), Attr.person(item, MEMBER_PERSON),
                Attr.time(item, "joinedAt"));
    }
}
