package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
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
        GroupSend summarized = GroupSend.of("send-2", "g-1", "Family", at("bob"), minutes(1)).summarized(minutes(2));
        groups.insertGroupSend(send);
        groups.insertGroupSend(summarized);

        assertThat(groups.findGroupSend("send-1")).contains(send);
        assertThat(groups.findGroupSend("send-2")).contains(summarized);
        assertThat(groups.findGroupSend("send-3")).isEmpty();
    }

    @Test
    void insertingAGroupSendWhoseIdIsStoredKeepsTheFirst() {
        GroupSend send = groupSend("send-1", "g-1", "alice", T0);
        assertThat(groups.insertGroupSend(send)).isTrue();
        groups.markGroupSendSummarized("send-1", minutes(5));

        assertThat(groups.insertGroupSend(groupSend("send-1", "g-2", "bob", minutes(9)))).isFalse();

        assertThat(groups.findGroupSend("send-1")).contains(send.summarized(minutes(5)));
    }

    @Test
    void theSummaryMarkIsTakenOnceOnly() {
        GroupSend send = groupSend("send-1", "g-1", "alice", T0);
        groups.insertGroupSend(send);

        assertThat(groups.markGroupSendSummarized("send-1", minutes(5))).isTrue();
        assertThat(groups.markGroupSendSummarized("send-1", minutes(6))).isFalse();

        assertThat(groups.findGroupSend("send-1")).contains(send.summarized(minutes(5)));
    }

    @Test
    void aGroupSendMovedToAnotherGroupKeepsEverythingElse() {
        GroupSend send = groupSend("send-1", "telegram:-4518810793", "alice", T0);
        groups.insertGroupSend(send);
        groups.markGroupSendSummarized("send-1", minutes(5));

        assertThat(groups.moveGroupSend("send-1", "telegram:-1002471352452")).isTrue();

        assertThat(groups.findGroupSend("send-1")).contains(new GroupSend("send-1", "telegram:-1002471352452",
                send.groupName(), send.sender(), send.sentAt(), Optional.of(minutes(5))));
    }

    @Test
    void movingAnUnknownGroupSendIsRefusedAndCreatesNothing() {
        assertThat(groups.moveGroupSend("send-none", "g-2")).isFalse();
        assertThat(groups.findGroupSend("send-none")).isEmpty();
    }

    @Test
    void markingAnUnknownGroupSendIsRefusedAndCreatesNothing() {
        assertThat(groups.markGroupSendSummarized("send-none", T0)).isFalse();
        assertThat(groups.findGroupSend("send-none")).isEmpty();
    }

    @Test
    void concurrentSummaryMarksHaveOneWinner() {
        groups.insertGroupSend(groupSend("send-1", "g-1", "alice", T0));

        List<Boolean> marked = Race.run(16, i -> groups.markGroupSendSummarized("send-1", minutes(1 + i)));

        assertThat(marked).containsOnlyOnce(true);
        assertThat(groups.findGroupSend("send-1").orElseThrow().summarizedAt())
                .contains(minutes(1 + marked.indexOf(true)));
    }

    @Test
    void aShareOfAGroupSendComesBackWithItsGroupSend() {
        Share share = groupShare("s-1", "send-1", "alice", "bob", T0);
        shares.insertShare(share);
        Share delivered = share.delivered(minutes(1), minutes(10_081));

        assertThat(shares.findShare("s-1")).contains(share);
        assertThat(shares.updateShare(delivered, ShareStatus.HELD)).isTrue();
        assertThat(shares.findShare("s-1")).contains(delivered);
        assertThat(shares.sharesWatchedFor(at("bob"))).containsExactly(delivered);
    }

    @Test
    void theSharesOfAGroupSendAreEveryMembersShareOfItOnly() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0);
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0).delivered(minutes(1), minutes(10_081));
        Share toDave = groupShare("s-dave", "send-1", "alice", "dave", T0).leftGroup();
        shares.insertShare(toBob);
        shares.insertShare(toCarol);
        shares.insertShare(toDave);
        shares.insertShare(groupShare("s-other", "send-2", "alice", "bob", T0));
        shares.insertShare(heldShare("s-direct", "alice", "bob", T0));

        assertThat(shares.sharesOfGroupSend("send-1")).containsExactlyInAnyOrder(toBob, toCarol, toDave);
        assertThat(shares.sharesOfGroupSend("send-none")).isEmpty();
    }

    @Test
    void theSharesOfAGroupSendFollowStatusChanges() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0).delivered(minutes(1), minutes(10_081));
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0).delivered(minutes(1), minutes(10_081));
        shares.insertShare(toBob);
        shares.insertShare(toCarol);
        Share played = toBob.played(minutes(3));
        Share left = toCarol.leftGroup();

        assertThat(shares.updateShare(played, ShareStatus.WATCHING)).isTrue();
        assertThat(shares.updateShare(left, ShareStatus.WATCHING)).isTrue();

        assertThat(shares.sharesOfGroupSend("send-1")).containsExactlyInAnyOrder(played, left);
        assertThat(shares.sharesWatchedFor(at("carol"))).isEmpty();
        assertThat(shares.openSharesTo(at("carol"))).isEmpty();
    }

    @Test
    void aGroupShareAlreadyPlayedOrExpiredCanBeKeptPrivateAfterwardsKeepingTheRest() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0).delivered(minutes(1), minutes(10_081));
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0).delivered(minutes(1), minutes(10_081));
        Share played = toBob.played(minutes(3));
        Share expired = toCarol.expired();
        shares.insertShare(played);
        shares.insertShare(expired);

        assertThat(shares.updateShare(played.withReceiptsOff(), ShareStatus.PLAYED)).isTrue();
        assertThat(shares.updateShare(expired.withReceiptsOff(), ShareStatus.EXPIRED)).isTrue();

        assertThat(shares.sharesOfGroupSend("send-1"))
                .containsExactlyInAnyOrder(played.withReceiptsOff(), expired.withReceiptsOff());
        assertThat(shares.findShare("s-bob").orElseThrow().playedAt()).contains(minutes(3));
        assertThat(shares.sharesReceivedBy(at("carol"))).containsExactly(expired.withReceiptsOff());
        assertThat(shares.openSharesTo(at("bob"))).isEmpty();
    }

    @Test
    void deletingAPersonsSharesTakesTheirGroupSharesOutOfTheGroupSend() {
        Share toBob = groupShare("s-bob", "send-1", "alice", "bob", T0);
        Share toCarol = groupShare("s-carol", "send-1", "alice", "carol", T0);
        shares.insertShare(toBob);
        shares.insertShare(toCarol);

        shares.deleteSharesOf(at("bob"));

        assertThat(shares.sharesOfGroupSend("send-1")).containsExactly(toCarol);
    }
}
