package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.group;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Without transactions a group write is several item writes, and a process can stop between two
 * of them. Whatever is left behind, the next call finishes or ignores it: a name claim left by a
 * delete cut short does not block the name, a delete can be run again, and a group send's link
 * to a share that was never written is skipped.
 */
class InterruptedGroupWritesTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    private DynamoTable table;
    private DynamoGroups groups;

    @BeforeEach
    void open() {
        table = new DynamoTable(DYNAMO.client(), DYNAMO.freshTable());
        groups = new DynamoGroups(table, new GroupSendItems(table));
    }

    @Test
    void aNameClaimLeftByADeleteCutShortIsReplaced() {
        groups.createGroup(group("g-1", "alice", "Family", T0));
        table.delete(TableLayout.key("GROUP#g-1", "GROUP"));

        Group again = group("g-2", "alice", "family", T0.plusSeconds(60));
        assertThat(groups.createGroup(again)).isTrue();
        assertThat(groups.createGroup(group("g-3", "alice", "FAMILY", T0.plusSeconds(120)))).isFalse();

        groups.deleteGroup("g-1");
        assertThat(groups.groupsOf(at("alice"))).containsExactly(again);
        assertThat(groups.membersOf("g-1")).isEmpty();
    }

    @Test
    void aDeleteRunAgainAfterTheGroupItemWentFinishesTheMembersAndFreesTheName() {
        groups.createGroup(group("g-1", "alice", "Family", T0));
        groups.addMember(new GroupMember("g-1", at("bob"), T0.plusSeconds(1)));
        table.delete(TableLayout.key("GROUP#g-1", "GROUP"));

        groups.deleteGroup("g-1");

        assertThat(groups.groupsOf(at("alice"))).isEmpty();
        assertThat(groups.groupsOf(at("bob"))).isEmpty();
        assertThat(table.get(TableLayout.key("GROUPNAME#alice", "NAME#family"))).isEmpty();
    }

    @Test
    void aLinkToAShareThatWasNeverWrittenIsSkipped() {
        DynamoShares shares = new DynamoShares(table, new Counters(table));
        Track track = new Track(new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Song", List.of("Artist"),
                Duration.ofMinutes(3), Optional.empty(), Optional.empty());
        Share stored = Share.forGroupMember("s-1", "send-1", at("alice"), at("bob"), track, "", "", T0);
        shares.insertShare(stored);
        Map<String, AttributeValue> lostLink = TableLayout.item(DynamoShares.LINK_TYPE, "GROUPSEND#send-1",
                "SHARE#s-lost");
        lostLink.put("shareId", Attr.s("s-lost"));
        table.put(lostLink);

        assertThat(shares.sharesOfGroupSend("send-1")).containsExactly(stored);
    }
}
