package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.groupSend;
import static app.sendsongs.store.contract.Samples.groupShare;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Songs sent to groups: {@link GroupStore}'s group sends and their single-use summary mark, and
 * {@link ShareStore}'s shares that belong to a group send.
 */
public abstract class GroupSendContract extends StoreFixture {

    @Test
    void aGroupSendComesBackAsInserted() {
        GroupSend send = groupSend("send-1", "g-1", "alice", T0);
        GroupSend summarized = new GroupSend("send-2", "g-1", "Family", "bob", minutes(1), Optional.of(minutes(2)));
        store.insertGroupSend(send);
        store.insertGroupSend(summarized);

        assertThat(store.findGroupSend("send-1")).contains(send);
        assertThat(store.findGroupSend("send-2")).contains(summarized);
        assertThat(store.findGroupSend("send-3")).isEmpty();
    }

    @Test
    void theSummaryMarkIsTakenOnceOnly() {
        GroupSend send = groupSend("send-1", "g-1", "alice", T0);
        store.insertGroupSend(send);

        assertThat(store.markGroupSendSummarized("send-1", minutes(5))).isTrue();
        assertThat(store.markGroupSendSummarized("send-1", minutes(6))).isFalse();

        assertThat(store.findGroupSend("send-1")).contains(new GroupSend("send-1", "g-1", send.groupName(), "alice",
                T0, Optional.of(minutes(5))));
    }

    @Test
    void markingAnUnknownGroupSendIsRefusedAndCreatesNothing() {
        assertThat(store.markGroupSendSummarized("send-none", T0)).isFalse();
        assertThat(store.findGroupSend("send-none")).isEmpty();
    }

    @Test
    void concurrentSummaryMarksHaveOneWinner() {
        store.insertGroupSend(groupSend("send-1", "g-1", "alice", T0));

        List<Boolean> marked = Race.run(16, i -> store.markGroupSendSummarized("send-1", minutes(1 + i)));

        assertThat(marked).containsOnlyOnce(true);
        assertThat(store.findGroupSend("send-1").orElseThrow().summarizedAt())
                .contains(minutes(1 + marked.indexOf(true)));
    }

    @Test
    void aShareOfAGroupSendComesBackWithItsGroupSend() {
        Share share = groupShare("s-1", "send-1", "alice", "bob", T0);
        store.insertShare(share);
        Share delivered = share.delivered(minutes(1), minutes(10_081));

        assertThat(store.findShare("s-1")).contains(share);
        assertThat(store.updateShare(delivered, ShareStatus.HELD)).isTrue();
        assertThat(store.findShare("s-1")).contains(delivered);
        assertThat(store.sharesWatchedFor("bob")).containsExactly(delivered);
    }

    @Test
    void theSharesOfAGroupSendAreEveryMembersShareOfItOnly() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0);
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0).delivered(minutes(1), minutes(10_081));
        Share toDave = groupShare("s-dave", "send-1", "alice", "dave", T0).withStatus(ShareStatus.LEFT_GROUP);
        store.insertShare(toBob);
        store.insertShare(toCarol);
        store.insertShare(toDave);
        store.insertShare(groupShare("s-other", "send-2", "alice", "bob", T0));
        store.insertShare(heldShare("s-direct", "alice", "bob", T0));

        assertThat(store.sharesOfGroupSend("send-1")).containsExactlyInAnyOrder(toBob, toCarol, toDave);
        assertThat(store.sharesOfGroupSend("send-none")).isEmpty();
    }

    @Test
    void theSharesOfAGroupSendFollowStatusChanges() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0).delivered(minutes(1), minutes(10_081));
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0).delivered(minutes(1), minutes(10_081));
        store.insertShare(toBob);
        store.insertShare(toCarol);
        Share played = toBob.played(minutes(3));
        Share left = toCarol.withStatus(ShareStatus.LEFT_GROUP);

        assertThat(store.updateShare(played, ShareStatus.WATCHING)).isTrue();
        assertThat(store.updateShare(left, ShareStatus.WATCHING)).isTrue();

        assertThat(store.sharesOfGroupSend("send-1")).containsExactlyInAnyOrder(played, left);
        assertThat(store.sharesWatchedFor("carol")).isEmpty();
        assertThat(store.openSharesTo("carol")).isEmpty();
    }

    @Test
    void deletingAPersonsSharesTakesTheirGroupSharesOutOfTheGroupSend() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0);
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0);
        store.insertShare(toBob);
        store.insertShare(toCarol);

        store.deleteSharesOf("bob");

        assertThat(store.sharesOfGroupSend("send-1")).containsExactly(toCarol);
    }
}
