package app.sendsongs.core.fakes;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link GroupStore} in maps and a list of memberships. */
public final class InMemoryGroups implements GroupStore {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<GroupMember> members = new ArrayList<>();
    private final Map<String, GroupSend> groupSends = new HashMap<>();

    @Override
    public synchronized boolean createGroup(Group group) {
        boolean taken = groups.values().stream()
                .anyMatch(g -> g.owner().equals(group.owner()) && g.nameKey().equals(group.nameKey()));
        if (taken || groups.containsKey(group.id())) {
            return false;
        }
        groups.put(group.id(), group);
        members.add(new GroupMember(group.id(), group.owner(), group.createdAt()));
        return true;
    }

    @Override
    public synchronized Optional<Group> findGroup(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public synchronized List<Group> groupsOf(ChatAddress member) {
        return members.stream().filter(m -> m.member().equals(member)).map(m -> groups.get(m.groupId()))
                .sorted(Comparator.comparing(Group::createdAt).thenComparing(Group::id)).toList();
    }

    @Override
    public synchronized boolean addMember(GroupMember member) {
        if (!groups.containsKey(member.groupId()) || isMember(member.groupId(), member.member())) {
            return false;
        }
        return members.add(member);
    }

    @Override
    public synchronized boolean removeMember(String groupId, ChatAddress member) {
        boolean removed = members.removeIf(m -> m.groupId().equals(groupId) && m.member().equals(member));
        deathAfterRemovingAMember.dieIfArmed();
        return removed;
    }

    private final NextDeath deathAfterRemovingAMember = new NextDeath();

    /** The process dies right after the next {@link #removeMember}: a {@link RecordingChat.ProcessDied} is thrown. */
    public synchronized void diesAfterNextRemoveMember() {
        deathAfterRemovingAMember.arm();
    }

    @Override
    public synchronized List<GroupMember> membersOf(String groupId) {
        return members.stream().filter(m -> m.groupId().equals(groupId))
                .sorted(Comparator.comparing(GroupMember::joinedAt).thenComparing(m -> m.member().key())).toList();
    }

    private final NextDeath deathAfterDeleting = new NextDeath();

    @Override
    public synchronized void deleteGroup(String groupId) {
        groups.remove(groupId);
        members.removeIf(m -> m.groupId().equals(groupId));
        deathAfterDeleting.dieIfArmed();
    }

    /** The process dies right after the next {@link #deleteGroup}: a {@link RecordingChat.ProcessDied} is thrown. */
    public synchronized void diesAfterNextDelete() {
        deathAfterDeleting.arm();
    }

    @Override
    public synchronized boolean insertGroupSend(GroupSend send) {
        return groupSends.putIfAbsent(send.id(), send) == null;
    }

    @Override
    public synchronized Optional<GroupSend> findGroupSend(String id) {
        return Optional.ofNullable(groupSends.get(id));
    }

    @Override
    public synchronized boolean moveGroupSend(String id, String groupId) {
        GroupSend send = groupSends.get(id);
        if (send == null) {
            return false;
        }
        groupSends.put(id, new GroupSend(id, groupId, send.groupName(), send.sender(), send.sentAt(),
                send.summarizedAt()));
        return true;
    }

    @Override
    public synchronized boolean markGroupSendSummarized(String id, Instant at) {
        GroupSend send = groupSends.get(id);
        if (send == null || send.summarizedAt().isPresent()) {
            return false;
        }
        groupSends.put(id, send.summarized(at));
        return true;
    }

    /** The groups the person owns (with their memberships), their other memberships and their group sends go. */
    synchronized void forget(ChatAddress person) {
        groups.values().stream().filter(g -> g.owner().equals(person)).map(Group::id).toList()
                .forEach(this::deleteGroup);
        members.removeIf(m -> m.member().equals(person));
        groupSends.values().removeIf(s -> s.sender().equals(person));
    }

    private boolean isMember(String groupId, ChatAddress person) {
        return members.stream().anyMatch(m -> m.groupId().equals(groupId) && m.member().equals(person));
    }
}
