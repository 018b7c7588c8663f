package app.sendsongs.store.dynamodb;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.EndedInvite;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Songs for friends not registered yet: {@code INVITE#<token>} / {@code INVITE}; {@code gsi1}
 * {@code INVITES#<sender>} / {@code <created>#<token>} (a sender's open invites, and to forget them); once opened, {@code gsi2}
 * {@code INVITEE#<friend>} / {@code <created>#<token>}; in the due index under {@code INVITE} at its expiry. While
 * nobody has opened it, an item {@code INVITENAME#<key of the friend's name>} / {@code <created>#<token>} lists it by
 * the name it was made for (a query of that partition, as people are found by name; no index of the table's), removed
 * when the invite is opened or taken and put back when it is released. What the indexes and those items list may be
 * stale: taking an invite is one delete, which only one caller wins, and each listed invite is read again. An invite
 * whose song is being sent has {@code claimed}, which its sender's cancel (a delete on condition that it has none)
 * leaves.
 */
final class DynamoInvites implements InviteStore {
    static final String TYPE = "INVITE";
    private static final String SENT = "INVITES#";
    private static final String OPENED = "INVITEE#";
    private static final String FRIEND = "friendPsid";
    /** On an invite whose song is being sent to whoever used it: {@link #takeUnclaimedInvite} leaves it. */
    private static final String CLAIMED = "claimed";
    static final String BY_NAME = "INVITENAME";
    /** What became of an invite once it ended: {@code ENDEDINVITE#<token>} / {@code ENDEDINVITE}. */
    static final String ENDED = "ENDEDINVITE";
    private static final String ENDED_BY_SENDER = "ENDEDINVITES#";
    private static final String ENDED_BY_USER = "ENDEDINVITEE#";
    private static final Comparator<Invite> OLDEST_FIRST = Comparator.comparing(Invite::createdAt)
            .thenComparing(Invite::token);

    private final DynamoTable table;
    private final DueIndex due;

    DynamoInvites(DynamoTable table, DueIndex due) {
        this.table = table;
        this.due = due;
    }

    @Override
    public void saveInvite(Invite invite) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + invite.token(), TYPE);
        item.put("token", Attr.s(invite.token()));
        item.put("senderPsid", Attr.s(PersonKey.of(invite.sender())));
        item.put("friendName", Attr.s(invite.friendName()));
        item.put("trackId", Attr.s(invite.track().value()));
        item.put("title", Attr.s(invite.title()));
        item.put("pre", Attr.s(invite.pre()));
        item.put("post", Attr.s(invite.post()));
        item.put("createdAt", Attr.time(invite.createdAt()));
        item.put("expiresAt", Attr.time(invite.expiresAt()));
        item.put(TableLayout.GSI1_PK, Attr.s(SENT + PersonKey.of(invite.sender())));
        item.put(TableLayout.GSI1_SK, Attr.s(order(invite)));
        invite.friend().ifPresent(friend -> item.putAll(opened(invite, friend)));
        TableLayout.putDue(item, TYPE, invite.token(), invite.expiresAt());
        TableLayout.putGcAfter(item, invite.expiresAt());
        if (invite.friend().isEmpty()) {
            table.put(byName(invite));
        }
        table.put(item);
    }

    @Override
    public Optional<Invite> findInvite(String token) {
        return table.get(key(token)).map(DynamoInvites::invite);
    }

    @Override
    public boolean openInvite(String token, ChatAddress friend) {
        Optional<Invite> invite = findInvite(token);
        if (invite.isEmpty()) {
            return false;
        }
        if (invite.get().friend().isPresent()) {
            return invite.get().friend().get().equals(friend);
        }
        boolean opened = table.updateIf(key(token), new Update().setAll(opened(invite.get(), friend)),
                Condition.attributeExists(TableLayout.PK).and(Condition.attributeNotExists(FRIEND))).isPresent();
        if (opened) {
            table.delete(byNameKey(invite.get()));
        }
        return opened || findInvite(token).flatMap(Invite::friend).filter(friend::equals).isPresent();
    }

    @Override
    public boolean releaseInvite(String token, ChatAddress friend) {
        Update unopened = new Update().remove(FRIEND).remove(CLAIMED).remove(TableLayout.GSI2_PK)
                .remove(TableLayout.GSI2_SK);
        Optional<Map<String, AttributeValue>> released = table.updateIf(key(token), unopened,
                Condition.attributeExists(TableLayout.PK).and(Condition.equalTo(FRIEND, Attr.s(PersonKey.of(friend)))));
        released.ifPresent(item -> table.put(byName(invite(item))));
        return released.isPresent();
    }

    /** The sender's invites are few (their number is capped while they are open), so all are read and sorted here. */
    @Override
    public List<Invite> openInvitesSentBy(ChatAddress sender, Instant now, int limit) {
        return sentBy(sender).stream().map(DynamoInvites::invite).filter(i -> i.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Invite::expiresAt).thenComparing(Invite::token)).limit(limit).toList();
    }

    /**
     * One query of the name's partition, which holds only the invites nobody has opened for that name (each sender has
     * a few open at most), then a read of each, the oldest first, until {@code limit} are found still unopened and
     * unexpired; a listing left behind by a run cut short names an invite that is gone or opened, and is skipped.
     */
    @Override
    public List<Invite> unopenedInvitesFor(String friendNameKey, Instant now, int limit) {
        String partition = namePartition(friendNameKey);
        if (!TableLayout.fitsPartitionKey(partition)) {
            return List.of(); // no invite's name is that long
        }
        List<Invite> found = new ArrayList<>();
        for (Map<String, AttributeValue> listed : table.query(DynamoTable.queryFor(
                Condition.equalTo(TableLayout.PK, Attr.s(partition))).build(), 0)) {
            findInvite(Attr.string(listed, "token")).filter(i -> i.friend().isEmpty() && i.expiresAt().isAfter(now))
                    .ifPresent(found::add);
            if (found.size() == limit) {
                break;
            }
        }
        return found;
    }

    @Override
    public List<Invite> invitesOpenedBy(ChatAddress friend) {
        Condition byFriend = Condition.equalTo(TableLayout.GSI2_PK, Attr.s(OPENED + PersonKey.of(friend)));
        return table.query(DynamoTable.queryFor(byFriend).indexName(TableLayout.GSI2).build(), 0).stream()
                .map(DynamoInvites::invite).filter(i -> i.friend().filter(friend::equals).isPresent())
                .sorted(OLDEST_FIRST).toList();
    }

    @Override
    public boolean takeInvite(String token) {
        Optional<Map<String, AttributeValue>> taken = table.take(key(token));
        taken.ifPresent(item -> table.delete(byNameKey(invite(item))));
        return taken.isPresent();
    }

    @Override
    public boolean claimInvite(String token, ChatAddress friend) {
        return table.updateIf(key(token), new Update().set(CLAIMED, Attr.bool(true)),
                Condition.attributeExists(TableLayout.PK).and(Condition.equalTo(FRIEND, Attr.s(PersonKey.of(friend)))))
                .isPresent();
    }

    /** One conditional delete, then (for the one caller that won it) its listing by name, as {@link #takeInvite}. */
    @Override
    public boolean takeUnclaimedInvite(String token) {
        Optional<Invite> invite = findInvite(token);
        if (invite.isEmpty() || !table.deleteIf(key(token),
                Condition.attributeExists(TableLayout.PK).and(Condition.attributeNotExists(CLAIMED)))) {
            return false;
        }
        table.delete(byNameKey(invite.get()));
        return true;
    }

    @Override
    public List<Invite> invitesExpiredBy(Instant now, int limit) {
        return due.dueBy(TYPE, now, limit).stream().map(DynamoInvites::invite).limit(limit).toList();
    }

    /**
     * {@code gsi1} {@code ENDEDINVITES#<sender>} / token and, once used, {@code gsi2} {@code ENDEDINVITEE#<who used
     * it>} / token, to forget it with either; in the due index under {@code PURGE} at its {@code keepUntil}.
     */
    @Override
    public void saveEndedInvite(EndedInvite ended) {
        Map<String, AttributeValue> item = TableLayout.item(ENDED, ENDED + "#" + ended.token(), ENDED);
        item.put("token", Attr.s(ended.token()));
        item.put("how", Attr.s(ended.how().name()));
        item.put("endedSender", Attr.s(PersonKey.of(ended.sender())));
        item.put("title", Attr.s(ended.title()));
        item.put("endedAt", Attr.time(ended.endedAt()));
        item.put("keepUntil", Attr.time(ended.keepUntil()));
        item.put(TableLayout.GSI1_PK, Attr.s(ENDED_BY_SENDER + PersonKey.of(ended.sender())));
        item.put(TableLayout.GSI1_SK, Attr.s(ended.token()));
        ended.usedBy().ifPresent(user -> {
            item.put("usedBy", Attr.s(PersonKey.of(user)));
            item.put(TableLayout.GSI2_PK, Attr.s(ENDED_BY_USER + PersonKey.of(user)));
            item.put(TableLayout.GSI2_SK, Attr.s(ended.token()));
        });
        TableLayout.putDue(item, Purge.KIND, ENDED + "#" + ended.token(), ended.keepUntil());
        TableLayout.putGcAfter(item, ended.keepUntil());
        table.put(item);
    }

    @Override
    public Optional<EndedInvite> findEndedInvite(String token) {
        return table.get(endedKey(token)).map(item -> new EndedInvite(Attr.string(item, "token"),
                EndedInvite.How.valueOf(Attr.string(item, "how")), Attr.person(item, "endedSender"),
                item.containsKey("usedBy") ? Optional.of(Attr.person(item, "usedBy")) : Optional.empty(),
                Attr.string(item, "title"), Attr.time(item, "endedAt"), Attr.time(item, "keepUntil")));
    }

    /** Forgetting a person forgets what became of the invites they sent or used. */
    void deleteEndedOf(ChatAddress person) {
        Condition bySender = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(ENDED_BY_SENDER + PersonKey.of(person)));
        Condition byUser = Condition.equalTo(TableLayout.GSI2_PK, Attr.s(ENDED_BY_USER + PersonKey.of(person)));
        List<Map<String, AttributeValue>> ended = new ArrayList<>(table.query(DynamoTable.queryFor(bySender)
                .indexName(TableLayout.GSI1).build(), 0));
        ended.addAll(table.query(DynamoTable.queryFor(byUser).indexName(TableLayout.GSI2).build(), 0));
        table.deleteAll(ended.stream().map(item -> Attr.string(item, "token")).distinct().map(DynamoInvites::endedKey)
                .toList());
    }

    private static Map<String, AttributeValue> endedKey(String token) {
        return TableLayout.key(ENDED + "#" + token, ENDED);
    }

    /** Forgetting a person takes back the invites they sent. */
    void deleteSentBy(ChatAddress sender) {
        List<Map<String, AttributeValue>> sent = sentBy(sender);
        table.deleteAll(sent.stream().map(item -> byNameKey(invite(item))).toList());
        table.deleteAll(sent.stream().map(item -> key(Attr.string(item, "token"))).toList());
    }

    private List<Map<String, AttributeValue>> sentBy(ChatAddress sender) {
        Condition bySender = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(SENT + PersonKey.of(sender)));
        return table.query(DynamoTable.queryFor(bySender).indexName(TableLayout.GSI1).build(), 0);
    }

    private static Map<String, AttributeValue> opened(Invite invite, ChatAddress friend) {
        return Map.of(FRIEND, Attr.s(PersonKey.of(friend)),
                TableLayout.GSI2_PK, Attr.s(OPENED + PersonKey.of(friend)),
                TableLayout.GSI2_SK, Attr.s(order(invite)));
    }

    /** The item that lists {@code invite}, nobody's yet, by the name it was made for; removed with it by TTL too. */
    private static Map<String, AttributeValue> byName(Invite invite) {
        Map<String, AttributeValue> item = byNameKey(invite);
        item.put(TableLayout.TYPE, Attr.s(BY_NAME));
        item.put("token", Attr.s(invite.token()));
        TableLayout.putGcAfter(item, invite.expiresAt());
        return item;
    }

    private static Map<String, AttributeValue> byNameKey(Invite invite) {
        return TableLayout.key(namePartition(Names.key(invite.friendName())), order(invite));
    }

    private static String namePartition(String friendNameKey) {
        return BY_NAME + "#" + friendNameKey;
    }

    private static String order(Invite invite) {
        return TableLayout.sortableTime(invite.createdAt()) + "#" + invite.token();
    }

    private static Invite invite(Map<String, AttributeValue> item) {
        return new Invite(Attr.string(item, "token"), Attr.person(item, "senderPsid"), Attr.string(item, "friendName"),
                new TrackId(Attr.string(item, "trackId")), Attr.string(item, "title"), Attr.string(item, "pre"),
                Attr.string(item, "post"), Attr.time(item, "createdAt"), Attr.time(item, "expiresAt"),
                item.containsKey(FRIEND) ? Optional.of(Attr.person(item, FRIEND)) : Optional.empty());
    }

    private static Map<String, AttributeValue> key(String token) {
        return TableLayout.key(TYPE + "#" + token, TYPE);
    }
}
