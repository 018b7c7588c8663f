package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
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
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStore::createTable);

    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    private DynamoTable table;
    private GroupItems groups;

    @BeforeEach
    void open() {
        table = new DynamoTable(DYNAMO.client(), DYNAMO.freshTable());
        groups = new GroupItems(table);
    }

    @Test
    void aNameClaimLeftByADeleteCutShortIsReplaced() {
        groups.create(new Group("g-1", "alice", "Family", T0));
        table.delete(TableLayout.key("GROUP#g-1", "GROUP"));

        Group again = new Group("g-2", "alice", "family", T0.plusSeconds(60));
        assertThat(groups.create(again)).isTrue();
        assertThat(groups.create(new Group("g-3", "alice", "FAMILY", T0.plusSeconds(120)))).isFalse();

        groups.delete("g-1");
        assertThat(groups.of("alice")).containsExactly(again);
        assertThat(groups.membersOf("g-1")).isEmpty();
    }

    @Test
    void aDeleteRunAgainAfterTheGroupItemWentFinishesTheMembersAndFreesTheName() {
        groups.create(new Group("g-1", "alice", "Family", T0));
        groups.addMember(new GroupMember("g-1", "bob", T0.plusSeconds(1)));
        table.delete(TableLayout.key("GROUP#g-1", "GROUP"));

        groups.delete("g-1");

        assertThat(groups.of("alice")).isEmpty();
        assertThat(groups.of("bob")).isEmpty();
        assertThat(table.get(TableLayout.key("GROUPNAME#alice", "NAME#family"))).isEmpty();
    }

    @Test
    void aLinkToAShareThatWasNeverWrittenIsSkipped() {
        ShareItems shares = new ShareItems(table, new Counters(table));
        Track track = new Track(new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Song", List.of("Artist"),
                Duration.ofMinutes(3), Optional.empty(), Optional.empty());
        Share stored = new Share("s-1", "alice", "bob", track, "", "", T0, Optional.empty(), Optional.empty(),
                ShareStatus.HELD, Optional.empty(), false, Optional.of("send-1"));
        shares.insert(stored);
        Map<String, AttributeValue> lostLink = TableLayout.item(ShareItems.LINK_TYPE, "GROUPSEND#send-1",
                "SHARE#s-lost");
        lostLink.put("shareId", Attr.s("s-lost"));
        table.put(lostLink);

        assertThat(shares.ofGroupSend("send-1")).containsExactly(stored);
    }
}
