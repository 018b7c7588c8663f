package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.FULL_TRACK;
import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static app.sendsongs.store.contract.Samples.share;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.Exchange;
import app.sendsongs.core.share.SendRecord;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ShareStore}: shares by id, by sender and by receiver, and status changes as conditional writes. */
public abstract class ShareStoreContract extends StoreFixture {

    @Test
    void unknownShareIsNotFound() {
        shares.insertShare(heldShare("s-1", "alice", "bob", T0));

        assertThat(shares.findShare("s-2")).isEmpty();
    }

    @Test
    void newShareComesBackAsInserted() {
        Share share = heldShare("s-1", "alice", "bob", T0);
        shares.insertShare(share);

        assertThat(shares.findShare("s-1")).contains(share);
    }

    @Test
    void insertingAnIdAlreadyStoredKeepsTheFirstShare() {
        Share first = heldShare("s-1", "alice", "bob", T0);
        assertThat(shares.insertShare(first)).isTrue();
        shares.updateShare(first.delivered(minutes(1), minutes(100)), ShareStatus.HELD);

        assertThat(shares.insertShare(heldShare("s-1", "carol", "dan", minutes(5)))).isFalse();

        assertThat(shares.findShare("s-1")).contains(first.delivered(minutes(1), minutes(100)));
        assertThat(shares.sharesSentBy(at("carol"))).isEmpty();
    }

    @Test
    void concurrentInsertsOfOneIdStoreOneShare() {
        List<Boolean> inserted = Race.run(16, i -> shares.insertShare(heldShare("s-1", "alice", "bob", minutes(i))));

        assertThat(inserted).containsOnlyOnce(true);
        assertThat(shares.sharesSentBy(at("alice"))).hasSize(1);
    }

    @Test
    void anUndeliveredShareComesBackAndIsNoLongerOpen() {
        Share share = share("s-1", "alice", "bob", T0, ShareStatus.UNDELIVERED);
        shares.insertShare(share);

        assertThat(shares.findShare("s-1")).contains(share);
        assertThat(shares.openSharesTo(at("bob"))).isEmpty();
        assertThat(shares.sharesSentBy(at("alice"))).containsExactly(share);
    }

    @Test
    void shareWithEveryOptionalFieldComesBackAsInserted() {
        Share share = Share.stored("s-full", at("alice"), onTelegram("bob"), FULL_TRACK, T0, ShareStatus.PLAYED)
                .notes("", "line one\nline “two” 🎧").groupSend("group-send-1")
                .delivered(minutes(1), minutes(10_080)).playedAt(minutes(7)).uncertain(true).build();
        shares.insertShare(share);

        assertThat(shares.findShare("s-full")).contains(share);
    }

    @Test
    void updateFromTheExpectedStatusReplacesTheShare() {
        Share held = heldShare("s-1", "alice", "bob", T0);
        shares.insertShare(held);
        Share delivered = held.delivered(minutes(1), minutes(10_081));

        assertThat(shares.updateShare(delivered, ShareStatus.HELD)).isTrue();
        assertThat(shares.findShare("s-1")).contains(delivered);

        Share uncertain = delivered.markedUncertain();
        assertThat(shares.updateShare(uncertain, ShareStatus.WATCHING)).isTrue();
        assertThat(shares.findShare("s-1")).contains(uncertain);
    }

    @Test
    void updateFromAnotherStatusIsRefusedAndChangesNothing() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        shares.insertShare(watching);

        assertThat(shares.updateShare(watching.cancelled(), ShareStatus.HELD)).isFalse();
        assertThat(shares.updateShare(watching.played(minutes(3)), ShareStatus.PLAYED)).isFalse();
        assertThat(shares.findShare("s-1")).contains(watching);
    }

    @Test
    void updateOfAnUnknownShareIsRefusedAndCreatesNothing() {
        Share never = heldShare("never", "alice", "bob", T0);

        assertThat(shares.updateShare(never.delivered(minutes(1), minutes(2)), ShareStatus.HELD)).isFalse();
        assertThat(shares.findShare("never")).isEmpty();
        assertThat(shares.sharesSentBy(at("alice"))).isEmpty();
    }

    @Test
    void concurrentUpdatesFromOneStatusHaveOneWinner() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        shares.insertShare(watching);

        List<Boolean> won = Race.run(16,
                i -> shares.updateShare(watching.played(minutes(2 + i)), ShareStatus.WATCHING));

        assertThat(won).containsOnlyOnce(true);
        Share stored = shares.findShare("s-1").orElseThrow();
        assertThat(stored).isEqualTo(watching.played(minutes(2 + won.indexOf(true))));
    }

    @Test
    void sharesSentByAPersonComeNewestFirst() {
        Share oldest = heldShare("s-old", "alice", "bob", minutes(-10));
        Share newest = heldShare("s-new", "alice", "carol", minutes(10));
        Share middle = share("s-mid", "alice", "bob", T0, ShareStatus.PLAYED);
        shares.insertShare(middle);
        shares.insertShare(oldest);
        shares.insertShare(heldShare("s-bobs", "bob", "alice", T0));
        shares.insertShare(newest);

        assertThat(shares.sharesSentBy(at("alice"))).containsExactly(newest, middle, oldest);
        assertThat(shares.sharesSentBy(at("carol"))).isEmpty();
    }

    @Test
    void sharesSentSinceATimeAreThoseFromThatTimeOnNewestFirst() {
        Share before = heldShare("s-before", "alice", "bob", minutes(-1));
        Share atTheTime = share("s-at", "alice", "bob", T0, ShareStatus.EXPIRED);
        Share after = heldShare("s-after", "alice", "carol", minutes(5));
        shares.insertShare(after);
        shares.insertShare(before);
        shares.insertShare(atTheTime);
        shares.insertShare(heldShare("s-bobs", "bob", "alice", minutes(3)));

        assertThat(shares.sharesSentSince(at("alice"), T0)).containsExactly(after, atTheTime);
        assertThat(shares.sharesSentSince(at("alice"), minutes(6))).isEmpty();
        assertThat(shares.sharesSentSince(onTelegram("alice"), minutes(-10))).isEmpty();
    }

    @Test
    void sharesKeptPrivateOrCancelledSinceATimeAreThoseWhoseReceiverKeptTheirPlaysOrThatTheSenderStoppedNewestFirst() {
        Share before = heldShare("s-before", "alice", "bob", minutes(-1)).withReceiptsOff();
        Share atTheTime = share("s-at", "alice", "bob", T0, ShareStatus.EXPIRED).withReceiptsOff();
        Share shared = heldShare("s-shared", "alice", "carol", minutes(2));
        Share cancelled = share("s-cancelled", "alice", "carol", minutes(3), ShareStatus.CANCELLED);
        Share watched = share("s-watched", "alice", "bob", minutes(4), ShareStatus.WATCHING);
        Share after = heldShare("s-after", "alice", "carol", minutes(5)).withReceiptsOff();
        for (Share share : List.of(after, before, shared, watched, cancelled, atTheTime,
                heldShare("s-bobs", "bob", "alice", minutes(3)).withReceiptsOff(),
                share("s-bobs-cancelled", "bob", "alice", minutes(4), ShareStatus.CANCELLED))) {
            shares.insertShare(share);
        }

        assertThat(shares.keptPrivateOrCancelledSentSince(at("alice"), T0)).containsExactly(after, cancelled,
                atTheTime);
        assertThat(shares.keptPrivateOrCancelledSentSince(at("alice"), minutes(6))).isEmpty();
        assertThat(shares.keptPrivateOrCancelledSentSince(at("carol"), minutes(-10))).isEmpty();
        assertThat(shares.keptPrivateOrCancelledSentSince(onTelegram("alice"), minutes(-10))).isEmpty();
    }

    @Test
    void theLatestShareReceivedIsTheNewestWhoeverSentIt() {
        assertThat(shares.latestReceivedBy(at("bob"))).isEmpty();
        Share first = heldShare("s-first", "alice", "bob", minutes(1));
        Share latest = heldShare("s-latest", "carol", "bob", minutes(2));
        for (Share share : List.of(latest, first, heldShare("s-bobs", "bob", "alice", minutes(3)))) {
            shares.insertShare(share);
        }

        assertThat(shares.latestReceivedBy(at("bob"))).contains(latest);
        assertThat(shares.latestReceivedBy(onTelegram("bob"))).isEmpty();
    }

    @Test
    void sendsSinceATimeAreTheSharesSentSinceThenAsTheLimitsCountThem() {
        Share before = heldShare("s-before", "alice", "bob", minutes(-1));
        Share atTheTime = share("s-at", "alice", "bob", T0, ShareStatus.EXPIRED);
        Share ofGroupSend = Share.stored("s-group", at("alice"), onTelegram("carol"), FULL_TRACK, minutes(5),
                ShareStatus.HELD).groupSend("group-send-1").build();
        for (Share share : List.of(ofGroupSend, before, atTheTime, heldShare("s-bobs", "bob", "alice", minutes(3)))) {
            shares.insertShare(share);
        }

        assertThat(shares.sendsSince(at("alice"), T0)).containsExactly(
                new SendRecord("s-group", onTelegram("carol"), minutes(5), Optional.of("group-send-1")),
                new SendRecord("s-at", at("bob"), T0, Optional.empty()));
        assertThat(shares.sendsSince(at("alice"), minutes(6))).isEmpty();
        assertThat(shares.sendsSince(onTelegram("alice"), minutes(-10))).isEmpty();
    }

    @Test
    void sharesReceivedByAPersonAreAllOfThemWhateverBecameOfThemNewestFirst() {
        Share held = heldShare("s-held", "alice", "bob", minutes(3));
        Share played = share("s-played", "carol", "bob", minutes(1), ShareStatus.PLAYED);
        Share watching = watchingShare("s-watching", "alice", "bob", minutes(2), minutes(2));
        Share cancelled = share("s-cancelled", "dan", "bob", minutes(-5), ShareStatus.CANCELLED);
        for (Share share : List.of(played, cancelled, held, watching, heldShare("s-other", "bob", "alice", T0))) {
            shares.insertShare(share);
        }

        assertThat(shares.sharesReceivedBy(at("bob"))).containsExactly(held, watching, played, cancelled);
        assertThat(shares.sharesReceivedBy(onTelegram("bob"))).isEmpty();
    }

    @Test
    void aSendersOpenSharesAreTheHeldAndWatchedOnesOldestFirst() {
        Share held = heldShare("s-held", "alice", "bob", minutes(3));
        Share watching = watchingShare("s-watching", "alice", "carol", minutes(1), minutes(2));
        for (Share share : List.of(held, watching, share("s-played", "alice", "bob", minutes(2), ShareStatus.PLAYED),
                share("s-cancelled", "alice", "dan", T0, ShareStatus.CANCELLED),
                heldShare("s-bobs", "bob", "alice", T0))) {
            shares.insertShare(share);
        }

        assertThat(shares.openSharesSentBy(at("alice"))).containsExactly(watching, held);
        assertThat(shares.updateShare(held.cancelled(), ShareStatus.HELD)).isTrue();
        assertThat(shares.openSharesSentBy(at("alice"))).as("no longer open").containsExactly(watching);
        assertThat(shares.openSharesSentBy(onTelegram("alice"))).isEmpty();
    }

    /** A cancel undone: the share goes from cancelled back to watched, and is open and watched again everywhere. */
    @Test
    void aCancelledShareWatchedAgainIsOpenAndWatchedAgain() {
        Share watching = watchingShare("s-again", "alice", "bob", minutes(1), minutes(2));
        shares.insertShare(watching);
        Share cancelled = watching.cancelled();
        assertThat(shares.updateShare(cancelled, ShareStatus.WATCHING)).isTrue();
        assertThat(shares.sharesWatchedFor(at("bob"))).isEmpty();

        assertThat(shares.updateShare(cancelled.watchedAgain(), ShareStatus.CANCELLED)).isTrue();

        assertThat(shares.findShare("s-again")).contains(watching);
        assertThat(shares.openSharesSentBy(at("alice"))).containsExactly(watching);
        assertThat(shares.openSharesFrom(at("alice"), at("bob"))).containsExactly(watching);
        assertThat(shares.openSharesTo(at("bob"))).containsExactly(watching);
        assertThat(shares.sharesWatchedFor(at("bob"))).containsExactly(watching);
    }

    @Test
    void aSendersLatestSharesComeNewestFirstAndNoMoreThanAsked() {
        for (Share share : List.of(heldShare("s-1", "alice", "bob", T0),
                heldShare("s-2", "carol", "alice", minutes(1)), share("s-3", "alice", "dan", minutes(2),
                        ShareStatus.PLAYED), heldShare("s-4", "alice", "bob", minutes(3)))) {
            shares.insertShare(share);
        }

        assertThat(shares.latestSentBy(at("alice"), 2)).extracting(Share::id).containsExactly("s-4", "s-3");
        assertThat(shares.latestSentBy(at("alice"), 10)).extracting(Share::id).containsExactly("s-4", "s-3", "s-1");
        assertThat(shares.latestSentBy(at("alice"), 1).getFirst()).isEqualTo(shares.findShare("s-4").orElseThrow());
        assertThat(shares.latestSentBy(onTelegram("alice"), 10)).isEmpty();
    }

    @Test
    void aPersonsLatestSharesReceivedComeNewestFirstInEveryStateAndNoMoreThanAsked() {
        Share watching = watchingShare("s-2", "dan", "alice", minutes(2), minutes(30));
        for (Share share : List.of(share("s-1", "bob", "alice", T0, ShareStatus.PLAYED), watching,
                heldShare("s-3", "carol", "alice", minutes(3)), share("s-4", "erin", "alice", minutes(4),
                        ShareStatus.EXPIRED), heldShare("s-5", "alice", "bob", minutes(5)))) {
            shares.insertShare(share);
        }
        for (String id : List.of("s-6", "s-7")) {
            shares.insertShare(heldShare(id, "frank", "alice", minutes(6)));
        }

        assertThat(shares.latestReceivedBy(at("alice"), 2)).as("of one millisecond, in sending order")
                .extracting(Share::id).containsExactly("s-7", "s-6");
        assertThat(shares.latestReceivedBy(at("alice"), 4)).extracting(Share::id)
                .containsExactly("s-7", "s-6", "s-4", "s-3");
        assertThat(shares.latestReceivedBy(at("alice"), 10)).extracting(Share::id)
                .containsExactly("s-7", "s-6", "s-4", "s-3", "s-2", "s-1");
        assertThat(shares.latestReceivedBy(at("alice"), 5).getLast()).isEqualTo(watching);
        assertThat(shares.latestReceivedBy(onTelegram("alice"), 10)).isEmpty();
    }

    @Test
    void theLatestSharesOfOneMillisecondAreCutInSendingOrder() {
        for (String id : List.of("s-1", "s-2", "s-3", "s-4")) {
            shares.insertShare(heldShare(id, "alice", "bob", T0));
        }
        shares.insertShare(heldShare("s-earlier", "alice", "bob", minutes(-1)));

        assertThat(shares.latestSentBy(at("alice"), 2)).extracting(Share::id).containsExactly("s-4", "s-3");
        assertThat(shares.latestSentBy(at("alice"), 5)).extracting(Share::id)
                .containsExactly("s-4", "s-3", "s-2", "s-1", "s-earlier");
    }

    @Test
    void thePeopleAPersonWasLatestSentSongsByComeFromSongsInEveryState() {
        shares.insertShare(share("s-1", "bob", "alice", T0, ShareStatus.PLAYED));
        shares.insertShare(heldShare("s-2", "carol", "alice", minutes(1)));
        shares.insertShare(watchingShare("s-3", "dan", "alice", minutes(2), minutes(30)));
        shares.insertShare(share("s-4", "erin", "alice", minutes(3), ShareStatus.EXPIRED));
        shares.insertShare(heldShare("s-5", "frank", "alice", minutes(4)).cancelled());

        assertThat(shares.latestCounterparts(at("alice"), 2)).containsExactly(at("frank"), at("erin"));
        assertThat(shares.latestCounterparts(at("alice"), 4))
                .containsExactly(at("frank"), at("erin"), at("dan"), at("carol"));
        assertThat(shares.latestCounterparts(at("alice"), 5))
                .containsExactly(at("frank"), at("erin"), at("dan"), at("carol"), at("bob"));
    }

    @Test
    void thePeopleOfAPersonsLatestSharesEachWayComeLatestFirstEachOnce() {
        for (Share share : List.of(heldShare("s-1", "alice", "bob", T0),
                heldShare("s-2", "carol", "alice", minutes(1)), share("s-3", "alice", "dan", minutes(2),
                        ShareStatus.PLAYED), heldShare("s-4", "bob", "alice", minutes(3)),
                heldShare("s-5", "alice", "bob", minutes(4)), heldShare("s-6", "erin", "frank", minutes(5)))) {
            shares.insertShare(share);
        }

        assertThat(shares.latestCounterparts(at("alice"), 10)).containsExactly(at("bob"), at("dan"), at("carol"));
        assertThat(shares.latestCounterparts(at("alice"), 1)).as("the latest one each way").containsExactly(at("bob"));
        assertThat(shares.latestCounterparts(at("carol"), 10)).containsExactly(at("alice"));
        assertThat(shares.latestCounterparts(onTelegram("alice"), 10)).isEmpty();
    }

    @Test
    void aPersonsLatestExchangesComeLatestFirstWithWhomAndWhenEachWay() {
        for (Share share : List.of(heldShare("s-1", "alice", "bob", T0),
                heldShare("s-2", "carol", "alice", minutes(1)), share("s-3", "alice", "dan", minutes(2),
                        ShareStatus.PLAYED), heldShare("s-4", "bob", "alice", minutes(3)),
                heldShare("s-5", "erin", "frank", minutes(5)))) {
            shares.insertShare(share);
        }

        assertThat(shares.latestExchanges(at("alice"), 10)).containsExactly(new Exchange(at("bob"), minutes(3)),
                new Exchange(at("dan"), minutes(2)), new Exchange(at("carol"), minutes(1)), new Exchange(at("bob"), T0));
        assertThat(shares.latestExchanges(at("alice"), 1)).as("the latest one each way")
                .containsExactly(new Exchange(at("bob"), minutes(3)), new Exchange(at("dan"), minutes(2)));
        assertThat(shares.latestExchanges(onTelegram("alice"), 10)).isEmpty();
    }

    @Test
    void aShareWhoseReceiverDoesNotShareReceiptsKeepsThatThroughItsSteps() {
        Share quiet = heldShare("s-quiet", "alice", "bob", T0).withReceiptsOff();
        shares.insertShare(quiet);
        Share delivered = quiet.delivered(minutes(1), minutes(60));

        assertThat(shares.findShare("s-quiet")).contains(quiet);
        assertThat(shares.updateShare(delivered, ShareStatus.HELD)).isTrue();
        Share watched = shares.findShare("s-quiet").orElseThrow();
        assertThat(watched).isEqualTo(delivered);
        assertThat(watched.receiptsOff()).isTrue();

        Share turnedOff = watchingShare("s-later", "carol", "bob", T0, T0);
        shares.insertShare(turnedOff);
        assertThat(shares.updateShare(turnedOff.withReceiptsOff(), ShareStatus.WATCHING)).isTrue();
        assertThat(shares.findShare("s-later").orElseThrow().receiptsOff()).isTrue();
    }

    @Test
    void aSharePlayedOrExpiredCanBeKeptPrivateAfterwardsKeepingWhatBecameOfIt() {
        Share played = watchingShare("s-played", "alice", "bob", T0, T0).played(minutes(3));
        Share expired = watchingShare("s-expired", "alice", "bob", minutes(1), minutes(1)).expired();
        shares.insertShare(played);
        shares.insertShare(expired);

        assertThat(shares.updateShare(played.withReceiptsOff(), ShareStatus.PLAYED)).isTrue();
        assertThat(shares.updateShare(expired.withReceiptsOff(), ShareStatus.EXPIRED)).isTrue();

        assertThat(shares.findShare("s-played")).contains(played.withReceiptsOff());
        assertThat(shares.findShare("s-played").orElseThrow().playedAt()).contains(minutes(3));
        assertThat(shares.sharesSentSince(at("alice"), T0))
                .containsExactly(expired.withReceiptsOff(), played.withReceiptsOff());
        assertThat(shares.sharesReceivedBy(at("bob")))
                .containsExactly(expired.withReceiptsOff(), played.withReceiptsOff());
        assertThat(shares.openSharesFrom(at("alice"), at("bob"))).isEmpty();
    }

    @Test
    void anUpdateWrittenFromACopyReadBeforeTheShareWasKeptPrivateKeepsItPrivate() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        shares.insertShare(watching);
        assertThat(shares.updateShare(watching.withReceiptsOff(), ShareStatus.WATCHING)).isTrue();

        assertThat(shares.updateShare(watching.played(minutes(3)), ShareStatus.WATCHING)).isTrue();

        assertThat(shares.findShare("s-1")).contains(watching.played(minutes(3)).withReceiptsOff());
        assertThat(shares.sharesReceivedBy(at("bob"))).containsExactly(watching.played(minutes(3)).withReceiptsOff());
    }

    @Test
    void sharesWatchedForAReceiverAreTheWatchingOnesOldestDeliveryFirst() {
        Share deliveredLate = watchingShare("late", "alice", "bob", minutes(-30), minutes(5));
        Share deliveredEarly = watchingShare("early", "carol", "bob", minutes(-10), minutes(-5));
        shares.insertShare(deliveredLate);
        shares.insertShare(deliveredEarly);
        shares.insertShare(share("held", "alice", "bob", minutes(-40), ShareStatus.HELD));
        shares.insertShare(share("played", "alice", "bob", minutes(-40), ShareStatus.PLAYED));
        shares.insertShare(share("expired", "alice", "bob", minutes(-40), ShareStatus.EXPIRED));
        shares.insertShare(share("cancelled", "alice", "bob", minutes(-40), ShareStatus.CANCELLED));
        shares.insertShare(watchingShare("to-carol", "alice", "carol", minutes(-40), minutes(-40)));

        assertThat(shares.sharesWatchedFor(at("bob"))).containsExactly(deliveredEarly, deliveredLate);
        assertThat(shares.sharesWatchedFor(at("dave"))).isEmpty();
    }

    @Test
    void openSharesToAReceiverAreTheHeldAndWatchingOnes() {
        Share held = share("held", "alice", "bob", minutes(-1), ShareStatus.HELD);
        Share watching = share("watching", "carol", "bob", minutes(-2), ShareStatus.WATCHING);
        shares.insertShare(held);
        shares.insertShare(watching);
        shares.insertShare(share("played", "alice", "bob", minutes(-3), ShareStatus.PLAYED));
        shares.insertShare(share("expired", "alice", "bob", minutes(-4), ShareStatus.EXPIRED));
        shares.insertShare(share("cancelled", "alice", "bob", minutes(-5), ShareStatus.CANCELLED));
        shares.insertShare(share("to-carol", "bob", "carol", minutes(-6), ShareStatus.HELD));

        assertThat(shares.openSharesTo(at("bob"))).containsExactlyInAnyOrder(held, watching);
        assertThat(shares.openSharesTo(at("alice"))).isEmpty();
    }

    @Test
    void openSharesFromASenderToAReceiverAreTheirHeldAndWatchingOnesOnly() {
        Share held = share("held", "alice", "bob", minutes(-1), ShareStatus.HELD);
        Share watching = share("watching", "alice", "bob", minutes(-2), ShareStatus.WATCHING);
        for (Share share : List.of(held, watching, share("from-carol", "carol", "bob", minutes(-3), ShareStatus.HELD),
                share("played", "alice", "bob", minutes(-4), ShareStatus.PLAYED),
                share("to-carol", "alice", "carol", minutes(-5), ShareStatus.HELD))) {
            shares.insertShare(share);
        }

        assertThat(shares.openSharesFrom(at("alice"), at("bob"))).containsExactlyInAnyOrder(held, watching);
        assertThat(shares.openSharesFrom(at("bob"), at("alice"))).isEmpty();
        assertThat(shares.openSharesFrom(onTelegram("alice"), at("bob"))).isEmpty();
    }

    @Test
    void listsFollowStatusChanges() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        shares.insertShare(watching);
        Share played = watching.played(minutes(4));

        assertThat(shares.updateShare(played, ShareStatus.WATCHING)).isTrue();

        assertThat(shares.sharesWatchedFor(at("bob"))).isEmpty();
        assertThat(shares.openSharesTo(at("bob"))).isEmpty();
        assertThat(shares.sharesSentBy(at("alice"))).containsExactly(played);
    }

    @Test
    void deletingAPersonsSharesRemovesWhatTheySentAndReceivedOnly() {
        shares.insertShare(heldShare("alice-to-bob", "alice", "bob", T0));
        shares.insertShare(share("bob-to-alice", "bob", "alice", T0, ShareStatus.WATCHING));
        Share carolToBob = heldShare("carol-to-bob", "carol", "bob", T0);
        shares.insertShare(carolToBob);

        shares.deleteSharesOf(at("alice"));

        assertThat(shares.findShare("alice-to-bob")).isEmpty();
        assertThat(shares.findShare("bob-to-alice")).isEmpty();
        assertThat(shares.sharesSentBy(at("bob"))).isEmpty();
        assertThat(shares.openSharesTo(at("bob"))).containsExactly(carolToBob);
    }
}
