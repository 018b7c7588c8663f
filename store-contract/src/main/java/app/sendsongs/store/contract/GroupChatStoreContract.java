package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.groupchat.ChatSong;
import app.sendsongs.core.groupchat.CountedMember;
import app.sendsongs.core.groupchat.GroupChatStore;
import app.sendsongs.core.groupchat.WaitingTap;
import app.sendsongs.core.shared.ChatAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupChatStore}: people counted in for a group chat (once each, also when counted in at the same moment
 * from many threads), the listings both ways and their order, a chat emptied when the bot leaves it, and the chat
 * messages of songs with their due updates and those waiting for the bot to be added back to their chat; the Count me
 * in tapped before connecting, one per person, gone when dropped, expired and purged, or the person forgotten; the
 * chat's title kept with each person counted in, and renamed for all; those counted in when the bot left, kept until
 * their time, dropped, purged or forgotten.
 */
public abstract class GroupChatStoreContract extends StoreFixture {
    private static final ChatAddress BAND = onTelegram("-1001987654321");
    private static final ChatAddress CHOIR = onTelegram("-4002");
    private static final ChatAddress ALICE = onTelegram("385741296");
    private static final ChatAddress BOB = onTelegram("511223344");

    private GroupChatStore chats() {
        return stores.groupChats();
    }

    @Test
    void aPersonIsCountedInOnceAndTheirFirstTimeStays() {
        assertThat(chats().addMember(new CountedMember(BAND, ALICE, T0))).isTrue();
        assertThat(chats().addMember(new CountedMember(BAND, ALICE, minutes(5)))).isFalse();

        assertThat(chats().membersOf(BAND)).containsExactly(new CountedMember(BAND, ALICE, T0));
        assertThat(chats().membersOf(CHOIR)).isEmpty();
    }

    @Test
    void membersListEarliestFirstAndChatsOfAPersonToo() {
        chats().addMember(new CountedMember(BAND, BOB, minutes(2)));
        chats().addMember(new CountedMember(BAND, ALICE, minutes(1)));
        chats().addMember(new CountedMember(CHOIR, ALICE, minutes(3)));
        ChatAddress sameMoment = onTelegram("100");
        chats().addMember(new CountedMember(BAND, sameMoment, minutes(2)));

        assertThat(chats().membersOf(BAND)).extracting(CountedMember::person).containsExactly(ALICE, sameMoment, BOB);
        assertThat(chats().chatsOf(ALICE)).containsExactly(new CountedMember(BAND, ALICE, minutes(1)),
                new CountedMember(CHOIR, ALICE, minutes(3)));
        assertThat(chats().chatsOf(onTelegram("999"))).isEmpty();
    }

    @Test
    void theSameIdOnAnotherPlatformIsAnotherPersonAndAnotherChat() {
        chats().addMember(new CountedMember(BAND, ALICE, T0));

        assertThat(chats().membersOf(Samples.at(BAND.id()))).isEmpty();
        assertThat(chats().chatsOf(Samples.at(ALICE.id()))).isEmpty();
        assertThat(chats().removeMember(BAND, Samples.at(ALICE.id()))).isFalse();
    }

    @Test
    void countingOutRemovesOnlyThatMembership() {
        chats().addMember(new CountedMember(BAND, ALICE, T0));
        chats().addMember(new CountedMember(BAND, BOB, T0));
        chats().addMember(new CountedMember(CHOIR, ALICE, T0));

        assertThat(chats().removeMember(BAND, ALICE)).isTrue();
        assertThat(chats().removeMember(BAND, ALICE)).isFalse();

        assertThat(chats().membersOf(BAND)).extracting(CountedMember::person).containsExactly(BOB);
        assertThat(chats().chatsOf(ALICE)).extracting(CountedMember::chat).containsExactly(CHOIR);
    }

    @Test
    void removingAChatCountsEveryoneOutOfItAndOfNothingElse() {
        chats().addMember(new CountedMember(BAND, ALICE, T0));
        chats().addMember(new CountedMember(BAND, BOB, T0));
        chats().addMember(new CountedMember(CHOIR, ALICE, T0));

        chats().removeChat(BAND);

        assertThat(chats().membersOf(BAND)).isEmpty();
        assertThat(chats().chatsOf(BOB)).isEmpty();
        assertThat(chats().chatsOf(ALICE)).extracting(CountedMember::chat).containsExactly(CHOIR);
        assertThat(chats().addMember(new CountedMember(BAND, BOB, minutes(1)))).as("counted in again").isTrue();
    }

    @Test
    void manyCountingInTheSamePersonAtOnceCountThemOnce() {
        List<Boolean> added = Race.run(16, i -> chats().addMember(new CountedMember(BAND, ALICE, minutes(i))));

        assertThat(added).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(chats().membersOf(BAND)).hasSize(1);
    }

    @Test
    void aChatSongComesBackAsSavedAndIsReplaced() {
        ChatSong waiting = new ChatSong("send-1", BAND, Optional.empty(), Optional.of(T0));
        chats().saveChatSong(waiting);
        assertThat(chats().findChatSong("send-1")).contains(waiting);

        ChatSong shown = waiting.shownAs("3120");
        chats().saveChatSong(shown);

        assertThat(chats().findChatSong("send-1")).contains(shown);
        assertThat(chats().findChatSong("send-2")).isEmpty();
        chats().deleteChatSong("send-1");
        assertThat(chats().findChatSong("send-1")).isEmpty();
    }

    @Test
    void aChatSongKeepsTheTopicItIsPostedInThroughEveryChange() {
        ChatSong inTopic = new ChatSong("send-1", BAND, Optional.empty(), Optional.of(T0)).inTopic(Optional.of("3190"));
        chats().saveChatSong(inTopic);
        assertThat(chats().findChatSong("send-1")).contains(inTopic);

        chats().saveChatSong(inTopic.shownAs("3213").untilTheBotIsBack());

        assertThat(chats().chatSongsAwaitingBot(BAND)).extracting(ChatSong::topic).containsExactly(Optional.of("3190"));
        chats().saveChatSong(inTopic.shownAs("3213").dueAt(minutes(1)));
        assertThat(chats().chatSongsDue(minutes(1), 10)).containsExactly(inTopic.shownAs("3213").dueAt(minutes(1)));
    }

    @Test
    void dueChatSongsComeEarliestFirstUpToTheLimitAndOnlyWhenDue() {
        chats().saveChatSong(new ChatSong("later", BAND, Optional.of("1"), Optional.of(minutes(10))));
        chats().saveChatSong(new ChatSong("first", CHOIR, Optional.empty(), Optional.of(minutes(1))));
        chats().saveChatSong(new ChatSong("second", BAND, Optional.of("2"), Optional.of(minutes(2))));
        chats().saveChatSong(new ChatSong("up-to-date", BAND, Optional.of("3"), Optional.empty()));

        assertThat(chats().chatSongsDue(minutes(2), 10)).extracting(ChatSong::groupSendId)
                .containsExactly("first", "second");
        assertThat(chats().chatSongsDue(minutes(60), 2)).extracting(ChatSong::groupSendId)
                .containsExactly("first", "second");
        assertThat(chats().chatSongsDue(T0, 10)).isEmpty();

        chats().saveChatSong(new ChatSong("first", CHOIR, Optional.of("9"), Optional.empty()));
        assertThat(chats().chatSongsDue(minutes(60), 10)).extracting(ChatSong::groupSendId)
                .containsExactly("second", "later");
    }

    @Test
    void aChatsSongMessagesAwaitingTheBotComeBackForThatChatOnlyByGroupSendUntilShownAgain() {
        chats().saveChatSong(new ChatSong("send-b", BAND, Optional.of("2"), Optional.empty()).untilTheBotIsBack());
        chats().saveChatSong(new ChatSong("send-a", BAND, Optional.of("1"), Optional.of(T0)).untilTheBotIsBack());
        chats().saveChatSong(new ChatSong("send-c", CHOIR, Optional.of("3"), Optional.empty()).untilTheBotIsBack());
        chats().saveChatSong(new ChatSong("up-to-date", BAND, Optional.of("4"), Optional.empty()));

        List<ChatSong> awaiting = chats().chatSongsAwaitingBot(BAND);

        assertThat(awaiting).extracting(ChatSong::groupSendId).containsExactly("send-a", "send-b");
        assertThat(awaiting.getFirst()).isEqualTo(new ChatSong("send-a", BAND, Optional.of("1"), Optional.empty(), true));
        assertThat(chats().findChatSong("send-c")).hasValueSatisfying(song -> assertThat(song.awaitingBot()).isTrue());
        assertThat(chats().chatSongsDue(minutes(60), 10)).as("waiting for the bot, not for a time").isEmpty();
        chats().saveChatSong(awaiting.getFirst().shownAs("1"));
        chats().deleteChatSong("send-b");
        assertThat(chats().chatSongsAwaitingBot(BAND)).isEmpty();
        assertThat(chats().chatSongsAwaitingBot(onTelegram("-4003"))).isEmpty();
    }

    @Test
    void forgettingAPersonCountsThemOutOfEveryChat() {
        chats().addMember(new CountedMember(BAND, ALICE, T0));
        chats().addMember(new CountedMember(CHOIR, ALICE, T0));
        chats().addMember(new CountedMember(BAND, BOB, T0));

        housekeeping.forgetPerson(ALICE);

        assertThat(chats().chatsOf(ALICE)).isEmpty();
        assertThat(chats().membersOf(BAND)).extracting(CountedMember::person).containsExactly(BOB);
    }

    @Test
    void aTapKeptBeforeConnectingIsOnePerPersonTheNewestReplacingTheFormer() {
        chats().keepTap(new WaitingTap(ALICE, BAND, minutes(10)));
        chats().keepTap(new WaitingTap(ALICE, CHOIR, minutes(20)));
        chats().keepTap(new WaitingTap(BOB, BAND, minutes(30)));

        assertThat(chats().waitingTap(ALICE)).contains(new WaitingTap(ALICE, CHOIR, minutes(20)));
        chats().dropTap(ALICE);
        assertThat(chats().waitingTap(ALICE)).isEmpty();
        assertThat(chats().waitingTap(BOB)).contains(new WaitingTap(BOB, BAND, minutes(30)));
        assertThat(chats().membersOf(BAND)).as("a kept tap counts nobody in").isEmpty();
    }

    @Test
    void anExpiredTapIsPurgedAndAForgottenPersonsGoes() {
        chats().keepTap(new WaitingTap(ALICE, BAND, minutes(10)));
        chats().keepTap(new WaitingTap(BOB, BAND, minutes(30)));

        housekeeping.purgeBefore(minutes(20));
        assertThat(chats().waitingTap(ALICE)).isEmpty();
        assertThat(chats().waitingTap(BOB)).isPresent();

        housekeeping.forgetPerson(BOB);
        assertThat(chats().waitingTap(BOB)).isEmpty();
    }

    @Test
    void aTitleIsKeptWithEachPersonCountedInAndARenameReachesThemAll() {
        chats().addMember(new CountedMember(BAND, ALICE, T0, Optional.of("Band")));
        chats().addMember(new CountedMember(BAND, BOB, minutes(1)));
        chats().addMember(new CountedMember(CHOIR, ALICE, minutes(2), Optional.of("Choir")));

        assertThat(chats().chatsOf(ALICE)).extracting(CountedMember::title)
                .containsExactly(Optional.of("Band"), Optional.of("Choir"));
        chats().retitle(BAND, "Friday Band");

        assertThat(chats().membersOf(BAND)).containsExactly(
                new CountedMember(BAND, ALICE, T0, Optional.of("Friday Band")),
                new CountedMember(BAND, BOB, minutes(1), Optional.of("Friday Band")));
        assertThat(chats().chatsOf(ALICE).get(1).title()).as("another chat's stays").contains("Choir");
        chats().retitle(onTelegram("-77"), "Nobody's");
        assertThat(chats().membersOf(onTelegram("-77"))).as("renaming counts nobody in").isEmpty();
    }

    @Test
    void thoseCountedInWhenTheBotLeftAreKeptUntilTheirTimeAndDroppedWhenItIsBack() {
        chats().addMember(new CountedMember(BAND, BOB, minutes(2)));
        chats().addMember(new CountedMember(BAND, ALICE, minutes(1), Optional.of("Band")));
        chats().addMember(new CountedMember(CHOIR, ALICE, minutes(3)));

        chats().keepMembers(BAND, minutes(100));

        assertThat(chats().membersOf(BAND)).as("counted out").isEmpty();
        assertThat(chats().chatsOf(ALICE)).extracting(CountedMember::chat).containsExactly(CHOIR);
        assertThat(chats().keptMembersOf(BAND, minutes(50))).containsExactly(
                new CountedMember(BAND, ALICE, minutes(1), Optional.of("Band")),
                new CountedMember(BAND, BOB, minutes(2)));
        assertThat(chats().keptMembersOf(BAND, minutes(100))).as("their time has passed").isEmpty();
        assertThat(chats().keptMembersOf(CHOIR, minutes(50))).isEmpty();
        chats().retitle(BAND, "Friday Band");
        assertThat(chats().keptMembersOf(BAND, minutes(50)).getFirst().title()).contains("Friday Band");

        chats().dropKept(BAND);
        assertThat(chats().keptMembersOf(BAND, minutes(50))).isEmpty();
        assertThat(chats().chatsOf(ALICE)).extracting(CountedMember::chat).containsExactly(CHOIR);
    }

    @Test
    void keptMembersArePurgedAfterTheirTimeAndAForgottenPersonsGoAtOnce() {
        chats().addMember(new CountedMember(BAND, ALICE, T0));
        chats().addMember(new CountedMember(BAND, BOB, minutes(1)));
        chats().keepMembers(BAND, minutes(100));
        chats().addMember(new CountedMember(CHOIR, BOB, minutes(2)));
        chats().keepMembers(CHOIR, minutes(300));

        housekeeping.forgetPerson(ALICE);
        assertThat(chats().keptMembersOf(BAND, minutes(50))).extracting(CountedMember::person).containsExactly(BOB);

        housekeeping.purgeBefore(minutes(200));
        assertThat(chats().keptMembersOf(BAND, T0)).as("purged").isEmpty();
        assertThat(chats().keptMembersOf(CHOIR, T0)).extracting(CountedMember::person).containsExactly(BOB);
    }

    @Test
    void theChatsAPersonIsKeptForAreFoundByThemUntilTheirTimeAsTheyWereCountedIn() {
        chats().addMember(new CountedMember(CHOIR, ALICE, minutes(3), Optional.of("Choir")));
        chats().addMember(new CountedMember(BAND, ALICE, minutes(1), Optional.of("Band")));
        chats().addMember(new CountedMember(BAND, BOB, minutes(2)));
        chats().keepMembers(BAND, minutes(100));
        chats().keepMembers(CHOIR, minutes(300));

        assertThat(chats().chatsKeptFor(ALICE, minutes(50))).containsExactly(
                new CountedMember(BAND, ALICE, minutes(1), Optional.of("Band")),
                new CountedMember(CHOIR, ALICE, minutes(3), Optional.of("Choir")));
        assertThat(chats().chatsKeptFor(ALICE, minutes(100))).as("Band's time has passed")
                .extracting(CountedMember::chat).containsExactly(CHOIR);
        assertThat(chats().chatsKeptFor(onTelegram("5"), minutes(50))).isEmpty();

        chats().dropKept(BAND);
        assertThat(chats().chatsKeptFor(BOB, minutes(50))).isEmpty();
        assertThat(chats().chatsKeptFor(ALICE, minutes(50))).extracting(CountedMember::chat).containsExactly(CHOIR);
    }
}
