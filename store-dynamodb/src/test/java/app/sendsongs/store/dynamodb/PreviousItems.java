package app.sendsongs.store.dynamodb;

import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.TokenCipher;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items exactly as the store wrote them before people had chat addresses (the classes
 * {@code UserItems}, {@code ShareItems}, {@code WatchItems}, {@code OutboxItems}, {@code ChoiceItems},
 * {@code GroupItems}, {@code GroupSendItems}, {@code InboundItems} and {@code Counters}): a person is
 * their bare Messenger page-scoped id everywhere. Spelled out attribute by attribute with the SDK,
 * not built with the store's own code, so a change of the store's format cannot hide here.
 */
final class PreviousItems {
    private final DynamoDbClient client;
    private final String table;
    private final TokenCipher cipher;

    PreviousItems(DynamoDbClient client, String table, TokenCipher cipher) {
        this.client = client;
        this.table = table;
        this.cipher = cipher;
    }

    /** A registered person with a Spotify grant whose tokens are {@code access-<psid>} and {@code refresh-<psid>}. */
    void user(String psid, String name, Instant registeredAt, Instant lastMessageAt) {
        put(Item.of("USER#" + psid, "USER", "USER").s("psid", psid).s("name", name)
                .s("gsi1pk", "NAME#" + Names.key(name)).s("gsi1sk", sortable(registeredAt) + "#" + psid)
                .s("spotifyAccountId", "spotify-" + psid).s("accessToken", cipher.seal("access-" + psid))
                .time("accessTokenExpiresAt", registeredAt.plusSeconds(3600))
                .s("refreshToken", cipher.seal("refresh-" + psid)).s("grantState", "ACTIVE")
                .time("registeredAt", registeredAt).time("lastMessageAt", lastMessageAt));
    }

    /** A share still held (never delivered), the {@code seq}-th its sender sent. */
    void heldShare(String id, String sender, String receiver, Instant createdAt, long seq) {
        put(share(id, sender, receiver, createdAt, "HELD", seq).s("gsi2sk", "OPEN#H#" + sortable(createdAt)));
    }

    /** A share delivered at {@code deliveredAt} and watched for a week. */
    void watchingShare(String id, String sender, String receiver, Instant createdAt, Instant deliveredAt, long seq) {
        put(share(id, sender, receiver, createdAt, "WATCHING", seq).time("deliveredAt", deliveredAt)
                .time("expiresAt", deliveredAt.plusSeconds(7 * 24 * 3600))
                .s("gsi2sk", "OPEN#W#" + sortable(deliveredAt)));
    }

    /** A share played a minute after its delivery, with an ISRC and a relinked id. */
    void playedShare(String id, String sender, String receiver, Instant createdAt, long seq) {
        put(share(id, sender, receiver, createdAt, "PLAYED", seq).time("deliveredAt", createdAt)
                .time("expiresAt", createdAt.plusSeconds(7 * 24 * 3600)).time("playedAt", createdAt.plusSeconds(60))
                .s("trackIsrc", "USSM10603618").s("trackLinkedFrom", "0a1B2c3D4e5F6g7H8i9J0k")
                .s("gsi2sk", "DONE#" + sortable(createdAt)));
    }

    /** A member's share of a group send, held, with the link from the send's partition written first. */
    void groupShare(String id, String sendId, String sender, String receiver, Instant createdAt, long seq) {
        put(Item.of("GROUPSEND#" + sendId, "SHARE#" + id, "GROUPSEND_SHARE").s("shareId", id));
        put(share(id, sender, receiver, createdAt, "HELD", seq).s("groupSendId", sendId)
                .s("gsi2sk", "OPEN#H#" + sortable(createdAt)));
    }

    /** The sender's counter after {@code sent} shares and {@code held} held messages. */
    void counters(String psid, long sent, long held) {
        put(Item.of("COUNTERS#" + psid, "COUNTERS", "COUNTERS").n("sentShares", sent).n("heldMessages", held));
    }

    void watch(String receiver, Instant dueAt, Instant checkedThrough, long version) {
        put(Item.of("WATCH#" + receiver, "WATCH", "WATCH").s("receiverPsid", receiver)
                .s("dueShard", shard("WATCH", receiver)).time("dueAt", dueAt)
                .time("checkedThrough", checkedThrough).n("version", version));
    }

    /** A held message of text only, waiting for its person, with its pointer. */
    void held(String id, String psid, String text, Instant heldAt, long seq) {
        put(heldMessage(id, psid, text, heldAt, seq));
        put(Item.of("HELD#" + id, "HELD", "HELD_ID").s("psid", psid).n("seq", seq));
    }

    /** A held message of text only, to be retried at {@code retryAt}, for a song delivery. */
    void heldForRetry(String id, String psid, String text, Instant heldAt, long seq, Instant retryAt, String shareId) {
        put(heldMessage(id, psid, text, heldAt, seq).time("retryAt", retryAt).s("dueShard", shard("RETRY", psid))
                .time("dueAt", retryAt).s("shareId", shareId));
        put(Item.of("HELD#" + id, "HELD", "HELD_ID").s("psid", psid).n("seq", seq));
    }

    void choice(String psid, String commandText, List<String> candidates, Instant expiresAt) {
        put(Item.of("CHOICE#" + psid, "CHOICE", "CHOICE").s("psid", psid).s("commandText", commandText)
                .list("candidatePsids", candidates).time("expiresAt", expiresAt)
                .s("dueShard", shard("PURGE", psid)).time("dueAt", expiresAt).gcAfter(expiresAt));
    }

    /** A group with its owner's membership and the owner's claim on its name. */
    void group(String id, String owner, String name, Instant createdAt) {
        put(group(Item.of("GROUP#" + id, "GROUP", "GROUP"), id, owner, name, createdAt));
        member(id, owner, name, createdAt, owner, createdAt);
        put(Item.of("GROUPNAME#" + owner, "NAME#" + Names.key(name), "GROUPNAME").s("groupId", id));
    }

    /** A membership, carrying its group's fields. */
    void member(String groupId, String owner, String name, Instant createdAt, String member, Instant joinedAt) {
        put(group(Item.of("GROUP#" + groupId, "MEMBER#" + member, "GROUP_MEMBER"), groupId, owner, name, createdAt)
                .s("memberPsid", member).time("joinedAt", joinedAt).s("gsi1pk", "MEMBER#" + member)
                .s("gsi1sk", sortable(createdAt) + "#" + groupId));
    }

    void groupSend(String id, String groupId, String groupName, String sender, Instant sentAt) {
        put(Item.of("GROUPSEND#" + id, "GROUPSEND", "GROUPSEND").s("id", id).s("groupId", groupId)
                .s("groupName", groupName).s("senderPsid", sender).time("sentAt", sentAt)
                .s("gsi1pk", "GROUPSENT#" + sender).s("gsi1sk", sortable(sentAt) + "#" + id));
    }

    /** A webhook message id seen at {@code seenAt}, keyed by the bare {@code mid}. */
    void messageId(String mid, Instant seenAt) {
        put(Item.of("MID#" + mid, "MID", "MID").s("mid", mid).time("seenAt", seenAt)
                .s("dueShard", shard("PURGE", mid)).time("dueAt", seenAt).gcAfter(seenAt));
    }

    /** The stored item with this key, or null. */
    Map<String, AttributeValue> get(String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Item share(String id, String sender, String receiver, Instant createdAt, String status, long seq) {
        return Item.of("SHARE#" + id, "SHARE", "SHARE").s("id", id).s("senderPsid", sender)
                .s("receiverPsid", receiver).s("trackId", "4uLU6hMCjMI75M1A2tKUQC")
                .s("trackName", "Never Gonna Give You Up").list("trackArtists", List.of("Rick Astley"))
                .n("trackDurationMs", 213_573).s("pre", "you'll love the bridge").s("post", "told you!")
                .time("createdAt", createdAt).s("status", status).bool("uncertain", false)
                .s("gsi1pk", "SENT#" + sender).s("gsi1sk", sortable(createdAt)).s("gsi2pk", "RECEIVED#" + receiver)
                .n("seq", seq);
    }

    private static Item heldMessage(String id, String psid, String text, Instant heldAt, long seq) {
        return Item.of("OUTBOX#" + psid, "HELD#" + id, "HELD").s("id", id).s("psid", psid).s("text", text)
                .time("heldAt", heldAt).n("seq", seq);
    }

    private static Item group(Item item, String id, String owner, String name, Instant createdAt) {
        return item.s("groupId", id).s("ownerPsid", owner).s("name", name).time("createdAt", createdAt);
    }

    private static String sortable(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }

    private static String shard(String kind, String id) {
        return kind + "#" + Math.floorMod(id.hashCode(), 4);
    }

    private void put(Item item) {
        client.putItem(r -> r.tableName(table).item(item.attributes));
    }

    /** One item's attributes, added one by one. */
    private static final class Item {
        private final Map<String, AttributeValue> attributes = new HashMap<>();

        static Item of(String pk, String sk, String type) {
            return new Item().s("pk", pk).s("sk", sk).s("type", type);
        }

        Item s(String name, String value) {
            attributes.put(name, AttributeValue.fromS(value));
            return this;
        }

        Item n(String name, long value) {
            attributes.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        Item time(String name, Instant value) {
            return n(name, value.toEpochMilli());
        }

        Item bool(String name, boolean value) {
            attributes.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Item list(String name, List<String> values) {
            attributes.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
            return this;
        }

        Item gcAfter(Instant expired) {
            return n("gcAfter", expired.plusSeconds(2 * 24 * 3600).getEpochSecond());
        }
    }
}
