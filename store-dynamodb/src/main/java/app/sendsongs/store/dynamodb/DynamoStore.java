package app.sendsongs.store.dynamodb;

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
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link Store} in one DynamoDB table: the serverless deployment's database, which several
 * servers or Lambda functions can share. The table design (keys, item types, indexes, conditional
 * writes, the role of TTL) is in docs/architecture.md, "DynamoDB table design".
 *
 * <p>Thread-safe (as the client is). Every read by key is strongly consistent; lists come from
 * global secondary indexes, which are eventually consistent, except a person's held messages,
 * which are one consistent query. Whatever two workers could race on is a conditional write on
 * the base item, never a decision taken on an index read. No operation scans. Times are kept as
 * epoch milliseconds. Spotify tokens are sealed with a {@link TokenCipher} before they are written.
 *
 * <p>{@link #close()} leaves the client open: whoever built it closes it.
 */
public final class DynamoStore implements Store {
    private final DynamoTable table;
    private final UserItems users;
    private final RegistrationItems registration;
    private final InboundItems inbound;
    private final OutboxItems outbox;
    private final ShareItems shares;
    private final WatchItems watches;
    private final ChoiceItems choices;
    private final GroupItems groups;
    private final GroupSendItems groupSends;
    private final Counters counters;
    private final Purge purge;

    private DynamoStore(DynamoTable table, TokenCipher cipher) {
        this.table = table;
        GrantAttributes grants = new GrantAttributes(cipher);
        DueIndex due = new DueIndex(table);
        this.counters = new Counters(table);
        this.users = new UserItems(table, grants);
        this.registration = new RegistrationItems(table, grants);
        this.inbound = new InboundItems(table);
        this.outbox = new OutboxItems(table, due, counters);
        this.shares = new ShareItems(table, counters);
        this.watches = new WatchItems(table, due);
        this.choices = new ChoiceItems(table);
        this.groups = new GroupItems(table);
        this.groupSends = new GroupSendItems(table);
        this.purge = new Purge(table, due);
    }

    /**
     * A store on an existing table (see {@link #createTable}). Spotify tokens are sealed with
     * {@code cipher}. Nothing is called on the client until the store is used.
     */
    public static DynamoStore create(DynamoDbClient client, String tableName, TokenCipher cipher) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(cipher, "cipher");
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("the DynamoDB table name is empty");
        }
        return new DynamoStore(new DynamoTable(client, tableName), cipher);
    }

    /**
     * Creates the table with its indexes and TTL attribute, as deploy/terraform does, and waits
     * until it is active. Does nothing to a table that already has the expected keys and indexes;
     * refuses (with the reason) one that does not.
     */
    public static void createTable(DynamoDbClient client, String tableName) {
        new TableSetup(client, tableName).create();
    }

    // users

    @Override
    public Optional<User> findUser(String psid) {
        return users.find(psid);
    }

    @Override
    public List<User> findUsersByName(String name) {
        return users.findByName(name);
    }

    @Override
    public void saveUser(User user) {
        users.save(user);
    }

    @Override
    public void saveLastMessageAt(String psid, Instant at) {
        users.saveLastMessageAt(psid, at);
    }

    @Override
    public void deleteUser(String psid) {
        users.delete(psid);
    }

    // registration

    @Override
    public void saveOAuthState(OAuthState state) {
        registration.saveState(state);
    }

    @Override
    public Optional<OAuthState> takeOAuthState(String state) {
        return registration.takeState(state);
    }

    @Override
    public void saveRegistrationCode(RegistrationCode code) {
        registration.saveCode(code);
    }

    @Override
    public Optional<RegistrationCode> takeRegistrationCode(String code) {
        return registration.takeCode(code);
    }

    // inbound log and outbox

    @Override
    public boolean firstDelivery(String mid, Instant at) {
        return inbound.firstDelivery(mid, at);
    }

    @Override
    public void holdMessage(HeldMessage message) {
        outbox.hold(message);
    }

    @Override
    public List<HeldMessage> heldMessagesFor(String psid) {
        return outbox.heldFor(psid);
    }

    @Override
    public List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        return outbox.dueForRetry(now, limit);
    }

    @Override
    public boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        return outbox.lease(message, now, leaseUntil);
    }

    @Override
    public void releaseHeldMessage(String id) {
        outbox.release(id);
    }

    // shares

    @Override
    public void insertShare(Share share) {
        shares.insert(share);
    }

    @Override
    public Optional<Share> findShare(String id) {
        return shares.find(id);
    }

    @Override
    public boolean updateShare(Share updated, ShareStatus expected) {
        return shares.update(updated, expected);
    }

    @Override
    public List<Share> sharesSentBy(String senderPsid) {
        return shares.sentBy(senderPsid);
    }

    @Override
    public List<Share> sharesWatchedFor(String receiverPsid) {
        return shares.watchedFor(receiverPsid);
    }

    @Override
    public List<Share> openSharesTo(String receiverPsid) {
        return shares.openTo(receiverPsid);
    }

    @Override
    public List<Share> sharesOfGroupSend(String groupSendId) {
        return shares.ofGroupSend(groupSendId);
    }

    @Override
    public void deleteSharesOf(String psid) {
        shares.deleteOf(psid);
    }

    // watches

    @Override
    public void scheduleWatch(String receiverPsid, Instant dueAt, Instant readFrom) {
        watches.schedule(receiverPsid, dueAt, readFrom);
    }

    @Override
    public List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil) {
        return watches.claim(now, limit, leaseUntil);
    }

    @Override
    public boolean completeWatch(Watch claimed, Optional<Instant> nextDue, Instant checkedThrough) {
        return watches.complete(claimed, nextDue, checkedThrough);
    }

    @Override
    public Optional<Watch> findWatch(String receiverPsid) {
        return watches.find(receiverPsid);
    }

    @Override
    public void deleteWatch(String receiverPsid) {
        watches.delete(receiverPsid);
    }

    // choices

    @Override
    public void saveChoice(PendingChoice choice) {
        choices.save(choice);
    }

    @Override
    public Optional<PendingChoice> takeChoice(String psid) {
        return choices.take(psid);
    }

    // groups

    @Override
    public boolean createGroup(Group group) {
        return groups.create(group);
    }

    @Override
    public Optional<Group> findGroup(String groupId) {
        return groups.find(groupId);
    }

    @Override
    public List<Group> groupsOf(String memberPsid) {
        return groups.of(memberPsid);
    }

    @Override
    public boolean addMember(GroupMember member) {
        return groups.addMember(member);
    }

    @Override
    public boolean removeMember(String groupId, String memberPsid) {
        return groups.removeMember(groupId, memberPsid);
    }

    @Override
    public List<GroupMember> membersOf(String groupId) {
        return groups.membersOf(groupId);
    }

    @Override
    public void deleteGroup(String groupId) {
        groups.delete(groupId);
    }

    @Override
    public void insertGroupSend(GroupSend send) {
        groupSends.insert(send);
    }

    @Override
    public Optional<GroupSend> findGroupSend(String id) {
        return groupSends.find(id);
    }

    @Override
    public boolean markGroupSendSummarized(String id, Instant at) {
        return groupSends.markSummarized(id, at);
    }

    // everything

    /**
     * Deletes the person's groups, memberships, group sends, shares, watch, held messages, open
     * question and counters, and their user last: DynamoDB has no transaction across that many
     * items, so if this stops half way the person is still registered and can send
     * {@code forget_me} again.
     */
    @Override
    public void forgetPerson(String psid) {
        groups.forget(psid);
        groupSends.deleteOf(psid);
        shares.deleteOf(psid);
        watches.delete(psid);
        outbox.deleteFor(psid);
        choices.delete(psid);
        counters.delete(psid);
        users.delete(psid);
    }

    @Override
    public void purgeBefore(Instant cutoff) {
        purge.before(cutoff);
    }

    @Override
    public void close() {
        // The client belongs to the caller; the store holds nothing else.
    }

    @Override
    public String toString() {
        return "DynamoStore[" + table.name() + "]";
    }
}
