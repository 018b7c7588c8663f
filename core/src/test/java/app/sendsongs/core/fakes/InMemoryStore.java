package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.registration.OAuthState;
import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.store.Store;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Store} in maps, for the core's tests: the behaviour the store contract specifies, kept
 * simple. Every method is synchronized, so conditional writes are atomic.
 */
public final class InMemoryStore implements Store {
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, OAuthState> states = new HashMap<>();
    private final Map<String, RegistrationCode> codes = new HashMap<>();
    private final Set<String> mids = new HashSet<>();
    private final Map<String, HeldMessage> held = new LinkedHashMap<>();
    private final Map<String, Share> shares = new LinkedHashMap<>();
    private final Map<String, Watch> watches = new HashMap<>();
    private final Map<String, PendingChoice> choices = new HashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<GroupMember> members = new ArrayList<>();
    private final Map<String, GroupSend> groupSends = new HashMap<>();
    private long versions;

    @Override
    public synchronized Optional<User> findUser(String psid) {
        return Optional.ofNullable(users.get(psid));
    }

    @Override
    public synchronized List<User> findUsersByName(String name) {
        return users.values().stream().filter(u -> u.nameKey().equals(Names.key(name)))
                .sorted(Comparator.comparing(User::registeredAt).thenComparing(User::psid)).toList();
    }

    @Override
    public synchronized void saveUser(User user) {
        users.put(user.psid(), user);
    }

    @Override
    public synchronized void saveLastMessageAt(String psid, Instant at) {
        users.computeIfPresent(psid, (key, user) -> user.withLastMessageAt(at));
    }

    @Override
    public synchronized void deleteUser(String psid) {
        users.remove(psid);
    }

    @Override
    public synchronized void saveOAuthState(OAuthState state) {
        states.put(state.state(), state);
    }

    @Override
    public synchronized Optional<OAuthState> takeOAuthState(String state) {
        return Optional.ofNullable(states.remove(state));
    }

    @Override
    public synchronized void saveRegistrationCode(RegistrationCode code) {
        codes.put(code.code(), code);
    }

    @Override
    public synchronized Optional<RegistrationCode> takeRegistrationCode(String code) {
        return Optional.ofNullable(codes.remove(code));
    }

    @Override
    public synchronized boolean firstDelivery(String mid, Instant at) {
        return mids.add(mid);
    }

    @Override
    public synchronized void holdMessage(HeldMessage message) {
        held.put(message.id(), message);
    }

    @Override
    public synchronized List<HeldMessage> heldMessagesFor(String psid) {
        return held.values().stream().filter(m -> m.psid().equals(psid)).toList();
    }

    @Override
    public synchronized List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        return held.values().stream().filter(m -> m.retryAt().filter(at -> !at.isAfter(now)).isPresent())
                .sorted(Comparator.comparing(m -> m.retryAt().orElseThrow())).limit(limit).toList();
    }

    @Override
    public synchronized boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        HeldMessage current = held.get(message.id());
        if (current == null || !current.retryAt().equals(message.retryAt())
                || current.retryAt().filter(now::isBefore).isPresent()) {
            return false;
        }
        held.put(message.id(), new HeldMessage(current.id(), current.psid(), current.text(), current.heldAt(),
                Optional.of(leaseUntil), current.shareId()));
        return true;
    }

    @Override
    public synchronized void releaseHeldMessage(String id) {
        held.remove(id);
    }

    @Override
    public synchronized void insertShare(Share share) {
        shares.put(share.id(), share);
    }

    @Override
    public synchronized Optional<Share> findShare(String id) {
        return Optional.ofNullable(shares.get(id));
    }

    @Override
    public synchronized boolean updateShare(Share updated, ShareStatus expected) {
        Share stored = shares.get(updated.id());
        if (stored == null || stored.status() != expected) {
            return false;
        }
        shares.put(updated.id(), updated);
        return true;
    }

    @Override
    public synchronized List<Share> sharesSentBy(String senderPsid) {
        List<Share> sent = new ArrayList<>(shares.values().stream().filter(s -> s.senderPsid().equals(senderPsid))
                .toList());
        Collections.reverse(sent);
        sent.sort(Comparator.comparing(Share::createdAt).reversed());
        return sent;
    }

    @Override
    public synchronized List<Share> sharesWatchedFor(String receiverPsid) {
        return shares.values().stream()
                .filter(s -> s.receiverPsid().equals(receiverPsid) && s.status() == ShareStatus.WATCHING)
                .sorted(Comparator.comparing(s -> s.deliveredAt().orElseThrow())).toList();
    }

    @Override
    public synchronized List<Share> openSharesTo(String receiverPsid) {
        return shares.values().stream().filter(s -> s.receiverPsid().equals(receiverPsid) && s.status().isOpen())
                .toList();
    }

    @Override
    public synchronized List<Share> sharesOfGroupSend(String groupSendId) {
        return shares.values().stream().filter(s -> s.groupSendId().filter(groupSendId::equals).isPresent()).toList();
    }

    @Override
    public synchronized void deleteSharesOf(String psid) {
        shares.values().removeIf(s -> s.senderPsid().equals(psid) || s.receiverPsid().equals(psid));
    }

    @Override
    public synchronized void scheduleWatch(String receiverPsid, Instant dueAt, Instant readFrom) {
        Watch current = watches.get(receiverPsid);
        Instant due = current == null || dueAt.isBefore(current.dueAt()) ? dueAt : current.dueAt();
        Instant from = current == null || readFrom.isBefore(current.checkedThrough()) ? readFrom
                : current.checkedThrough();
        watches.put(receiverPsid, new Watch(receiverPsid, due, from, ++versions));
    }

    @Override
    public synchronized List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil) {
        List<Watch> due = watches.values().stream().filter(w -> !w.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Watch::dueAt)).limit(limit).toList();
        List<Watch> claimed = new ArrayList<>();
        for (Watch watch : due) {
            Watch leased = new Watch(watch.receiverPsid(), leaseUntil, watch.checkedThrough(), ++versions);
            watches.put(watch.receiverPsid(), leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public synchronized boolean completeWatch(Watch claimed, Optional<Instant> nextDue, Instant checkedThrough) {
        Watch current = watches.get(claimed.receiverPsid());
        if (current == null || current.version() != claimed.version()) {
            return false;
        }
        if (nextDue.isEmpty()) {
            watches.remove(claimed.receiverPsid());
        } else {
            watches.put(claimed.receiverPsid(), new Watch(claimed.receiverPsid(), nextDue.get(), checkedThrough,
                    ++versions));
        }
        return true;
    }

    @Override
    public synchronized Optional<Watch> findWatch(String receiverPsid) {
        return Optional.ofNullable(watches.get(receiverPsid));
    }

    @Override
    public synchronized void deleteWatch(String receiverPsid) {
        watches.remove(receiverPsid);
    }

    @Override
    public synchronized void saveChoice(PendingChoice choice) {
        choices.put(choice.psid(), choice);
    }

    @Override
    public synchronized Optional<PendingChoice> takeChoice(String psid) {
        return Optional.ofNullable(choices.remove(psid));
    }

    @Override
    public synchronized boolean createGroup(Group group) {
        boolean taken = groups.values().stream()
                .anyMatch(g -> g.ownerPsid().equals(group.ownerPsid()) && g.nameKey().equals(group.nameKey()));
        if (taken || groups.containsKey(group.id())) {
            return false;
        }
        groups.put(group.id(), group);
        members.add(new GroupMember(group.id(), group.ownerPsid(), group.createdAt()));
        return true;
    }

    @Override
    public synchronized Optional<Group> findGroup(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public synchronized List<Group> groupsOf(String memberPsid) {
        return members.stream().filter(m -> m.memberPsid().equals(memberPsid)).map(m -> groups.get(m.groupId()))
                .sorted(Comparator.comparing(Group::createdAt).thenComparing(Group::id)).toList();
    }

    @Override
    public synchronized boolean addMember(GroupMember member) {
        if (!groups.containsKey(member.groupId()) || isMember(member.groupId(), member.memberPsid())) {
            return false;
        }
        return members.add(member);
    }

    @Override
    public synchronized boolean removeMember(String groupId, String memberPsid) {
        return members.removeIf(m -> m.groupId().equals(groupId) && m.memberPsid().equals(memberPsid));
    }

    @Override
    public synchronized List<GroupMember> membersOf(String groupId) {
        return members.stream().filter(m -> m.groupId().equals(groupId))
                .sorted(Comparator.comparing(GroupMember::joinedAt).thenComparing(GroupMember::memberPsid)).toList();
    }

    @Override
    public synchronized void deleteGroup(String groupId) {
        groups.remove(groupId);
        members.removeIf(m -> m.groupId().equals(groupId));
    }

    @Override
    public synchronized void insertGroupSend(GroupSend send) {
        groupSends.put(send.id(), send);
    }

    @Override
    public synchronized Optional<GroupSend> findGroupSend(String id) {
        return Optional.ofNullable(groupSends.get(id));
    }

    @Override
    public synchronized boolean markGroupSendSummarized(String id, Instant at) {
        GroupSend send = groupSends.get(id);
        if (send == null || send.summarizedAt().isPresent()) {
            return false;
        }
        groupSends.put(id, new GroupSend(id, send.groupId(), send.groupName(), send.senderPsid(), send.sentAt(),
                Optional.of(at)));
        return true;
    }

    @Override
    public synchronized void forgetPerson(String psid) {
        users.remove(psid);
        deleteSharesOf(psid);
        watches.remove(psid);
        held.values().removeIf(m -> m.psid().equals(psid));
        choices.remove(psid);
        groups.values().stream().filter(g -> g.ownerPsid().equals(psid)).map(Group::id).toList()
                .forEach(this::deleteGroup);
        members.removeIf(m -> m.memberPsid().equals(psid));
        groupSends.values().removeIf(s -> s.senderPsid().equals(psid));
    }

    @Override
    public synchronized void purgeBefore(Instant cutoff) {
        states.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
        codes.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
        choices.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
    }

    @Override
    public void close() {
    }

    private boolean isMember(String groupId, String psid) {
        return members.stream().anyMatch(m -> m.groupId().equals(groupId) && m.memberPsid().equals(psid));
    }
}
