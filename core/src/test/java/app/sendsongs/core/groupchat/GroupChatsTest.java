package app.sendsongs.core.groupchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeGroupChats;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryGroupChats;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.fakes.Rendezvous;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.GrantState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bot in a group chat of a platform that has them (as Telegram): people are counted in by a tap or a command,
 * a song shared in the chat goes privately to each of them, the chat's message counts the plays, and the sender gets
 * the notices and the summary.
 */
class GroupChatsTest {
    private static final Platform CHATS = new Platform("chats");
    private static final ChatAddress BAND_CHAT = new ChatAddress(CHATS, "-100");
    private static final GroupChat BAND = new GroupChat(BAND_CHAT, "Friday Band");
    private static final ChatAddress ALICE = new ChatAddress(CHATS, "1");
    private static final ChatAddress BOB = new ChatAddress(CHATS, "2");
    private static final ChatAddress CAROL = new ChatAddress(CHATS, "3");
    private static final ChatAddress DAN = new ChatAddress(CHATS, "4");
    private static final String LINK = FakeMusic.SONG.id().link();

    private final RecordingChat people = RecordingChat.rich(CHATS, 4096);
    private final FakeGroupChats chats = new FakeGroupChats();
    private final BotHarness bot = new BotHarness(people, chats);
    private int taps;

    @BeforeEach
    void aBandChatWithTheBotIn() {
        chats.chat(BAND_CHAT.id(), "1", "2", "3", "4");
        bot.register(ALICE, "Alice Archer");
        bot.register(BOB, "Bob Fisher");
        bot.register(CAROL, "Carol Chen");
        in(ALICE, new GroupChatAction.BotAdded());
    }

    private void in(ChatAddress from, GroupChatAction action) {
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), from, bot.clock.instant(), BAND, action));
    }

    private void command(ChatAddress from, String name, String arguments) {
        in(from, new GroupChatAction.Command(name, arguments, Optional.empty()));
    }

    private FakeGroupChats.TapAnswer tap(ChatAddress from, String payload) {
        String tapId = "tap-" + ++taps;
        in(from, new GroupChatAction.Tap(payload, tapId));
        return chats.answer(tapId).orElseThrow(() -> new AssertionError("the tap was not answered"));
    }

    private String chatText(int index) {
        return chats.texts(BAND_CHAT.id()).get(index);
    }

    private String lastChatText() {
        return chats.texts(BAND_CHAT.id()).getLast();
    }

    private List<Share> shares() {
        return bot.stores.shares().sharesSentBy(ALICE);
    }

    @Test
    void addedToAChatTheBotSaysWhatItDoesAndOffersToCountPeopleIn() {
        Message welcome = chats.messages(BAND_CHAT.id()).getFirst();

        assertThat(welcome.text()).startsWith("Hi Friday Band! I'm Send Songs.").contains("/send <link>",
                "https://chat.example/bot?start=group");
        assertThat(welcome.choices()).containsExactly(new Choice("Count me in", "join"));
    }

    @Test
    void anEditOfAMessageForTheBotIsAnsweredInTheChatOnce() {
        int before = chats.texts(BAND_CHAT.id()).size();
        String edited = Inbound.editedMessageId(BAND_CHAT.id(), "31");

        bot.app.bot().handle(new Inbound.InGroupChat(edited, BOB, bot.clock.instant(), BAND,
                new GroupChatAction.Edited()));
        bot.app.bot().handle(new Inbound.InGroupChat(edited, BOB, bot.clock.instant().plusSeconds(9), BAND,
                new GroupChatAction.Edited()));

        assertThat(chats.texts(BAND_CHAT.id())).hasSize(before + 1);
        assertThat(lastChatText()).isEqualTo("I only read new messages, so that edit changed nothing. Send the "
                + "corrected message again.");
    }

    @Test
    void aTapCountsAPersonInAndIsAnsweredOnlyToThem() {
        FakeGroupChats.TapAnswer answer = tap(BOB, "join");

        assertThat(answer.notice()).isEqualTo("You're in: songs shared in Friday Band come to you privately.");
        assertThat(answer.open()).isEmpty();
        assertThat(tap(BOB, "join").notice()).isEqualTo("You're already counted in for Friday Band.");
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .containsExactly(BOB);
        assertThat(chats.texts(BAND_CHAT.id())).hasSize(1);
    }

    @Test
    void groupsTypedPrivatelyBySomeoneCountedInForAChatSaysItsSongsComeToThemAndHowTheyStop() {
        tap(BOB, "join");

        assertThat(bot.reply(BOB, "groups")).isEqualTo("You're not in any group yet. Make one with: create_group "
                + "name:\"<group>\"\nYou're counted in for 1 group chat: songs shared there come to you here, and /leave "
                + "sent in that chat stops them.");
        bot.reply(BOB, "create_group Family");
        assertThat(bot.reply(BOB, "groups")).startsWith("Your groups:\n• Family — yours, 1 member")
                .endsWith("\nYou're counted in for 1 group chat: songs shared there come to you here, and /leave sent "
                        + "in that chat stops them.");
        assertThat(bot.reply(CAROL, "groups")).as("counted in nowhere")
                .isEqualTo("You're not in any group yet. Make one with: create_group name:\"<group>\"");
        command(BOB, "leave", "");
        assertThat(bot.reply(BOB, "groups")).doesNotContain("group chat");
    }

    @Test
    void aSongSentPrivatelyToAGroupNobodyHasBySomeoneCountedInForAChatSaysHowToShareItInTheChat() {
        tap(BOB, "join");

        assertThat(bot.reply(BOB, "send_song group:\"Friday Band\" " + LINK)).isEqualTo("You're not in a group "
                + "called \"Friday Band\", and you're in no group now. Make one with: create_group name:\"<group>\"\n"
                + "If you meant a group chat: send /send with the link in that chat, and the song goes to everyone "
                + "counted in there.");
        bot.reply(BOB, "create_group Family");
        assertThat(bot.reply(BOB, "send_song group:\"Friday Band\" " + LINK)).as("with groups of their own")
                .startsWith("You're not in a group called \"Friday Band\". Your groups: Family.")
                .endsWith("\nIf you meant a group chat: send /send with the link in that chat, and the song goes to "
                        + "everyone counted in there.");
        assertThat(bot.reply(CAROL, "send_song group:\"Friday Band\" " + LINK)).as("counted in nowhere")
                .doesNotContain("group chat");
        assertThat(shares()).isEmpty();
        assertThat(bot.stores.shares().sharesSentBy(BOB)).isEmpty();
    }

    @Test
    void aGroupChatsTitleGivenPrivatelyForWhoASongIsForSaysHowToShareItThereAndInvitesNobody() {
        chats.titled(BAND_CHAT.id(), "Friday Band");
        tap(BOB, "join");
        String inTheChat = "Friday Band is a group chat, so I didn't invite anyone by that name. To share a song "
                + "there, send /send with the link in that chat: it goes to everyone counted in there.";

        assertThat(bot.reply(BOB, "send_song name:\"friday band\" " + LINK)).isEqualTo(inTheChat);
        bot.reply(BOB, LINK);
        assertThat(bot.reply(BOB, "Friday Band")).as("at Who is it for?")
                .isEqualTo(inTheChat + "\nIf you meant someone registered, type their full name.");
        assertThat(bot.stores.invites().openInvitesSentBy(BOB, bot.clock.instant(), 10)).isEmpty();

        assertThat(bot.reply(CAROL, "send_song name:\"Friday Band\" " + LINK)).as("not counted in there")
                .startsWith("I don't know anyone called \"Friday Band\"");
    }

    @Test
    void aGroupChatsCommandTypedPrivatelySaysWhereItWorksAndIsNoMessageForWhoeverSentASong() {
        tap(BOB, "join");
        bot.reply(ALICE, "send_song Bob Fisher " + LINK); // words typed soon after a song "aren't passed on"

        assertThat(bot.reply(BOB, "/leave")).isEqualTo("/leave works in a group chat, not here: send it in the chat "
                + "whose songs should stop.\nYou're counted in for 1 group chat: songs shared there come to you here, "
                + "and /leave sent in that chat stops them.");
        assertThat(bot.reply(CAROL, "/leave")).isEqualTo("/leave works in a group chat, not here: send it in the chat "
                + "whose songs should stop. You're not counted in for any group chat.");
        assertThat(bot.reply(BOB, "/join")).isEqualTo("/join works in a group chat, not here: send it there, or tap "
                + "Count me in under my message there, to get the songs shared in it.");
        assertThat(bot.reply(BOB, "/WHO")).isEqualTo("/who works in a group chat, not here: send it there to see "
                + "whom the songs shared in it go to.");
        assertThat(bot.reply(BOB, "/frobnicate")).as("a command, not words for Alice")
                .doesNotContain("If that was for Alice Archer");
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .containsExactly(BOB);
    }

    @Test
    void aTapOnCountMeInFromSomeoneNotInTheChatCountsNobodyIn() {
        ChatAddress erin = new ChatAddress(CHATS, "5");
        bot.register(erin, "Erin Stone");

        FakeGroupChats.TapAnswer answer = tap(erin, "join");

        assertThat(answer.notice()).isEqualTo("Only people in Friday Band can be counted in for it.");
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
        command(ALICE, "who", "");
        assertThat(lastChatText()).isEqualTo("Nobody is counted in here yet.");
    }

    @Test
    void aSendCutShortRightAfterItsPostIsPostedOnceWhenHandledAgainAndItsMessageStillCountsThePlays() {
        tap(BOB, "join");
        int before = chats.texts(BAND_CHAT.id()).size();
        Inbound send = new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), BAND,
                new GroupChatAction.Command("send", LINK, Optional.empty()));
        ((InMemoryGroupChats) bot.stores.groupChats()).diesWhenASongIsNextShown();
        assertThatThrownBy(() -> bot.app.bot().handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(chats.texts(BAND_CHAT.id())).as("posted before the process died").hasSize(before + 1);

        bot.app.bot().handle(send);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(chats.texts(BAND_CHAT.id())).as("one post, edited").hasSize(before + 1);
        assertThat(lastChatText()).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(bot.inbox(BOB)).filteredOn(text -> text.contains("shared a song in Friday Band")).hasSize(1);
    }

    @Test
    void someoneWhoHasNotConnectedIsSentToTheBotsPrivateChatAndNotCountedYet() {
        FakeGroupChats.TapAnswer answer = tap(DAN, "join");

        assertThat(answer.notice()).isEqualTo("Connect with me first (I've opened our chat): once you have, you're "
                + "counted in here.");
        assertThat(answer.open()).hasValueSatisfying(link -> assertThat(link.toString()).endsWith("start=group"));
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();

        command(DAN, "send", LINK);
        assertThat(lastChatText()).startsWith("To share songs here, connect with me first");
        assertThat(bot.stores.shares().sharesSentBy(DAN)).isEmpty();
    }

    @Test
    void aNewcomerWhoTappedCountMeInIsCountedInOnceConnectedAndToldSoAfterTheWelcome() {
        chats.titled(BAND_CHAT.id(), "Friday Band");
        people.nameIs(DAN.id(), "Dan Dole");
        tap(DAN, "join"); // its answer is a notice that goes in a moment

        List<String> opened = bot.handle(new Inbound.OpenedLink(bot.nextEventId(), DAN, bot.clock.instant(), "group"));
        assertThat(opened.getFirst()).startsWith("Once you've connected, you're counted in for the group chat where "
                + "you tapped Count me in.\n\nHi! I'm Send Songs");

        bot.connectThroughOwnLink(DAN, SourceKind.SPOTIFY, DAN.key());

        List<String> inbox = bot.inbox(DAN);
        assertThat(inbox.get(inbox.size() - 2)).startsWith("Welcome, Dan Dole!");
        assertThat(inbox.getLast()).isEqualTo("You're counted in for Friday Band: songs shared there come to you.");
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person).containsExactly(DAN);
        assertThat(bot.stores.groupChats().waitingTap(DAN)).as("used").isEmpty();
    }

    @Test
    void aJoinSentBeforeConnectingCountsInOnceConnectedWithARegisterCode() {
        chats.titled(BAND_CHAT.id(), "Friday Band");
        command(DAN, "join", "");
        String code = bot.registrationCode(SourceKind.LASTFM, "dandole");

        List<String> answers = bot.say(DAN, "register code:\"" + code + "\" name:\"Dan Dole\"");

        assertThat(answers).hasSize(2);
        assertThat(answers.getFirst()).startsWith("Welcome, Dan Dole!");
        assertThat(answers.getLast()).isEqualTo("You're counted in for Friday Band: songs shared there come to you.");
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person).containsExactly(DAN);
    }

    @Test
    void aKeptTapCountsNobodyInWhoHasLeftTheChatSinceOrConnectsADayLater() {
        tap(DAN, "join");
        chats.leaves(BAND_CHAT.id(), DAN.id());
        bot.connectThroughOwnLink(DAN, SourceKind.SPOTIFY, DAN.key());
        assertThat(bot.inbox(DAN)).noneMatch(text -> text.contains("counted in"));
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();

        ChatAddress erin = new ChatAddress(CHATS, "5");
        chats.chat(BAND_CHAT.id(), "1", "2", "3", "5");
        tap(erin, "join");
        bot.advance(Duration.ofHours(25));
        bot.connectThroughOwnLink(erin, SourceKind.SPOTIFY, erin.key());
        assertThat(bot.inbox(erin)).noneMatch(text -> text.contains("counted in for"));
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
    }

    @Test
    void forgetMeBeforeConnectingDeletesTheKeptTap() {
        tap(DAN, "join");

        bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), DAN, bot.clock.instant(), "forget_me confirm",
                "Yes, delete it all"));

        assertThat(bot.stores.groupChats().waitingTap(DAN)).isEmpty();
        assertThat(bot.handle(new Inbound.OpenedLink(bot.nextEventId(), DAN, bot.clock.instant(), "group")).getFirst())
                .startsWith("Once you've connected, go back to the group chat and tap Count me in there");
    }

    @Test
    void theSummaryTellsSomeoneWhoSentLeaveButIsStillInTheChatFromSomeoneWhoLeftIt() {
        bot.register(DAN, "Dan Dole");
        tap(BOB, "join");
        tap(CAROL, "join");
        tap(DAN, "join");
        command(ALICE, "send", LINK);

        command(BOB, "leave", "");
        chats.leaves(BAND_CHAT.id(), CAROL.id());
        in(CAROL, new GroupChatAction.MemberLeft(CAROL));
        bot.play(DAN, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox(ALICE)).contains("1 of 1 played " + FakeMusic.SONG.title() + " (sent to Friday Band)."
                + "\nNot counted, left the chat: Carol Chen.\nNot counted, stopped getting the chat's songs: Bob "
                + "Fisher.");
    }

    @Test
    void theSameSongLinkedTwiceWithTheSendIsSharedOnce() {
        tap(BOB, "join");

        command(ALICE, "send", LINK + "?si=a1 for the drive " + LINK);

        assertThat(bot.last(BOB)).isEqualTo("🎵 Alice Archer shared a song in Friday Band: " + FakeMusic.SONG.title()
                + "\n“for the drive”");
        assertThat(bot.last(ALICE)).startsWith("Sent " + FakeMusic.SONG.title() + " to the 1 person counted in");
    }

    @Test
    void aSongSharedInTheChatGoesPrivatelyToEveryoneCountedInAndTheChatCountsThePlays() {
        tap(BOB, "join");
        command(CAROL, "join", "");
        assertThat(lastChatText()).isEqualTo("Carol Chen is counted in: songs shared here now reach 2 people.");

        command(ALICE, "send", LINK + " for the drive post:\"told you so\"");

        assertThat(bot.last(BOB)).isEqualTo("🎵 Alice Archer shared a song in Friday Band: " + FakeMusic.SONG.title()
                + "\n“for the drive”");
        assertThat(bot.last(CAROL)).startsWith("🎵 Alice Archer shared a song in Friday Band");
        assertThat(bot.last(ALICE)).isEqualTo("Sent " + FakeMusic.SONG.title() + " to the 2 people counted in for "
                + "Friday Band. I'll tell you as each of them plays it, and sum up when all have played it or 7 days "
                + "have passed. Sharing here counted you in too: songs shared in Friday Band come to you now, and "
                + "/leave sent there stops them.");
        Message shown = chats.messages(BAND_CHAT.id()).getLast();
        assertThat(shown.text()).isEqualTo("🎵 Alice Archer shared " + FakeMusic.SONG.title() + "\n“for the drive”\n"
                + LINK + "\n\nPlayed by 0 of 2 so far. It went privately to each person counted in here; tap Count me "
                + "in to get the next ones.");
        assertThat(shown.choices()).containsExactly(new Choice("Count me in", "join"));
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .as("sharing counts the sender in").contains(ALICE);

        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(lastChatText()).contains("Played by 1 of 2 so far: Bob Fisher.");
        assertThat(bot.inbox(ALICE)).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to"));
        assertThat(bot.last(BOB)).isEqualTo("Alice Archer's note on " + FakeMusic.SONG.title() + ": “told you so”");

        bot.play(CAROL, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(lastChatText()).contains("Played by 2 of 2: Bob Fisher, Carol Chen.");
        assertThat(bot.inbox(ALICE)).contains("2 of 2 played " + FakeMusic.SONG.title() + " (sent to Friday Band).");
        assertThat(chats.texts(BAND_CHAT.id())).as("the song's message was edited, not posted again").hasSize(3);
    }

    @Test
    void aSongSentInATopicIsShownThereKeepsItsTopicAndTheAnswersThereGoThereToo() {
        GroupChat roadTrip = new GroupChat(BAND_CHAT, "Friday Band", Optional.of("12"));
        tap(BOB, "join");

        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), roadTrip,
                new GroupChatAction.Command("send", LINK, Optional.empty())));
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), CAROL, bot.clock.instant(), roadTrip,
                new GroupChatAction.Command("who", "", Optional.empty())));

        List<String> refs = chats.refs(BAND_CHAT.id());
        String song = refs.get(refs.size() - 2);
        assertThat(chats.messages(BAND_CHAT.id()).get(refs.size() - 2).text()).contains("Played by 0 of 1 so far.");
        assertThat(chats.topicOf(song)).contains("12");
        assertThat(lastChatText()).startsWith("Songs shared here go to");
        assertThat(chats.topicOf(refs.getLast())).contains("12");
        assertThat(chats.topicOf(refs.getFirst())).as("the welcome, in no topic").isEmpty();
        assertThat(bot.stores.groupChats().findChatSong(shares().getFirst().groupSendId().orElseThrow())
                .orElseThrow().topic()).contains("12");

        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(chats.texts(BAND_CHAT.id()).get(refs.size() - 2)).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(chats.refs(BAND_CHAT.id())).as("edited where it is, nothing posted").isEqualTo(refs);
    }

    @Test
    void aSongsMessageFromSomeoneWithAPersianNameReadsLeftToRightWhenPostedAndWhenEdited() {
        ChatAddress ali = new ChatAddress(CHATS, "4");
        bot.register(ali, "علی رضا");
        tap(BOB, "join");

        command(ali, "send", LINK);
        assertThat(lastChatText()).as("posted").startsWith("\u200E🎵 علی رضا shared ");
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(lastChatText()).as("edited").startsWith("\u200E🎵 علی رضا shared ")
                .contains("Played by 1 of 1: Bob Fisher.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"receipts off Alice Archer", "receipts off", "block Alice Archer"})
    void someoneWhoStopsTellingTheSenderAfterPlayingIsNoLongerCountedOnTheChatsMessage(String choice) {
        tap(BOB, "join");
        command(CAROL, "join", "");
        command(ALICE, "send", LINK);
        bot.play(CAROL, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(lastChatText()).contains("Played by 1 of 2 so far: Carol Chen.");
        int before = chats.texts(BAND_CHAT.id()).size();

        bot.say(CAROL, choice);

        assertThat(lastChatText()).as("counted as if she had kept her plays from Alice when she played")
                .contains("Played by 0 of 1 so far.").doesNotContain("Carol");
        assertThat(chats.texts(BAND_CHAT.id())).as("the song's message edited, not posted again").hasSize(before);
    }

    @Test
    void sendInReplyToAMessageWithALinkTakesTheLinkFromIt() {
        tap(BOB, "join");

        in(ALICE, new GroupChatAction.Command("send", "you'll like this",
                Optional.of("look what I found " + LINK + "!")));

        assertThat(shares()).singleElement().satisfies(share -> {
            assertThat(share.receiver()).isEqualTo(BOB);
            assertThat(share.pre()).isEqualTo("you'll like this");
            assertThat(share.track().id()).isEqualTo(FakeMusic.SONG.id());
        });
    }

    @Test
    void aSongTakenFromAnotherPersonsMessageIsNotSentBackToWhoeverPostedItNorCountedForThem() {
        tap(BOB, "join");
        command(CAROL, "join", "");

        in(ALICE, new GroupChatAction.Command("send", "you'll like this",
                Optional.of("look what I found " + LINK), Optional.of(BOB)));

        assertThat(shares()).extracting(Share::receiver).containsExactly(CAROL);
        assertThat(bot.inbox(BOB)).noneMatch(text -> text.contains("shared a song in Friday Band"));
        assertThat(lastChatText()).contains("Played by 0 of 1 so far.");
        assertThat(bot.last(ALICE)).startsWith("Sent " + FakeMusic.SONG.title() + " to the 1 person counted in");
    }

    @Test
    void aSongTakenFromTheBotsMessageOfItIsNotSentBackToWhoeverSharedItHere() {
        tap(BOB, "join");
        command(CAROL, "join", "");
        command(ALICE, "send", LINK);
        String songMessage = lastChatText();

        in(BOB, new GroupChatAction.Command("send", "this again", Optional.of(songMessage)));

        assertThat(bot.stores.shares().sharesSentBy(BOB)).extracting(Share::receiver).containsExactly(CAROL);
        assertThat(bot.inbox(ALICE)).noneMatch(text -> text.contains("Bob Fisher shared a song in Friday Band"));
        assertThat(lastChatText()).startsWith("🎵 Bob Fisher shared").contains("Played by 0 of 1 so far.");
    }

    @Test
    void aSongTakenFromTheBotsMessageWhenOnlyItsSharerIsCountedInIsNotSentAndTheChatIsToldWhy() {
        tap(BOB, "join");
        command(ALICE, "send", LINK);

        in(BOB, new GroupChatAction.Command("send", "", Optional.of(lastChatText())));

        assertThat(bot.stores.shares().sharesSentBy(BOB)).isEmpty();
        assertThat(lastChatText()).startsWith("Nobody counted in here but you and whoever posted the song");
    }

    @Test
    void aSongTakenFromTheOnlyOtherPersonsMessageIsNotSentAndTheChatIsToldWhy() {
        tap(BOB, "join");

        in(ALICE, new GroupChatAction.Command("send", "", Optional.of(LINK), Optional.of(BOB)));

        assertThat(shares()).isEmpty();
        assertThat(lastChatText()).startsWith("Nobody counted in here but you and whoever posted the song");
    }

    @Test
    void aSongTakenFromAPostersMessageWhenTheOthersCannotGetItTellsTheSenderWhyOfEachAndNamesThem() {
        tap(BOB, "join");
        command(CAROL, "join", "");
        bot.register(DAN, "Dan Dunn");
        command(DAN, "join", "");
        disconnects(CAROL);
        blocksTheBot(DAN);

        in(ALICE, new GroupChatAction.Command("send", "", Optional.of(LINK), Optional.of(BOB)));

        assertThat(shares()).isEmpty();
        assertThat(bot.inbox(ALICE).getLast()).as("Bob posted the song: he is neither disconnected nor unreachable")
                .isEqualTo("Nothing was sent: whoever posted the song has it already, and everyone else counted in "
                        + "for Friday Band has disconnected their listening or can't get messages from me. Not sent to "
                        + "Carol Chen: they've disconnected their listening. Not sent to Dan Dunn: they've blocked me "
                        + "or stopped me in their chat app.");
    }

    @Test
    void aSongNobodyCountedInCanGetNamesWhoDisconnectedTheirListening() {
        command(CAROL, "join", "");
        disconnects(CAROL);

        command(ALICE, "send", LINK);

        assertThat(shares()).isEmpty();
        assertThat(bot.inbox(ALICE).getLast()).isEqualTo("Everyone else counted in for Friday Band has disconnected "
                + "their listening or can't get messages from me, so nothing was sent. Not sent to Carol Chen: "
                + "they've disconnected their listening.");
    }

    @Test
    void aLinkTypedWithTheSendGoesToThePersonItAnswersToo() {
        tap(BOB, "join");

        in(ALICE, new GroupChatAction.Command("send", LINK + " for you", Optional.of("anything good?"),
                Optional.of(BOB)));

        assertThat(shares()).extracting(Share::receiver).containsExactly(BOB);
    }

    @Test
    void aPostNoteAfterAPhonesNoBreakSpaceIsReadInAReplyToo() {
        tap(BOB, "join");

        in(ALICE, new GroupChatAction.Command("send", "for the drive\u00A0post:\"told you\"",
                Optional.of("look what I found " + LINK)));

        assertThat(shares()).singleElement().satisfies(share -> {
            assertThat(share.pre()).isEqualTo("for the drive");
            assertThat(share.post()).isEqualTo("told you");
        });
    }

    @Test
    void someoneCountedInBySharingASongIsToldSoOnceAndHowToStop() {
        tap(BOB, "join");

        command(ALICE, "send", LINK);
        command(ALICE, "send", FakeMusic.OTHER_SONG.id().link());

        String countedIn = " Sharing here counted you in too: songs shared in Friday Band come to you now, and /leave "
                + "sent there stops them.";
        assertThat(bot.inbox(ALICE)).hasSize(2);
        assertThat(bot.inbox(ALICE).getFirst()).startsWith("Sent " + FakeMusic.SONG.title() + " to the 1 person")
                .endsWith(countedIn);
        assertThat(bot.last(ALICE)).as("counted in already").startsWith("Sent " + FakeMusic.OTHER_SONG.title())
                .doesNotContain("counted you in");
        command(BOB, "send", LINK);
        assertThat(bot.last(BOB)).as("counted in by a tap").doesNotContain("counted you in");
    }

    @Test
    void someoneCountedInBySharingASongNobodyElseCouldGetIsSaidToBeCountedInNow() {
        command(ALICE, "send", LINK);

        assertThat(lastChatText()).isEqualTo("Nobody else here is counted in yet, so I didn't send it. Alice Archer is "
                + "counted in now. Tap Count me in (or send /join) to get the songs shared in this chat.");
        command(ALICE, "send", LINK);
        assertThat(lastChatText()).isEqualTo("Nobody else here is counted in yet, so I didn't send it. Tap Count me "
                + "in (or send /join) to get the songs shared in this chat.");
    }

    @Test
    void aSendCutShortAfterItCountedTheSenderInStillTellsThemSoWhenHandledAgain() {
        tap(BOB, "join");
        Inbound send = new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), BAND,
                new GroupChatAction.Command("send", LINK, Optional.empty()));
        ((InMemoryGroupChats) bot.stores.groupChats()).diesWhenASongIsNextShown();
        assertThatThrownBy(() -> bot.app.bot().handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.app.bot().handle(send);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox(ALICE)).singleElement().asString().startsWith("Sent " + FakeMusic.SONG.title())
                .endsWith(" Sharing here counted you in too: songs shared in Friday Band come to you now, and /leave "
                        + "sent there stops them.");
    }

    @Test
    void aSendNobodyElseCouldGetCutShortBeforeItsAnswerStillNamesTheSenderCountedInWhenHandledAgain() {
        Inbound send = new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), BAND,
                new GroupChatAction.Command("send", LINK, Optional.empty()));
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(BAND_CHAT)
                && held.message().text().startsWith("Nobody else"));
        assertThatThrownBy(() -> bot.app.bot().handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.app.bot().handle(send);

        assertThat(lastChatText()).isEqualTo("Nobody else here is counted in yet, so I didn't send it. Alice Archer is "
                + "counted in now. Tap Count me in (or send /join) to get the songs shared in this chat.");
    }

    @Test
    void withoutALinkOrAnyoneCountedInNothingIsSentAndTheChatIsTold() {
        command(ALICE, "send", "no link here");
        assertThat(lastChatText()).startsWith("Send a Spotify song link with it");

        command(ALICE, "send", LINK);
        assertThat(lastChatText()).startsWith("Nobody else here is counted in yet");
        assertThat(shares()).isEmpty();
    }

    @Test
    void anAlbumOrPodcastLinkIsToldWhatItIsAsInAPrivateChatAndNothingIsSent() {
        tap(BOB, "join");

        command(ALICE, "send", "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy?si=x for the drive");
        assertThat(lastChatText()).isEqualTo("That's a Spotify album, and I send one song at a time. Open a song in "
                + "it, tap Share, then Copy link, and paste that here.");
        command(ALICE, "send", "spotify:episode:512ojhOuo1ktJprKbVcKyQ");
        assertThat(lastChatText()).isEqualTo("That's a podcast episode, and I can only send songs.");

        assertThat(shares()).isEmpty();
    }

    @Test
    void notesDropControlAndBidiCharactersAsEveryNoteDoes() {
        tap(BOB, "join");

        command(ALICE, "send", LINK + " pre:\"he said \u0007 \u202eevil\u202c\ttab\u001b[31m\" post:\"after\u200f!\"");

        assertThat(shares()).singleElement().satisfies(share -> {
            assertThat(share.pre()).isEqualTo("he said  evil tab[31m");
            assertThat(share.post()).isEqualTo("after!");
        });
    }

    @Test
    void aLinkPastedWithoutItsSchemeOrWithAnEmojiRightAfterItIsSharedAsInAPrivateChat() {
        tap(BOB, "join");

        command(ALICE, "send", LINK.replace("https://", "") + "🎶 for the drive");

        assertThat(bot.last(BOB)).isEqualTo("🎵 Alice Archer shared a song in Friday Band: " + FakeMusic.SONG.title()
                + "\n“🎶 for the drive”");
    }

    @Test
    void aSongLinkedBesideItsAlbumIsSharedWithTheAlbumsLinkInItsNote() {
        tap(BOB, "join");
        String album = "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy";

        command(ALICE, "send", LINK + " the whole album: " + album);

        assertThat(bot.last(BOB)).isEqualTo("🎵 Alice Archer shared a song in Friday Band: " + FakeMusic.SONG.title()
                + "\n“the whole album: " + album + "”");
    }

    @Test
    void aLinkToAnotherMusicServiceSaysWhichAsInAPrivateChatAndNothingIsSent() {
        tap(BOB, "join");

        command(ALICE, "send", "https://music.youtube.com/watch?v=lYBUbBu4W08&si=x for the drive");

        assertThat(lastChatText()).isEqualTo(OtherMusicLinks.notSpotify("YouTube Music"));
        in(ALICE, new GroupChatAction.Command("send", "", Optional.of("new single! https://music.apple.com/us/album/x/1"
                + "?i=2")));
        assertThat(lastChatText()).as("in the message the /send answers").isEqualTo(
                OtherMusicLinks.notSpotify("Apple Music"));
        assertThat(shares()).isEmpty();
    }

    @Test
    void severalLinksAreRefusedAsInAPrivateChatAndNothingIsSent() {
        tap(BOB, "join");

        command(ALICE, "send", LINK + " for the drive " + FakeMusic.OTHER_SONG.id().link() + " and this one");

        assertThat(lastChatText()).isEqualTo("I found more than one link; send one song at a time.");
        assertThat(shares()).isEmpty();
        assertThat(bot.inbox(BOB)).noneMatch(text -> text.startsWith("🎵"));
    }

    @Test
    void someoneWhoLeftTheChatIsCountedOutBeforeTheNextSong() {
        tap(BOB, "join");
        tap(CAROL, "join");
        chats.leaves(BAND_CHAT.id(), "3");

        command(ALICE, "send", LINK);

        assertThat(shares()).extracting(Share::receiver).containsExactly(BOB);
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .doesNotContain(CAROL);
    }

    @Test
    void leavingTheChatStopsItsOpenSongsAndTheSummaryNamesThem() {
        tap(BOB, "join");
        tap(CAROL, "join");
        command(ALICE, "send", LINK);

        chats.leaves(BAND_CHAT.id(), CAROL.id());
        in(CAROL, new GroupChatAction.MemberLeft(CAROL));
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(shares()).filteredOn(share -> share.receiver().equals(CAROL)).singleElement()
                .extracting(Share::status).isEqualTo(ShareStatus.LEFT_GROUP);
        assertThat(lastChatText()).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(bot.inbox(ALICE)).filteredOn(text -> text.startsWith("1 of 1 played")).singleElement().asString()
                .contains("left the chat: Carol Chen");
    }

    @Test
    void theReceiversChoicesHoldInAChatAsInAGroup() {
        tap(BOB, "join");
        tap(CAROL, "join");
        bot.reply(BOB, "block Alice Archer");
        bot.reply(CAROL, "receipts off Alice Archer");

        command(ALICE, "send", LINK);

        assertThat(bot.inbox(BOB)).noneMatch(text -> text.contains("shared a song in Friday Band"));
        assertThat(bot.last(CAROL)).startsWith("🎵 Alice Archer shared a song in Friday Band");
        assertThat(bot.last(ALICE)).startsWith("Sent " + FakeMusic.SONG.title() + " to 1 of the 2 people counted in "
                + "for Friday Band. I couldn't deliver it to Bob Fisher.").as("nothing to promise: nobody tells")
                .doesNotContain("I'll tell you")
                .contains(" Carol Chen doesn't share when they play songs, so you won't hear about theirs.");
        assertThat(shares()).singleElement().satisfies(share -> assertThat(share.receiptsOff()).isTrue());

        command(ALICE, "send", LINK);
        assertThat(bot.last(ALICE)).isEqualTo("Nothing was sent to the people counted in for Friday Band. Carol Chen "
                + "already has it from you, so I didn't send it again. I couldn't deliver it to Bob Fisher.");
    }

    @Test
    void theChatsCountLeavesOutWhoKeepsTheirPlaysFromTheSender() {
        tap(BOB, "join");
        tap(CAROL, "join");
        bot.reply(CAROL, "receipts off Alice Archer");
        command(ALICE, "send", LINK);
        assertThat(lastChatText()).contains("Played by 0 of 1 so far.");

        bot.play(CAROL, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(lastChatText()).contains("Played by 1 of 1: Bob Fisher.").doesNotContain("Carol");
    }

    @Test
    void someoneWhoBlockedTheBotIsLeftOutWithTheReason() {
        tap(BOB, "join");
        tap(CAROL, "join");
        people.blocks(BOB.id());
        bot.reply(ALICE, "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.advance(Duration.ofMinutes(1));

        command(ALICE, "send", LINK);

        assertThat(bot.last(CAROL)).startsWith("🎵 Alice Archer shared a song in Friday Band");
        assertThat(bot.last(ALICE)).as("not 'the 1 person counted in': Bob is counted in too")
                .startsWith("Sent " + FakeMusic.SONG.title() + " to 1 of the 2 people counted in for "
                + "Friday Band.").contains(" Not sent to Bob Fisher: they've blocked me or stopped me in their chat "
                + "app.");
    }

    @Test
    void anEditTheChatsRateLimitHoldsBackGoesOutFromTheTick() {
        tap(BOB, "join");
        command(ALICE, "send", LINK);
        chats.holdBack(BAND_CHAT.id(), 1);

        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(lastChatText()).contains("Played by 0 of 1");

        bot.advance(Duration.ofSeconds(30));
        assertThat(lastChatText()).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(bot.stores.groupChats().chatSongsDue(bot.clock.instant().plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void oneChatWaitingForItsPaceDoesNotHoldUpTheEditsDueInAnother() {
        GroupChat crew = new GroupChat(new ChatAddress(CHATS, "-200"), "Crew");
        chats.chat(crew.address().id(), "1", "2");
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), crew,
                new GroupChatAction.BotAdded()));
        tap(BOB, "join");
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), BOB, bot.clock.instant(), crew,
                new GroupChatAction.Tap("join", "crew-tap")));
        command(ALICE, "send", LINK);
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), crew,
                new GroupChatAction.Command("send", FakeMusic.OTHER_SONG.id().link(), Optional.empty())));
        chats.holdBack(BAND_CHAT.id(), 1);
        chats.holdBack(crew.address().id(), 1);
        bot.play(BOB, FakeMusic.SONG);
        bot.play(BOB, FakeMusic.OTHER_SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(lastChatText()).contains("Played by 0 of 1");
        // Each edit waits, as for its chat's slot, until the other chat's edit has begun too: one chat after the
        // other would make the first give up waiting.
        chats.beforeEachPostOrEdit(new Rendezvous(2));

        bot.advance(Duration.ofSeconds(30));

        assertThat(lastChatText()).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(chats.texts(crew.address().id()).getLast()).contains("Played by 1 of 1: Bob Fisher.");
    }

    @Test
    void slashLeaveCountsOutAndWhoListsWhoIsCountedIn() {
        tap(BOB, "join");
        tap(CAROL, "join");

        command(CAROL, "leave", "");
        assertThat(lastChatText()).isEqualTo("Carol Chen is counted out: songs shared here no longer go to them.");
        command(DAN, "who", "");
        assertThat(lastChatText()).isEqualTo("Songs shared here go to 1 person: Bob Fisher.");
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"right after counting them out", "before posting the answer"})
    void slashLeaveCutShortAfterCountingOutIsAnsweredOnceAsTheFirstRunWouldHaveWhenHandledAgain(String when) {
        tap(BOB, "join");
        tap(CAROL, "join");
        command(ALICE, "send", LINK);
        int before = chats.texts(BAND_CHAT.id()).size();
        Inbound leave = new Inbound.InGroupChat(bot.nextEventId(), CAROL, bot.clock.instant(), BAND,
                new GroupChatAction.Command("leave", "", Optional.empty()));
        if (when.startsWith("right after")) {
            ((InMemoryGroupChats) bot.stores.groupChats()).diesAfterNextRemoveMember();
        } else {
            ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(BAND_CHAT)
                    && held.message().text().startsWith("Carol Chen"));
        }
        assertThatThrownBy(() -> bot.app.bot().handle(leave)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.app.bot().handle(leave);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(chats.texts(BAND_CHAT.id()).subList(before, chats.texts(BAND_CHAT.id()).size()))
                .containsExactly("Carol Chen is counted out: songs shared here no longer go to them.");
        assertThat(shares()).filteredOn(share -> share.receiver().equals(CAROL)).singleElement()
                .extracting(Share::status).isEqualTo(ShareStatus.LEFT_GROUP);
    }

    @Test
    void slashLeaveIsAnsweredOnlyOnceThePersonIsCountedOut() {
        tap(BOB, "join");
        tap(CAROL, "join");
        List<Boolean> carolCountedInAtThePost = new ArrayList<>();
        chats.beforeEachPostOrEdit(() -> {
            carolCountedInAtThePost.add(bot.stores.groupChats().membersOf(BAND_CHAT).stream()
                    .anyMatch(member -> member.person().equals(CAROL)));
            return true;
        });

        command(CAROL, "leave", "");

        assertThat(lastChatText()).isEqualTo("Carol Chen is counted out: songs shared here no longer go to them.");
        assertThat(carolCountedInAtThePost).as("a song shared once the answer is seen must not go to her")
                .containsOnly(false);
    }

    @Test
    void whoNamesApartWhoCannotBeReachedWithoutSayingWhyAndCountsThemAgainOnceTheyWrite() {
        tap(BOB, "join");
        tap(CAROL, "join");
        blocksTheBot(BOB);

        command(DAN, "who", "");
        assertThat(lastChatText()).isEqualTo("Songs shared here go to 1 person: Carol Chen. Can't be reached right "
                + "now: Bob Fisher (songs reach them again once they write to me privately).");

        bot.clock.advance(Duration.ofMinutes(1));
        people.unblocks(BOB.id());
        bot.reply(BOB, "help"); // on a platform that does not tell the bot of an unblock, writing is what tells it
        command(DAN, "who", "");
        assertThat(lastChatText()).isEqualTo("Songs shared here go to 2 people: Bob Fisher, Carol Chen.");
    }

    @Test
    void whenNobodyCountedInCanBeReachedWhoSaysSongsGoToNobodyNow() {
        tap(BOB, "join");
        blocksTheBot(BOB);

        command(ALICE, "who", "");

        assertThat(lastChatText()).isEqualTo("Songs shared here go to nobody right now. Can't be reached right now: "
                + "Bob Fisher (songs reach them again once they write to me privately).");
    }

    @Test
    void joiningCountsOnlyThePeopleSongsReachAndSomeoneUnreachableIsToldPrivatelyHowToGetThem() {
        tap(CAROL, "join");
        blocksTheBot(CAROL);
        blocksTheBot(BOB);

        FakeGroupChats.TapAnswer answer = tap(BOB, "join");
        assertThat(answer.notice()).isEqualTo("You're in, but I can't reach you: you've blocked me or stopped me "
                + "in your chat app. Write to me in our chat (I've opened it) to get the songs shared here.");
        assertThat(answer.open()).hasValueSatisfying(link -> assertThat(link.toString()).endsWith("start=group"));

        command(ALICE, "join", "");
        assertThat(lastChatText()).isEqualTo("Alice Archer is counted in: songs shared here now reach 1 person.");
        command(CAROL, "join", "");
        assertThat(lastChatText()).isEqualTo("Carol Chen is counted in already, but can't be reached right now "
                + "(songs reach them again once they write to me privately).");
    }

    @Test
    void whoNamesApartWhoDisconnectedTheirListeningAndCountsThemAgainOnceTheyReconnect() {
        bot.register(DAN, "Dan Dunn");
        tap(BOB, "join");
        tap(CAROL, "join");
        tap(DAN, "join");
        disconnects(DAN);
        blocksTheBot(BOB);
        disconnects(BOB);

        command(ALICE, "who", "");
        assertThat(lastChatText()).as("who blocked the bot and disconnected too is named as every /send names them")
                .isEqualTo("Songs shared here go to 1 person: Carol Chen. Not getting songs until they connect "
                        + "their listening again: Bob Fisher, Dan Dunn.");

        bot.connectThroughOwnLink(DAN, SourceKind.SPOTIFY, DAN.key());
        command(ALICE, "who", "");
        assertThat(lastChatText()).as("no other step").isEqualTo("Songs shared here go to 2 people: Carol Chen, "
                + "Dan Dunn. Not getting songs until they connect their listening again: Bob Fisher.");
    }

    @Test
    void joiningSaysSoOfSomeoneWhoDisconnectedTheirListeningAndTellsThemPrivatelyHowToGetTheSongs() {
        tap(CAROL, "join");
        disconnects(CAROL);
        disconnects(BOB);

        FakeGroupChats.TapAnswer answer = tap(BOB, "join");
        assertThat(answer.notice()).isEqualTo("You're in, but your Spotify connection has ended, so the songs shared "
                + "here don't reach you. Send /connect in our chat (I've opened it) to reconnect.");
        assertThat(answer.open()).hasValueSatisfying(link -> assertThat(link.toString()).endsWith("start=group"));
        assertThat(tap(BOB, "join").notice()).startsWith("You're counted in already, but your Spotify connection");

        command(ALICE, "join", "");
        assertThat(lastChatText()).isEqualTo("Alice Archer is counted in: songs shared here now reach 1 person.");
        command(CAROL, "join", "");
        assertThat(lastChatText()).isEqualTo("Carol Chen is counted in already, but isn't getting songs until they "
                + "connect their listening again.");
    }

    @Test
    void aSongsMessageSaysHowManyCountedInItDidNotGoTo() {
        bot.register(DAN, "Dan Dunn");
        tap(BOB, "join");
        tap(CAROL, "join");
        tap(DAN, "join");
        blocksTheBot(DAN);

        command(ALICE, "send", LINK);

        assertThat(bot.last(ALICE)).startsWith("Sent " + FakeMusic.SONG.title() + " to 2 of the 3 people counted in")
                .contains("Not sent to Dan Dunn: they've blocked me or stopped me in their chat app.");
        assertThat(lastChatText()).as("the chat is not told who or why").endsWith("\n\nPlayed by 0 of 2 so far. It "
                + "went privately to everyone counted in here but one; tap Count me in to get the next ones.");
    }

    @Test
    void aSongThatNeverReachedSomeoneCountedInIsNotCountedAsTheirsToPlay() {
        tap(BOB, "join");
        tap(CAROL, "join");
        people.blocks(BOB.id()); // the platform does not tell the bot: the song waits for Bob, who never writes
        command(ALICE, "send", LINK);
        bot.play(CAROL, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(lastChatText()).contains("Played by 1 of 2 so far: Carol Chen.");

        bot.advance(Duration.ofDays(15));

        assertThat(shares()).filteredOn(share -> share.receiver().equals(BOB)).extracting(Share::status)
                .containsExactly(ShareStatus.UNDELIVERED);
        assertThat(lastChatText()).endsWith("\n\nPlayed by 1 of 1: Carol Chen. It went privately to everyone "
                + "counted in here but one; tap Count me in to get the next ones.");
    }

    @Test
    void aSongThatReachedNobodyCountedInSaysSo() {
        tap(BOB, "join");
        people.blocks(BOB.id());
        command(ALICE, "send", LINK);

        bot.advance(Duration.ofDays(15));

        assertThat(lastChatText()).endsWith("\n\nIt reached nobody counted in here. Tap Count me in to get the next "
                + "ones.");
    }

    @Test
    void aSongsMessageWhosePeopleAllLeftSaysSoAndNoMoreThatItWentToEveryoneCountedIn() {
        tap(BOB, "join");
        tap(CAROL, "join");
        disconnects(CAROL);
        command(ALICE, "send", LINK);

        command(BOB, "leave", "");

        assertThat(chats.texts(BAND_CHAT.id())).filteredOn(text -> text.startsWith("🎵")).last().asString()
                .endsWith("\n\nNobody it went to is counted in here any more. Tap Count me in to get the next ones.");
    }

    @Test
    void someoneWhoKeepsTheirPlaysLeavingTellsTheChatNothingOfWhetherTheyPlayedTheSongs() {
        tap(BOB, "join");
        bot.reply(BOB, "receipts off Alice Archer");
        command(ALICE, "send", LINK);
        command(ALICE, "send", FakeMusic.OTHER_SONG.id().link());
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        command(BOB, "leave", "");

        List<String> songs = chats.texts(BAND_CHAT.id()).stream().filter(text -> text.startsWith("🎵")).toList();
        assertThat(songs).hasSize(2);
        String played = songs.get(0);
        String notPlayed = songs.get(1);
        assertThat(notPlayed.substring(notPlayed.lastIndexOf("\n\n")))
                .isEqualTo(played.substring(played.lastIndexOf("\n\n")));
    }

    /** The person's listening source refused the bot (revoked, or too old): they must connect it again. */
    private void disconnects(ChatAddress person) {
        bot.stores.users().saveUser(bot.stores.users().findUser(person).orElseThrow()
                .withGrantState(GrantState.NEEDS_RECONNECT));
    }

    /** The person blocks the bot, and their platform tells the bot so (as Telegram does). */
    private void blocksTheBot(ChatAddress person) {
        people.blocks(person.id());
        bot.app.bot().handle(new Inbound.BotBlocked(bot.nextEventId(), person, bot.clock.instant()));
    }

    @Test
    void slashLeaveFromSomeoneNotCountedInSaysSoInPlainWords() {
        command(BOB, "leave", "");
        assertThat(lastChatText()).isEqualTo("Bob Fisher wasn't counted in here.");

        command(DAN, "leave", "");
        assertThat(lastChatText()).as("someone the bot does not know").isEqualTo("You weren't counted in here.");
    }

    @Test
    void whenTheBotIsRemovedNobodyIsCountedInAndItsMessagesWaitForItToBeAddedBack() {
        tap(BOB, "join");
        command(ALICE, "send", LINK);
        chats.removeBot(BAND_CHAT.id());

        in(ALICE, new GroupChatAction.BotRemoved());
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
        assertThat(bot.stores.groupChats().findChatSong(shares().getFirst().groupSendId().orElseThrow()))
                .hasValueSatisfying(song -> assertThat(song.awaitingBot()).isTrue());
        assertThat(bot.inbox(ALICE)).anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to"));
        assertThat(lastChatText()).contains("Played by 0 of 1 so far.");
    }

    @Test
    void whenTheBotIsRemovedEveryoneCountedInButWhoRemovedItIsToldPrivatelyThatTheChatsSongsStopAndHowToGetThemAgain() {
        tap(ALICE, "join");
        tap(BOB, "join");
        tap(CAROL, "join");
        chats.removeBot(BAND_CHAT.id());
        Inbound.InGroupChat removed = new Inbound.InGroupChat("removed", ALICE, bot.clock.instant(), BAND,
                new GroupChatAction.BotRemoved());

        bot.app.bot().handle(removed);
        bot.app.bot().handle(removed);

        String told = "I was removed from Friday Band, so the songs shared there no longer come to you. If someone "
                + "adds me back within 30 days while you're still in it, you're counted in again; after that, tap "
                + "Count me in there again.";
        assertThat(bot.inbox(BOB)).containsOnlyOnce(told);
        assertThat(bot.inbox(CAROL)).containsOnlyOnce(told);
        assertThat(bot.inbox(ALICE)).as("who removed it knows").doesNotContain(told);
        assertThat(bot.inbox(DAN)).as("never counted in").isEmpty();
    }

    @Test
    void theSongsMessagesThatChangedWhileTheBotWasOutAreEditedWhenItIsAddedBack() {
        tap(BOB, "join");
        command(ALICE, "send", LINK);
        command(ALICE, "send", FakeMusic.OTHER_SONG.id().link());
        chats.removeBot(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotRemoved());
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        chats.addBotBack(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotAdded());

        assertThat(chatText(1)).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(chatText(2)).as("unchanged while the bot was out").contains("Played by 0 of 1 so far.");
        assertThat(lastChatText()).startsWith("I'm back, Friday Band! 2 people who were counted in before still are");
        assertThat(bot.stores.groupChats().chatSongsAwaitingBot(BAND_CHAT)).isEmpty();
    }

    @Test
    void aSongThatSettlesJustAsTheBotIsAddedBackIsShownSettledWithoutWaitingForItsNextChange() {
        tap(BOB, "join");
        command(ALICE, "send", LINK);
        chats.removeBot(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotRemoved());
        // The bot is added back, and that is handled, after Telegram refused the edit of the settled count but before
        // the song's message is marked to wait for the bot: the sweep of the marked ones finds nothing yet.
        chats.afterTheNextRefusalAsOut(() -> {
            chats.addBotBack(BAND_CHAT.id());
            in(ALICE, new GroupChatAction.BotAdded());
        });

        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(chatText(1)).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(lastChatText()).startsWith("I'm back, Friday Band!");
        assertThat(bot.stores.groupChats().chatSongsAwaitingBot(BAND_CHAT)).isEmpty();
    }

    @Test
    void aChatThatMovesToANewAddressKeepsWhoIsCountedInSinceWhenTheyJoined() {
        tap(BOB, "join");
        bot.advance(Duration.ofMinutes(1));
        tap(CAROL, "join");
        List<CountedMember> before = bot.stores.groupChats().membersOf(BAND_CHAT);
        ChatAddress supergroup = new ChatAddress(CHATS, "-1000000000100");

        in(ALICE, new GroupChatAction.Moved(supergroup));
        in(ALICE, new GroupChatAction.Moved(supergroup));

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
        assertThat(bot.stores.groupChats().membersOf(supergroup)).containsExactlyElementsOf(before.stream()
                .map(member -> new CountedMember(supergroup, member.person(), member.joinedAt(), member.title()))
                .toList());
    }

    @Test
    void aChatThatMovedTakesItsOpenSongsAlongSoLeaveThereStopsThemAndTheirMessageGoesOnThere() {
        tap(BOB, "join");
        command(CAROL, "join", "");
        command(ALICE, "send", LINK);
        ChatAddress supergroup = new ChatAddress(CHATS, "-1000000000100");
        chats.chat(supergroup.id(), "1", "2", "3", "4");
        GroupChat moved = new GroupChat(supergroup, "Friday Band");

        in(ALICE, new GroupChatAction.Moved(supergroup));
        in(ALICE, new GroupChatAction.Moved(supergroup));
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), BOB, bot.clock.instant(), moved,
                new GroupChatAction.Command("leave", "", Optional.empty())));
        bot.play(BOB, FakeMusic.SONG);
        bot.play(CAROL, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(shares()).filteredOn(share -> share.receiver().equals(BOB)).singleElement()
                .extracting(Share::status).isEqualTo(ShareStatus.LEFT_GROUP);
        assertThat(bot.stores.groups().findGroupSend(shares().getFirst().groupSendId().orElseThrow()).orElseThrow()
                .groupId()).isEqualTo(supergroup.key());
        assertThat(chats.texts(supergroup.id())).filteredOn(text -> text.startsWith("🎵"))
                .singleElement().asString().contains("Played by 1 of 1: Carol Chen.");
        assertThat(bot.inbox(ALICE)).noneMatch(text -> text.startsWith("🎧 Bob Fisher"));
    }

    @Test
    void aCommandInTheNewChatHandledBeforeTheMoveThereFindsThePeopleCountedInAlready() {
        tap(BOB, "join");
        command(CAROL, "join", "");
        ChatAddress supergroup = new ChatAddress(CHATS, "-1000000000100");
        chats.chat(supergroup.id(), "1", "2", "3", "4");
        GroupChat moved = new GroupChat(supergroup, "Friday Band");
        // Dan upgraded the chat: the move is his event, waiting behind his others, while Bob's and Alice's go first.
        bot.stores.inbox().append(List.of(new Inbound.InGroupChat(bot.nextEventId(), DAN, bot.clock.instant(), BAND,
                new GroupChatAction.Moved(supergroup))), bot.clock.instant());

        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), BOB, bot.clock.instant(), moved,
                new GroupChatAction.Command("leave", "", Optional.empty())));
        assertThat(chats.texts(supergroup.id()).getLast())
                .isEqualTo("Bob Fisher is counted out: songs shared here no longer go to them.");
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), moved,
                new GroupChatAction.Command("send", LINK, Optional.empty())));
        in(DAN, new GroupChatAction.Moved(supergroup));

        assertThat(bot.stores.groupChats().membersOf(supergroup)).extracting(CountedMember::person)
                .contains(CAROL).doesNotContain(BOB);
        assertThat(bot.inbox(CAROL)).anyMatch(text -> text.contains("shared a song in Friday Band"));
        assertThat(bot.inbox(BOB)).noneMatch(text -> text.contains("shared a song in Friday Band"));
    }

    @Test
    void anUnknownCommandPointsToWhatWorksHere() {
        command(BOB, "history", "");
        assertThat(lastChatText()).isEqualTo("/history works in our private chat, not here: "
                + "https://chat.example/bot?start=group. Here: /send <Spotify link> <note>, /join, /leave, /who.");

        command(BOB, "pendng", "");
        assertThat(lastChatText()).startsWith("I don't know /pendng in a group.");
    }

    @Test
    void aMentionAskingForOnesOwnGroupsInPlainWordsSaysTheyAreKeptInThePrivateChatAndLeavesNothing() {
        bot.reply(ALICE, "create_group Family");
        bot.reply(ALICE, "add_to_group Family \"Bob Fisher\"");
        tap(BOB, "join");

        for (String typed : List.of("leave Family", "add Carol to Family", "who is in Family?", "create a group called "
                + "Band", "my groups")) {
            command(BOB, "help", typed); // the bot mentioned with these words, no link
            assertThat(lastChatText()).as(typed).isEqualTo("Groups of your own (made, filled, left) are kept in our "
                    + "private chat: https://chat.example/bot?start=group. Here: /send <Spotify link> <note>, /join, "
                    + "/leave, /who.");
        }
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person).contains(BOB);
        assertThat(bot.reply(ALICE, "members Family")).contains("Bob Fisher").doesNotContain("Carol Chen");
        command(BOB, "help", "how does this work?");
        assertThat(lastChatText()).as("other words: the welcome").startsWith("Hi Friday Band! I'm Send Songs.");
    }

    @Test
    void whenTheBotIsAddedBackThoseCountedInBeforeWhoAreStillInTheChatAreCountedInAgainAndTheChatIsToldSo() {
        tap(ALICE, "join");
        tap(BOB, "join");
        tap(CAROL, "join");
        chats.removeBot(BAND_CHAT.id());
        in(DAN, new GroupChatAction.BotRemoved());
        chats.leaves(BAND_CHAT.id(), CAROL.id());
        bot.advance(Duration.ofDays(29));

        chats.addBotBack(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotAdded());

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .as("as before, but Carol, who left meanwhile").containsExactly(ALICE, BOB);
        Message back = chats.messages(BAND_CHAT.id()).getLast();
        assertThat(back.text()).isEqualTo("I'm back, Friday Band! 2 people who were counted in before still are: songs "
                + "shared here reach them again. Others can tap Count me in (or /join) to be counted in, /leave to "
                + "stop. Share a Spotify song here with /send <link> <a note, if you like>.");
        assertThat(back.choices()).containsExactly(new Choice("Count me in", "join"));
        command(ALICE, "send", LINK);
        assertThat(bot.last(BOB)).startsWith("🎵 Alice Archer shared a song in Friday Band");
        assertThat(bot.inbox(CAROL)).noneMatch(text -> text.contains("shared a song"));

        chats.removeBot(BAND_CHAT.id());
        in(DAN, new GroupChatAction.BotRemoved());
        chats.addBotBack(BAND_CHAT.id());
        in(DAN, new GroupChatAction.BotAdded());
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .as("every time").containsExactly(ALICE, BOB);
    }

    @Test
    void aGroupUpgradedToASupergroupWhileTheBotWasAwayCountsInThoseKeptUnderItsOldIdWhenTheBotIsAddedThere() {
        tap(ALICE, "join");
        tap(BOB, "join");
        chats.removeBot(BAND_CHAT.id());
        in(DAN, new GroupChatAction.BotRemoved());
        ChatAddress supergroup = new ChatAddress(CHATS, "-1000000000100");
        chats.chat(supergroup.id(), "1", "2", "4");
        chats.upgraded(BAND_CHAT.id(), supergroup.id()); // while the bot is away: it learns nothing of it
        GroupChat moved = new GroupChat(supergroup, "Friday Band");

        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), BOB, bot.clock.instant(), moved,
                new GroupChatAction.BotAdded()));

        assertThat(bot.stores.groupChats().membersOf(supergroup)).extracting(CountedMember::person)
                .as("as its removal notice promised").containsExactly(ALICE, BOB);
        assertThat(chats.texts(supergroup.id()).getLast()).startsWith("I'm back, Friday Band! 2 people who were "
                + "counted in before still are");
        assertThat(bot.stores.groupChats().keptMembersOf(BAND_CHAT, bot.clock.instant())).isEmpty();
        assertThat(bot.stores.groupChats().chatsKeptFor(ALICE, bot.clock.instant())).isEmpty();
    }

    @Test
    void aChatTheBotIsAddedToBySomeoneKeptForAnotherChatThatDidNotMoveThereIsWelcomedAsNew() {
        tap(BOB, "join");
        chats.removeBot(BAND_CHAT.id());
        in(DAN, new GroupChatAction.BotRemoved());
        ChatAddress other = new ChatAddress(CHATS, "-1000000000200");
        chats.chat(other.id(), "2");

        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), BOB, bot.clock.instant(),
                new GroupChat(other, "Choir"), new GroupChatAction.BotAdded()));

        assertThat(chats.texts(other.id()).getLast()).startsWith("Hi Choir! I'm Send Songs.");
        assertThat(bot.stores.groupChats().membersOf(other)).isEmpty();
        assertThat(bot.stores.groupChats().keptMembersOf(BAND_CHAT, bot.clock.instant()))
                .extracting(CountedMember::person).containsExactly(BOB);
    }

    @Test
    void theBotsReturnHandledAgainSaysItOnceAndCountsTheSamePeopleInOnce() {
        tap(BOB, "join");
        tap(CAROL, "join");
        chats.removeBot(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotRemoved());
        chats.addBotBack(BAND_CHAT.id());
        int before = chats.texts(BAND_CHAT.id()).size();
        Inbound.InGroupChat added = new Inbound.InGroupChat("added-back", ALICE, bot.clock.instant(), BAND,
                new GroupChatAction.BotAdded());

        bot.app.bot().handle(added);
        bot.app.bot().handle(added);

        assertThat(chats.texts(BAND_CHAT.id()).subList(before, chats.texts(BAND_CHAT.id()).size())).singleElement()
                .asString().startsWith("I'm back, Friday Band! 2 people who were counted in before still are");
        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).extracting(CountedMember::person)
                .containsExactly(BOB, CAROL);
    }

    @Test
    void theBotAddedBackAfterThirtyDaysOrOnceEveryoneLeftCountsNobodyInAgain() {
        tap(BOB, "join");
        chats.removeBot(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotRemoved());
        bot.advance(Duration.ofDays(30).plusMinutes(1));
        chats.addBotBack(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotAdded());

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
        assertThat(lastChatText()).startsWith("Hi Friday Band! I'm Send Songs.");

        tap(BOB, "join");
        chats.removeBot(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotRemoved());
        chats.leaves(BAND_CHAT.id(), BOB.id());
        chats.addBotBack(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotAdded());

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
        assertThat(lastChatText()).startsWith("I'm back, Friday Band! Nobody who was counted in before is still "
                + "here. Others can tap Count me in");
    }

    @Test
    void forgetMeWhileTheBotIsOutOfAChatLeavesNothingToCountThePersonInAgain() {
        tap(BOB, "join");
        chats.removeBot(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotRemoved());

        bot.reply(BOB, "forget_me");
        bot.reply(BOB, "forget_me confirm");
        bot.register(BOB, "Bob Fisher");
        chats.addBotBack(BAND_CHAT.id());
        in(ALICE, new GroupChatAction.BotAdded());

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
    }

    @Test
    void aChatsTitleIsLearntFromItsEventsSoTellingItFromAFriendsNameAsksThePlatformNothing() {
        chats.titled(BAND_CHAT.id(), "Friday Band");
        tap(BOB, "join");
        int asked = chats.titlesAsked();

        assertThat(bot.reply(BOB, "send_song name:\"friday band\" " + LINK)).startsWith("Friday Band is a group chat");
        GroupChat renamed = new GroupChat(BAND_CHAT, "Saturday Band");
        bot.app.bot().handle(new Inbound.InGroupChat(bot.nextEventId(), ALICE, bot.clock.instant(), renamed,
                new GroupChatAction.Renamed()));
        assertThat(bot.reply(BOB, "send_song name:\"saturday band\" " + LINK))
                .startsWith("Saturday Band is a group chat");
        assertThat(bot.reply(BOB, "send_song name:\"friday band\" " + LINK)).as("its old title is a name again")
                .doesNotStartWith("Friday Band is a group chat");

        assertThat(chats.titlesAsked()).isEqualTo(asked);
    }

    @Test
    void forgetMeCountsThePersonOutOfEveryChat() {
        tap(BOB, "join");

        bot.reply(BOB, "forget_me");
        bot.reply(BOB, "forget_me confirm");

        assertThat(bot.stores.groupChats().membersOf(BAND_CHAT)).isEmpty();
    }

    @Test
    void forgetMeStopsTheChatsSongsToThePersonSoTheCountAndTheSummaryFinish() {
        tap(BOB, "join");
        tap(CAROL, "join");
        command(ALICE, "send", LINK);
        bot.play(BOB, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));
        assertThat(lastChatText()).contains("Played by 1 of 2 so far: Bob Fisher.");

        bot.reply(CAROL, "forget_me");
        bot.reply(CAROL, "forget_me confirm");
        bot.advance(Duration.ofMinutes(5));

        assertThat(lastChatText()).contains("Played by 1 of 1: Bob Fisher.");
        assertThat(bot.inbox(ALICE)).anyMatch(text -> text.startsWith("1 of 1 played " + FakeMusic.SONG.title()));
    }

    @Test
    void oneCountedInIsOnePersonAndASongNobodyIsCountedInForAnyMoreSaysSo() {
        command(BOB, "join", "");
        assertThat(lastChatText()).isEqualTo("Bob Fisher is counted in: songs shared here now reach 1 person.");

        command(ALICE, "send", LINK);
        assertThat(bot.last(ALICE)).isEqualTo("Sent " + FakeMusic.SONG.title() + " to the 1 person counted in for "
                + "Friday Band. I'll tell you when they play it, or if they haven't within 7 days. Sharing here counted "
                + "you in too: songs shared in Friday Band come to you now, and /leave sent there stops them.");

        bot.reply(BOB, "forget_me");
        bot.reply(BOB, "forget_me confirm");
        bot.advance(Duration.ofMinutes(5));

        assertThat(lastChatText()).doesNotContain("0 of 0").contains("Nobody it went to is counted in here any more.");
    }

    @Test
    void theSameEventDeliveredTwiceIsHandledOnce() {
        Inbound.InGroupChat join = new Inbound.InGroupChat("same-id", BOB, bot.clock.instant(), BAND,
                new GroupChatAction.Command("join", "", Optional.empty()));

        bot.app.bot().handle(join);
        bot.app.bot().handle(join);

        assertThat(chats.texts(BAND_CHAT.id())).hasSize(2);
    }
}
