package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupMember;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.store.contract.Samples;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A table written before people had chat addresses keeps working with no rewrite: every kind of item,
 * written attribute by attribute as the store wrote it then ({@link PreviousItems}), is read through
 * the ports as its person's Messenger address, and updated in place (the new code writes a Messenger
 * person under the same bare id, so no second item appears).
 */
class ItemsFromBeforeChatAddressesTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant T0 = Samples.T0;
    private static final String ALICE = "6543210987654321";
    private static final String BOB = "1234567890123456";
    private static final String CAROL = "5555444433332222";
    private static final Track TRACK = new Track(new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Never Gonna Give You Up",
            List.of("Rick Astley"), Duration.ofMillis(213_573), Optional.empty(), Optional.empty());
    private static final Duration WEEK = Duration.ofDays(7);

    private final TokenCipher cipher = TokenCipher.random();
    private PreviousItems before;
    private Stores stores;

    @BeforeEach
    void openATableWrittenBefore() {
        String table = DYNAMO.freshTable();
        before = new PreviousItems(DYNAMO.client(), table, cipher);
        stores = DynamoStores.create(DYNAMO.client(), table, cipher);
    }

    @Test
    void usersAreFoundByAddressAndByNameAndUpdatedInPlace() {
        before.user(ALICE, "Alice Smith", T0, T0.plusSeconds(5));
        User alice = new User(messenger(ALICE), "Alice Smith", new SpotifyConnection("spotify-" + ALICE,
                "access-" + ALICE, T0.plusSeconds(3600), "refresh-" + ALICE, null), GrantState.ACTIVE, T0, T0.plusSeconds(5));

        assertThat(stores.users().findUser(messenger(ALICE))).contains(alice);
        assertThat(stores.users().findUser(new ChatAddress(Platform.TELEGRAM, ALICE))).isEmpty();

        User namesake = Samples.user(new ChatAddress(Platform.TELEGRAM, "77"), "alice smith", T0.plusSeconds(1));
        stores.users().saveUser(namesake);
        assertThat(stores.users().findUsersByName("ALICE SMITH")).containsExactly(alice, namesake);

        stores.users().saveLastMessageAt(messenger(ALICE), T0.plusSeconds(60));
        stores.users().saveUser(alice.withName("Alice Jones").withLastMessageAt(T0.plusSeconds(60)));
        assertThat(stores.users().findUsersByName("alice smith")).containsExactly(namesake);
        assertThat(stores.users().findUsersByName("alice jones")).extracting(User::address)
                .containsExactly(messenger(ALICE));
        assertThat(before.get("USER#" + ALICE, "USER").get("name").s()).isEqualTo("Alice Jones");
        assertThat(before.get("USER#telegram:77", "USER")).isNotNull();

        stores.users().deleteUser(messenger(ALICE));
        assertThat(before.get("USER#" + ALICE, "USER")).isNull();
    }

    @Test
    void sharesAreListedBySenderAndReceiverAndChangeStatus() {
        before.heldShare("s-1", ALICE, BOB, T0, 1);
        before.watchingShare("s-2", ALICE, BOB, T0.plusSeconds(1), T0.plusSeconds(2), 2);
        before.playedShare("s-3", ALICE, BOB, T0.plusSeconds(3), 3);
        before.counters(ALICE, 3, 0);
        Share held = Share.direct("s-1", messenger(ALICE), messenger(BOB), TRACK, "you'll love the bridge",
                "told you!", T0);
        Share watching = Share.direct("s-2", messenger(ALICE), messenger(BOB), TRACK, "you'll love the bridge",
                "told you!", T0.plusSeconds(1)).delivered(T0.plusSeconds(2), T0.plusSeconds(2).plus(WEEK));
        Track relinked = new Track(TRACK.id(), TRACK.name(), TRACK.artists(), TRACK.duration(),
                Optional.of("USSM10603618"), Optional.of(new TrackId("0a1B2c3D4e5F6g7H8i9J0k")));
        Share played = Share.direct("s-3", messenger(ALICE), messenger(BOB), relinked, "you'll love the bridge",
                "told you!", T0.plusSeconds(3)).delivered(T0.plusSeconds(3), T0.plusSeconds(3).plus(WEEK))
                .played(T0.plusSeconds(63));

        assertThat(stores.shares().findShare("s-3")).contains(played);
        assertThat(stores.shares().sharesWatchedFor(messenger(BOB))).containsExactly(watching);
        assertThat(stores.shares().openSharesTo(messenger(BOB))).containsExactly(held, watching);

        Share sentNow = Samples.heldShare("s-4", messenger(ALICE), messenger(CAROL), T0.plusSeconds(3));
        stores.shares().insertShare(sentNow);
        assertThat(stores.shares().sharesSentBy(messenger(ALICE))).containsExactly(sentNow, played, watching, held);
        assertThat(before.get("COUNTERS#" + ALICE, "COUNTERS").get("sentShares").n()).isEqualTo("4");

        Share delivered = held.delivered(T0.plusSeconds(10), T0.plusSeconds(10).plus(WEEK));
        assertThat(stores.shares().updateShare(delivered, ShareStatus.HELD)).isTrue();
        assertThat(stores.shares().updateShare(held.cancelled(), ShareStatus.HELD)).isFalse();
        assertThat(stores.shares().sharesWatchedFor(messenger(BOB))).containsExactly(watching, delivered);

        stores.shares().deleteSharesOf(messenger(BOB));
        assertThat(stores.shares().sharesSentBy(messenger(ALICE))).containsExactly(sentNow);
    }

    @Test
    void aDueWatchIsClaimedRescheduledAndEnded() {
        before.watch(BOB, T0.minusSeconds(60), T0.minusSeconds(600), 7);
        before.watch(CAROL, T0.plusSeconds(600), T0.minusSeconds(600), 3);
        Instant lease = T0.plusSeconds(120);

        List<Watch> claimed = stores.watches().claimDueWatches(T0, 10, lease);

        Watch bobs = new Watch(messenger(BOB), lease, T0.minusSeconds(600), 8);
        assertThat(claimed).containsExactly(bobs);
        assertThat(stores.watches().rescheduleWatch(bobs, T0.plusSeconds(300), T0)).isTrue();
        assertThat(stores.watches().findWatch(messenger(BOB)))
                .contains(new Watch(messenger(BOB), T0.plusSeconds(300), T0, 9));

        stores.watches().scheduleWatch(messenger(CAROL), T0, T0.minusSeconds(900));
        Watch carols = stores.watches().findWatch(messenger(CAROL)).orElseThrow();
        assertThat(carols).isEqualTo(new Watch(messenger(CAROL), T0, T0.minusSeconds(900), 4));
        assertThat(stores.watches().claimDueWatches(T0, 10, lease)).extracting(Watch::receiver)
                .containsExactly(messenger(CAROL));
        assertThat(stores.watches().endWatch(stores.watches().findWatch(messenger(CAROL)).orElseThrow())).isTrue();
        assertThat(before.get("WATCH#" + CAROL, "WATCH")).isNull();
    }

    @Test
    void heldMessagesReadAsTextOnlyAndKeepTheirPlaceInTheQueue() {
        before.held("m-1", BOB, "Alice sent you a song", T0, 1);
        before.heldForRetry("m-2", BOB, "Carol sent you a song", T0.plusSeconds(1), 2, T0.minusSeconds(5), "s-9");
        before.counters(BOB, 0, 2);
        // Held before every message was held: read as tried once and expiring 14 days after they were held.
        HeldMessage first = new HeldMessage("m-1", messenger(BOB), Message.text("Alice sent you a song"), T0,
                Optional.empty(), Optional.empty(), 1, 0, T0.plus(Duration.ofDays(14)), List.of());
        HeldMessage second = new HeldMessage("m-2", messenger(BOB), Message.text("Carol sent you a song"),
                T0.plusSeconds(1), Optional.of(T0.minusSeconds(5)), Optional.of("s-9"), 1, 0,
                T0.plusSeconds(1).plus(Duration.ofDays(14)), List.of());

        assertThat(stores.outbox().heldMessagesFor(messenger(BOB))).containsExactly(first, second);
        assertThat(stores.outbox().heldMessagesToRetry(T0, 10)).containsExactly(second);
        assertThat(stores.outbox().leaseHeldMessage(second, T0, T0.plusSeconds(120))).isTrue();

        HeldMessage rich = new HeldMessage("m-3", messenger(BOB), Samples.RICH_MESSAGE, T0.plusSeconds(1),
                Optional.empty(), Optional.empty(), 0, 0, T0.plus(Duration.ofDays(14)), List.of(messenger(ALICE)));
        assertThat(stores.outbox().holdNew(List.of(rich, first))).containsExactly(rich);
        stores.outbox().holdMessage(first.retryingAt(Optional.of(T0.plusSeconds(30))), first.retryAt());
        assertThat(stores.outbox().heldMessagesFor(messenger(BOB))).containsExactly(
                first.retryingAt(Optional.of(T0.plusSeconds(30))),
                second.retryingAt(Optional.of(T0.plusSeconds(120))), rich);

        stores.outbox().releaseHeldMessage(second, T0.plusSeconds(3_600));
        assertThat(stores.outbox().heldMessagesFor(messenger(BOB))).extracting(HeldMessage::id)
                .containsExactly("m-1", "m-3");
        assertThat(before.get("HELD#m-2", "HELD")).as("remembered as having left").containsKey("left");
        assertThat(stores.outbox().holdNew(List.of(second))).isEmpty();
    }

    @Test
    void groupsKeepTheirMembersAndTheirOwnersNames() {
        before.group("g-1", ALICE, "Family", T0);
        before.member("g-1", ALICE, "Family", T0, BOB, T0.plusSeconds(1));
        Group family = new Group("g-1", messenger(ALICE), "Family", T0);

        assertThat(stores.groups().findGroup("g-1")).contains(family);
        assertThat(stores.groups().groupsOf(messenger(BOB))).containsExactly(family);
        assertThat(stores.groups().membersOf("g-1")).containsExactly(new GroupMember("g-1", messenger(ALICE), T0),
                new GroupMember("g-1", messenger(BOB), T0.plusSeconds(1)));
        assertThat(stores.groups().createGroup(new Group("g-2", messenger(ALICE), "FAMILY", T0.plusSeconds(5))))
                .isFalse();

        assertThat(stores.groups().addMember(new GroupMember("g-1", messenger(BOB), T0.plusSeconds(9)))).isFalse();
        assertThat(stores.groups().addMember(new GroupMember("g-1", messenger(CAROL), T0.plusSeconds(9)))).isTrue();
        assertThat(stores.groups().removeMember("g-1", messenger(BOB))).isTrue();
        assertThat(stores.groups().membersOf("g-1")).extracting(GroupMember::member)
                .containsExactly(messenger(ALICE), messenger(CAROL));

        stores.groups().deleteGroup("g-1");
        assertThat(before.get("GROUPNAME#" + ALICE, "NAME#family")).isNull();
        assertThat(stores.groups().createGroup(new Group("g-3", messenger(ALICE), "Family", T0.plusSeconds(20))))
                .isTrue();
    }

    @Test
    void aGroupSendFindsItsSharesAndIsSummarizedOnce() {
        before.groupSend("gs-1", "g-1", "Family", ALICE, T0);
        before.groupShare("s-1", "gs-1", ALICE, BOB, T0, 1);
        before.groupShare("s-2", "gs-1", ALICE, CAROL, T0, 2);
        before.counters(ALICE, 2, 0);

        assertThat(stores.groups().findGroupSend("gs-1"))
                .contains(GroupSend.of("gs-1", "g-1", "Family", messenger(ALICE), T0));
        assertThat(stores.shares().sharesOfGroupSend("gs-1")).extracting(Share::id, Share::receiver)
                .containsExactlyInAnyOrder(tuple("s-1", messenger(BOB)), tuple("s-2", messenger(CAROL)));
        assertThat(stores.shares().findShare("s-1").orElseThrow().groupSendId()).contains("gs-1");
        assertThat(stores.groups().markGroupSendSummarized("gs-1", T0.plusSeconds(60))).isTrue();
        assertThat(stores.groups().markGroupSendSummarized("gs-1", T0.plusSeconds(61))).isFalse();
    }

    @Test
    void anOpenQuestionIsTakenWithItsCandidatesAsAddresses() {
        before.choice(ALICE, "send_song Bob Fisher 4uLU6hMCjMI75M1A2tKUQC", List.of(BOB, CAROL), T0.plusSeconds(600));

        assertThat(stores.choices().takeChoice(messenger(ALICE))).contains(new PendingChoice(messenger(ALICE),
                "send_song Bob Fisher 4uLU6hMCjMI75M1A2tKUQC", List.of(messenger(BOB), messenger(CAROL)),
                T0.plusSeconds(600)));
        assertThat(stores.choices().takeChoice(messenger(ALICE))).isEmpty();
    }

    @Test
    void bareMessageIdsDoNotMatchPlatformKeysAndArePurgedLikeAnyOther() {
        before.messageId("mid.1", T0);

        assertThat(stores.inbound().handled("messenger:mid.1")).isFalse();
        stores.inbound().markHandled("messenger:mid.1", T0.plusSeconds(1));
        stores.housekeeping().purgeBefore(T0.plusSeconds(1));

        assertThat(before.get("MID#mid.1", "MID")).isNull();
        assertThat(before.get("MID#messenger:mid.1", "MID")).isNotNull();
    }

    @Test
    void forgettingSomeoneRemovesTheirItemsFromBefore() {
        before.user(BOB, "Bob Fisher", T0, T0);
        before.user(ALICE, "Alice Smith", T0, T0);
        before.heldShare("s-1", ALICE, BOB, T0, 1);
        before.heldShare("s-2", BOB, ALICE, T0, 1);
        before.counters(BOB, 1, 1);
        before.watch(BOB, T0, T0, 1);
        before.held("m-1", BOB, "hello", T0, 1);
        before.choice(BOB, "send_song Al", List.of(ALICE), T0.plusSeconds(600));
        before.group("g-1", BOB, "Band", T0);
        before.group("g-2", ALICE, "Family", T0);
        before.member("g-2", ALICE, "Family", T0, BOB, T0);
        before.groupSend("gs-1", "g-1", "Band", BOB, T0);

        stores.housekeeping().forgetPerson(messenger(BOB));

        assertThat(stores.users().findUser(messenger(BOB))).isEmpty();
        assertThat(stores.shares().findShare("s-1")).isEmpty();
        assertThat(stores.shares().findShare("s-2")).isEmpty();
        assertThat(stores.watches().findWatch(messenger(BOB))).isEmpty();
        assertThat(stores.outbox().heldMessagesFor(messenger(BOB))).isEmpty();
        assertThat(stores.choices().takeChoice(messenger(BOB))).isEmpty();
        assertThat(stores.groups().findGroup("g-1")).isEmpty();
        assertThat(stores.groups().membersOf("g-2")).extracting(GroupMember::member).containsExactly(messenger(ALICE));
        assertThat(stores.groups().findGroupSend("gs-1")).isEmpty();
        assertThat(before.get("COUNTERS#" + BOB, "COUNTERS")).isNull();
        assertThat(before.get("HELD#m-1", "HELD")).isNull();
        assertThat(before.get("GROUPNAME#" + BOB, "NAME#band")).isNull();
        assertThat(stores.users().findUser(messenger(ALICE))).isPresent();
    }

    private static ChatAddress messenger(String psid) {
        return ChatAddress.messenger(psid);
    }
}
