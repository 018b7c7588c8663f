package app.sendsongs.store.dynamodb;

import app.sendsongs.core.groupchat.ChatSong;
import app.sendsongs.core.groupchat.CountedMember;
import app.sendsongs.core.groupchat.GroupChatStore;
import app.sendsongs.core.groupchat.WaitingTap;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who is counted in for each group chat, and the chat messages of songs. A counted-in person is
 * {@code CHATMEMBER#<chat>} / {@code MEMBER#<person>} (both {@link PersonKey}s), a conditional put so a person is
 * counted in once, with the chat's {@code title} as last learnt (none on an item written before titles were kept);
 * the chat's list is one strongly consistent query of its partition, and a person's chats are one
 * {@code gsi1} query under {@code CHATMEMBEROF#<person>}. Those counted in when the bot left a chat are kept as
 * {@code CHATKEPT#<chat>} / {@code MEMBER#<person>} with {@code keptUntil}, in the due index under {@code PURGE} at
 * that time (the hourly purge removes them) and in {@code gsi1} under {@code CHATKEPTOF#<person>} (to forget them). A song's chat message is {@code CHATSONG#<group send id>} /
 * {@code CHATSONG}; while its update is due it is in the {@code due} index under {@code CHATSONG}, and while it waits
 * for the bot to be added back to its chat, in {@code gsi1} under {@code CHATSONGAWAITING#<chat>}. The chat's topic
 * it is posted in, if any, is its {@code topic} (an item written before topics were kept has none: it is in the chat).
 * A Count me in tapped by someone not connected yet is {@code CHATTAP#<person>} / {@code CHATTAP}, in the due index
 * under {@code PURGE} at its expiry, so the hourly purge removes it.
 */
final class DynamoGroupChats implements GroupChatStore {
    static final String MEMBER_TYPE = "CHATMEMBER";
    static final String SONG_TYPE = "CHATSONG";
    static final String TAP_TYPE = "CHATTAP";
    static final String KEPT_TYPE = "CHATKEPT";
    private static final String KEPT_OF = "CHATKEPTOF#";
    private static final String KEPT_UNTIL = "keptUntil";
    private static final String TITLE = "title";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String MEMBER = "MEMBER#";
    private static final String MEMBER_OF = "CHATMEMBEROF#";
    private static final String AWAITING_BOT_IN = "CHATSONGAWAITING#";
    private static final String CHAT = "chat";
    private static final String PERSON = "person";
    private static final String JOINED_AT = "joinedAt";
    private static final String SEND_ID = "groupSendId";
    private static final String MESSAGE_REF = "messageRef";
    private static final String TOPIC = "topic";

    private static final Comparator<CountedMember> BY_JOINED = Comparator.comparing(CountedMember::joinedAt);

    private final DynamoTable table;
    private final DueIndex due;

    DynamoGroupChats(DynamoTable table, DueIndex due) {
        this.table = table;
        this.due = due;
    }

    @Override
    public boolean addMember(CountedMember member) {
        return table.putIf(memberItem(member), Condition.attributeNotExists(TableLayout.PK));
    }

    @Override
    public boolean removeMember(ChatAddress chat, ChatAddress person) {
        return table.take(memberKey(chat, person)).isPresent();
    }

    @Override
    public List<CountedMember> membersOf(ChatAddress chat) {
        return memberItems(chat).stream().map(DynamoGroupChats::member)
                .sorted(BY_JOINED.thenComparing(member -> member.person().key())).toList();
    }

    @Override
    public List<CountedMember> chatsOf(ChatAddress person) {
        Condition ofPerson = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(MEMBER_OF + PersonKey.of(person)));
        return table.query(DynamoTable.queryFor(ofPerson).indexName(TableLayout.GSI1).build(), 0).stream()
                .map(DynamoGroupChats::member).sorted(BY_JOINED.thenComparing(member -> member.chat().key()))
                .toList();
    }

    @Override
    public void removeChat(ChatAddress chat) {
        table.deleteAll(memberItems(chat).stream().map(DynamoGroupChats::keyOf).toList());
    }

    @Override
    public void retitle(ChatAddress chat, String title) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(memberItems(chat));
        items.addAll(keptItems(chat));
        // only an item still there: a person counted out meanwhile is not counted in again by a rename
        items.forEach(item -> table.updateIf(keyOf(item), new Update().set(TITLE, Attr.s(title)),
                Condition.attributeExists(TableLayout.PK)));
    }

    /** Each is kept before they are counted out, so a run cut short and done again keeps whoever is left. */
    @Override
    public void keepMembers(ChatAddress chat, Instant keptUntil) {
        List<Map<String, AttributeValue>> members = memberItems(chat);
        table.putAll(members.stream().map(item -> keptItem(member(item), keptUntil)).toList());
        table.deleteAll(members.stream().map(DynamoGroupChats::keyOf).toList());
    }

    @Override
    public List<CountedMember> keptMembersOf(ChatAddress chat, Instant now) {
        return keptItems(chat).stream().filter(item -> Attr.time(item, KEPT_UNTIL).isAfter(now))
                .map(DynamoGroupChats::member).sorted(BY_JOINED.thenComparing(member -> member.person().key()))
                .toList();
    }

    @Override
    public List<CountedMember> chatsKeptFor(ChatAddress person, Instant now) {
        return keptItemsOf(person).stream().filter(item -> Attr.time(item, KEPT_UNTIL).isAfter(now))
                .map(DynamoGroupChats::member).sorted(BY_JOINED.thenComparing(member -> member.chat().key()))
                .toList();
    }

    private List<Map<String, AttributeValue>> keptItemsOf(ChatAddress person) {
        Condition ofPerson = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(KEPT_OF + PersonKey.of(person)));
        return table.query(DynamoTable.queryFor(ofPerson).indexName(TableLayout.GSI1).build(), 0);
    }

    @Override
    public void dropKept(ChatAddress chat) {
        table.deleteAll(keptItems(chat).stream().map(DynamoGroupChats::keyOf).toList());
    }

    private List<Map<String, AttributeValue>> keptItems(ChatAddress chat) {
        Condition inChat = Condition.equalTo(TableLayout.PK, Attr.s(KEPT_TYPE + "#" + PersonKey.of(chat)));
        return table.query(DynamoTable.queryFor(inChat).consistentRead(true).build(), 0);
    }

    private static Map<String, AttributeValue> keptItem(CountedMember member, Instant keptUntil) {
        String chat = PersonKey.of(member.chat());
        String person = PersonKey.of(member.person());
        Map<String, AttributeValue> item = TableLayout.item(KEPT_TYPE, KEPT_TYPE + "#" + chat, MEMBER + person);
        putMember(item, member);
        item.put(KEPT_UNTIL, Attr.time(keptUntil));
        item.put(TableLayout.GSI1_PK, Attr.s(KEPT_OF + person));
        item.put(TableLayout.GSI1_SK, Attr.s(chat));
        TableLayout.putDue(item, Purge.KIND, KEPT_TYPE + "#" + chat + "#" + person, keptUntil);
        TableLayout.putGcAfter(item, keptUntil);
        return item;
    }

    /** Counts the person out of every chat (forgetting them), and a tap and memberships kept for them go. */
    void forget(ChatAddress person) {
        table.deleteAll(chatsOf(person).stream().map(member -> memberKey(member.chat(), person)).toList());
        table.deleteAll(keptItemsOf(person).stream().map(DynamoGroupChats::keyOf).toList());
        dropTap(person);
    }

    @Override
    public void keepTap(WaitingTap tap) {
        String person = PersonKey.of(tap.person());
        Map<String, AttributeValue> item = TableLayout.item(TAP_TYPE, TAP_TYPE + "#" + person, TAP_TYPE);
        item.put(PERSON, Attr.person(tap.person()));
        item.put(CHAT, Attr.person(tap.chat()));
        item.put(EXPIRES_AT, Attr.time(tap.expiresAt()));
        TableLayout.putDue(item, Purge.KIND, TAP_TYPE + "#" + person, tap.expiresAt());
        TableLayout.putGcAfter(item, tap.expiresAt());
        table.put(item);
    }

    @Override
    public Optional<WaitingTap> waitingTap(ChatAddress person) {
        return table.get(tapKey(person)).map(item -> new WaitingTap(Attr.person(item, PERSON),
                Attr.person(item, CHAT), Attr.time(item, EXPIRES_AT)));
    }

    @Override
    public void dropTap(ChatAddress person) {
        table.delete(tapKey(person));
    }

    private static Map<String, AttributeValue> tapKey(ChatAddress person) {
        return TableLayout.key(TAP_TYPE + "#" + PersonKey.of(person), TAP_TYPE);
    }

    @Override
    public void saveChatSong(ChatSong song) {
        Map<String, AttributeValue> item = TableLayout.item(SONG_TYPE, songPartition(song.groupSendId()), SONG_TYPE);
        item.put(SEND_ID, Attr.s(song.groupSendId()));
        item.put(CHAT, Attr.person(song.chat()));
        song.messageRef().ifPresent(ref -> item.put(MESSAGE_REF, Attr.s(ref)));
        song.topic().ifPresent(topic -> item.put(TOPIC, Attr.s(topic)));
        song.updateDueAt().ifPresent(at -> TableLayout.putDue(item, SONG_TYPE, song.groupSendId(), at));
        if (song.awaitingBot()) {
            item.put(TableLayout.GSI1_PK, Attr.s(AWAITING_BOT_IN + PersonKey.of(song.chat())));
            item.put(TableLayout.GSI1_SK, Attr.s(song.groupSendId()));
        }
        table.put(item);
    }

    @Override
    public Optional<ChatSong> findChatSong(String groupSendId) {
        return table.get(songKey(groupSendId)).map(DynamoGroupChats::song);
    }

    @Override
    public List<ChatSong> chatSongsDue(Instant now, int limit) {
        return due.dueBy(SONG_TYPE, now, limit).stream().limit(limit).map(DynamoGroupChats::song).toList();
    }

    @Override
    public void deleteChatSong(String groupSendId) {
        table.delete(songKey(groupSendId));
    }

    @Override
    public List<ChatSong> chatSongsAwaitingBot(ChatAddress chat) {
        Condition inChat = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(AWAITING_BOT_IN + PersonKey.of(chat)));
        return table.query(DynamoTable.queryFor(inChat).indexName(TableLayout.GSI1).build(), 0).stream()
                .map(DynamoGroupChats::song).toList();
    }

    private List<Map<String, AttributeValue>> memberItems(ChatAddress chat) {
        Condition inChat = Condition.equalTo(TableLayout.PK, Attr.s(memberPartition(chat)));
        return table.query(DynamoTable.queryFor(inChat).consistentRead(true).build(), 0);
    }

    private static String memberPartition(ChatAddress chat) {
        return MEMBER_TYPE + "#" + PersonKey.of(chat);
    }

    private static String songPartition(String groupSendId) {
        return SONG_TYPE + "#" + groupSendId;
    }

    private static Map<String, AttributeValue> memberKey(ChatAddress chat, ChatAddress person) {
        return TableLayout.key(memberPartition(chat), MEMBER + PersonKey.of(person));
    }

    private static Map<String, AttributeValue> songKey(String groupSendId) {
        return TableLayout.key(songPartition(groupSendId), SONG_TYPE);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return TableLayout.key(Attr.string(item, TableLayout.PK), Attr.string(item, TableLayout.SK));
    }

    private static Map<String, AttributeValue> memberItem(CountedMember member) {
        Map<String, AttributeValue> item = TableLayout.item(MEMBER_TYPE, memberPartition(member.chat()),
                MEMBER + PersonKey.of(member.person()));
        putMember(item, member);
        item.put(TableLayout.GSI1_PK, Attr.s(MEMBER_OF + PersonKey.of(member.person())));
        item.put(TableLayout.GSI1_SK, Attr.s(TableLayout.sortableTime(member.joinedAt()) + "#"
                + PersonKey.of(member.chat())));
        return item;
    }

    private static void putMember(Map<String, AttributeValue> item, CountedMember member) {
        item.put(CHAT, Attr.person(member.chat()));
        item.put(PERSON, Attr.person(member.person()));
        item.put(JOINED_AT, Attr.time(member.joinedAt()));
        member.title().ifPresent(title -> item.put(TITLE, Attr.s(title)));
    }

    private static CountedMember member(Map<String, AttributeValue> item) {
        return new CountedMember(Attr.person(item, CHAT), Attr.person(item, PERSON), Attr.time(item, JOINED_AT),
                Attr.optionalString(item, TITLE));
    }

    private static ChatSong song(Map<String, AttributeValue> item) {
        return new ChatSong(Attr.string(item, SEND_ID), Attr.person(item, CHAT),
                Attr.optionalString(item, MESSAGE_REF), Attr.optionalTime(item, TableLayout.DUE_AT),
                item.containsKey(TableLayout.GSI1_PK), Attr.optionalString(item, TOPIC));
    }
}
