package app.sendsongs.core.group;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryStores;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The sender's summary of a group send, straight from {@link GroupSummary}. */
class GroupSummaryTest {
    private static final Instant T0 = BotHarness.T0;
    private final Stores stores = InMemoryStores.create();
    private final RecordingChat chat = new RecordingChat();
    private final ManualClock clock = new ManualClock(T0);
    private final GroupSummary summary = new GroupSummary(stores.groups(), stores.shares(), stores.users(),
            new Outbox(new ChatPlatforms(List.of(chat)), stores.outbox(), clock, SendSongs.Settings.LEASE,
                    SendSongs.Settings.DEDUPE_WINDOW),
            WatchSchedule.standard(), clock, new TellingNames(stores.users(),
                    new Contacts(stores.shares(), stores.groups(), new GroupFinder(stores.groups(), stores.users()),
                            stores.users())), (groupId, person) -> ChatPresence.Gone.LEFT_THE_GROUP);

    @Test
    void membersWhoseWatchEndedUncertainlyAreSaidToMaybeHaveBeenMissed() {
        List<Share> shares = send("bob", "carol");
        settle(shares.get(0).played(T0.plusSeconds(60)));
        Share uncertain = shares.get(1).markedUncertain().expired();
        settle(uncertain);

        assertThat(chat.inbox("alice")).containsExactly("1 of 2 played " + FakeMusic.SONG.title() + " (sent to "
                + "Family).\nNot played within 7 days: Carol King. (At times their Spotify history of the last 50 "
                + "plays didn't reach back far enough, so I may have missed a play.)");
    }

    @Test
    void aMemberOnLastfmWhoseWatchEndedUncertainlyIsNotSaidToHaveASpotifyHistory() {
        List<Share> shares = send("bob", "carol");
        stores.users().saveUser(new User(at("carol"), "Carol King", new LastfmConnection("carolk", "session-key"),
                GrantState.ACTIVE, T0, T0));
        settle(shares.get(0).played(T0.plusSeconds(60)));
        settle(shares.get(1).markedUncertain().expired());

        assertThat(chat.inbox("alice")).containsExactly("1 of 2 played " + FakeMusic.SONG.title() + " (sent to "
                + "Family).\nNot played within 7 days: Carol King. (At times I couldn't see all of their plays on "
                + "Last.fm, so I may have missed a play.)");
    }

    @Test
    void nothingIsSentWhileAShareIsOpenOrWhenNobodyIsLeftToCount() {
        List<Share> shares = send("bob", "carol");
        settle(shares.get(0).leftGroup());
        assertThat(chat.inbox("alice")).isEmpty();

        settle(shares.get(1).cancelled());
        assertThat(chat.inbox("alice")).isEmpty();
    }

    @Test
    void aShareSentDirectlyHasNoSummary() {
        Share direct = Share.direct("direct", at("alice"), at("bob"), FakeMusic.SONG, "", "", T0)
                .delivered(T0, T0.plus(Duration.ofDays(7)));
        stores.shares().insertShare(direct);

        settle(direct.played(T0.plusSeconds(1)));

        assertThat(chat.inbox("alice")).isEmpty();
    }

    @Test
    void twoWorkersSettlingTheLastSharesAtOnceSendOneSummary() throws Exception {
        for (int round = 0; round < 20; round++) {
            List<Share> shares = send("bob", "carol");
            List<Share> played = shares.stream().map(s -> s.played(T0.plusSeconds(30))).toList();
            played.forEach(s -> stores.shares().updateShare(s, ShareStatus.WATCHING));

            ExecutorService workers = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Share share : played) {
                done.add(workers.submit(() -> {
                    go.await();
                    summary.settled(share);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            workers.shutdown();
        }

        assertThat(chat.inbox("alice")).hasSize(20).allMatch(text -> text.startsWith("2 of 2 played "));
    }

    /** Alice sends the song to Family; the members' shares are delivered and watched. */
    private List<Share> send(String... members) {
        stores.users().saveUser(user("alice", "Alice Smith"));
        stores.users().saveUser(user("bob", "Bob Fisher"));
        stores.users().saveUser(user("carol", "Carol King"));
        String sendId = "send-" + stores.shares().sharesSentBy(at("alice")).size();
        stores.groups().insertGroupSend(GroupSend.of(sendId, "family", "Family", at("alice"), T0));
        List<Share> shares = new ArrayList<>();
        for (String member : members) {
            Share share = Share.forGroupMember(sendId + "-" + member, sendId, at("alice"), at(member), FakeMusic.SONG,
                    "", "", T0).delivered(T0, T0.plus(Duration.ofDays(7)));
            stores.shares().insertShare(share);
            shares.add(share);
        }
        return shares;
    }

    private void settle(Share share) {
        stores.shares().updateShare(share, ShareStatus.WATCHING);
        summary.settled(share);
    }

    private static User user(String psid, String name) {
        return new User(at(psid), name, FakeMusic.connectionFor(at(psid)), GrantState.ACTIVE, T0, T0);
    }
}
