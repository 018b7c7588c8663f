package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.fakes.InMemoryGroups;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.InMemoryRegistrations;
import app.sendsongs.core.fakes.InMemoryShares;
import app.sendsongs.core.fakes.InMemoryUsers;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An event whose handling a crash cut short is handled again (the inbox claims it again once the
 * dead worker's lease ends, a queue delivers it again), and what it does happens once: the sender
 * gets one answer, each song reaches each receiver once, and no share is left waiting with nothing
 * to deliver it. The crash is the process dying in the middle of a send, before or after the
 * platform took the message.
 */
class CutShortHandlingTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final Track OTHER = FakeMusic.OTHER_SONG;
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol Jones");
        bot.register("dan", "Dan Brown");
    }

    @Test
    void anEventHandledAgainAfterItWasMarkedHandledDoesNothing() {
        Inbound send = text("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.handle(send);

        bot.handle(send);

        assertThat(bot.inbox("alice")).hasSize(1);
        assertThat(bot.inbox("bob")).hasSize(1);
    }

    @Test
    void cutShortBeforeTheSongWentTheSongGoesOnceWhenItsLeaseEndsAndTheSenderIsAnsweredOnce() {
        Inbound send = text("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.diesOnSend(1, false);
        assertThatThrownBy(() -> bot.handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(share().status()).as("stored with its delivery held").isEqualTo(ShareStatus.HELD);

        bot.handle(send);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.inbox("alice")).as("nothing failed: the first run's send was only cut short")
                .containsExactly("Sent " + TITLE + " to Bob Fisher. I'll tell you when they play it (I'll watch for 7 "
                        + "days).");
        assertThat(bot.inbox("bob")).hasSize(1);
        assertThat(share().status()).isEqualTo(ShareStatus.WATCHING);
    }

    @Test
    void cutShortAfterThePlatformTookTheSongItsEchoKeepsItFromGoingTwice() {
        Inbound send = text("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.diesOnSend(1, true);
        assertThatThrownBy(() -> bot.handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.app.confirmSent(bot.chat.references("bob"));

        bot.handle(send);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("bob")).hasSize(1);
        assertThat(bot.inbox("alice")).hasSize(1);
        assertThat(share().status()).as("the echo counts as the delivery").isEqualTo(ShareStatus.WATCHING);
    }

    @Test
    void cutShortWhileAnsweringTheSecondRunAnswersAsTheFirstWouldHave() {
        Inbound send = text("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.chat.diesOnSend(2, false);
        assertThatThrownBy(() -> bot.handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(send);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.inbox("bob")).hasSize(1);
        assertThat(bot.inbox("alice")).containsExactly("Sent " + TITLE + " to Bob Fisher. I'll tell you when they "
                + "play it (I'll watch for 7 days).");
    }

    @Test
    void aGroupSendCutShortReachesEveryMemberOnceAndIsSummedUpOnce() {
        bot.reply("alice", "create_group name:\"Band\"");
        bot.reply("alice", "add_to_group Band \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Band \"Carol Jones\"");
        bot.reply("alice", "add_to_group Band \"Dan Brown\"");
        Inbound send = text("alice", "send_song group:Band " + LINK);
        bot.chat.diesOnSend(2, true);
        assertThatThrownBy(() -> bot.handle(send)).isInstanceOf(RecordingChat.ProcessDied.class);
        bot.app.confirmSent(bot.chat.references("carol"));

        bot.handle(send);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        for (String member : List.of("bob", "carol", "dan")) {
            assertThat(bot.inbox(member)).filteredOn(m -> m.startsWith("🎵")).as(member).hasSize(1);
        }
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).hasSize(3)
                .allMatch(share -> share.status() == ShareStatus.WATCHING);
        assertThat(bot.inbox("alice")).filteredOn(m -> m.startsWith("Sent " + TITLE + " to Band")).hasSize(1);

        List.of("bob", "carol", "dan").forEach(member -> bot.play(member, FakeMusic.SONG));
        bot.advance(Duration.ofMinutes(10));
        assertThat(bot.inbox("alice")).filteredOn(m -> m.startsWith("3 of 3 played")).hasSize(1);
    }

    @Test
    void aGroupSendCutShortWhileStoringItsSharesReachesEveryMemberOnce() {
        bot.reply("alice", "create_group name:\"Band\"");
        bot.reply("alice", "add_to_group Band \"Bob Fisher\"");
        bot.reply("alice", "add_to_group Band \"Carol Jones\"");
        bot.reply("alice", "add_to_group Band \"Dan Brown\"");
        Inbound send = text("alice", "send_song group:Band " + LINK);
        // What a run killed after storing Bob's share, and before the others' and the group send, leaves.
        Cause.run(send.deliveryKey(), () -> bot.stores.shares().insertShare(Share.forGroupMember(
                Cause.id("share to " + at("bob").key()), Cause.id("group send"), at("alice"), at("bob"),
                FakeMusic.SONG, "", "", bot.clock.instant())));

        bot.handle(send);

        for (String member : List.of("bob", "carol", "dan")) {
            assertThat(bot.inbox(member)).filteredOn(m -> m.startsWith("🎵")).as(member).hasSize(1);
        }
        assertThat(bot.stores.shares().sharesSentBy(at("alice"))).hasSize(3)
                .allMatch(share -> share.status() == ShareStatus.WATCHING);
        assertThat(bot.inbox("alice").getLast()).isEqualTo("Sent " + TITLE + " to Band (3 people). I'll tell you as each "
                + "of them plays it, and sum up when all have played it or 7 days have passed.");
    }

    @Test
    void aSongFromSomeoneNewWithAFriendsNameCutShortAfterItsShareWasStoredStillSaysItIsAnotherPerson() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", "Bob fisher");
        Inbound send = text("mallory", "send_song name:\"Alice Smith\" " + OTHER.id().link());
        storeOnlyTheShareOf(send, "mallory", "alice");

        bot.handle(send);

        assertThat(bot.inbox("alice").getLast()).isEqualTo("🎵 Bob fisher sent you a song: " + OTHER.title()
                + "\n⚠️ This Bob fisher is new to you: not the Bob Fisher you know here.");
    }

    @Test
    void aSongFromAFriendWithANamesakeCutShortAfterItsShareWasStoredSaysNothingOfTheNamesake() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", "Bob fisher");
        Inbound send = text("bob", "send_song name:\"Alice Smith\" " + OTHER.id().link());
        storeOnlyTheShareOf(send, "bob", "alice");

        bot.handle(send);

        assertThat(bot.inbox("alice").getLast()).isEqualTo("🎵 Bob Fisher sent you a song: " + OTHER.title());
    }

    @Test
    void aSongFromAGroupMateWithAFriendsNameCutShortAfterItsShareWasStoredSaysNothingOfTheNamesake() {
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.register("mallory", "Bob fisher");
        bot.reply("mallory", "create_group name:\"Band\"");
        assertThat(bot.reply("mallory", "add_to_group Band \"Alice Smith\"")).startsWith("Added Alice Smith");
        Inbound send = text("mallory", "send_song name:\"Alice Smith\" " + OTHER.id().link());
        storeOnlyTheShareOf(send, "mallory", "alice");

        bot.handle(send);

        assertThat(bot.inbox("alice").getLast()).as("no caution, but which Bob Fisher of the two she knows")
                .isEqualTo("🎵 Bob fisher (in Band with you) sent you a song: " + OTHER.title());
    }

    @Test
    void aGroupMadeByACutShortEventIsFoundAgainNotRefusedAsATakenName() {
        Inbound create = text("alice", "create_group name:\"Band\"");
        bot.chat.diesOnSend(1, false);
        assertThatThrownBy(() -> bot.handle(create)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(create);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.inbox("alice")).singleElement().asString().startsWith("Created the group Band.");
        assertThat(bot.stores.groups().groupsOf(at("alice"))).hasSize(1);
    }

    @Test
    void aGroupNamedAtItsQuestionByACutShortEventIsAnsweredOnceAsMade() {
        bot.handle(text("alice", "new group"));
        Inbound named = text("alice", "Band");
        bot.chat.diesOnSend(1, false);
        assertThatThrownBy(() -> bot.handle(named)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(named);
        bot.advance(SendSongs.Settings.LEASE);

        assertThat(bot.inbox("alice").getLast()).startsWith("Created the group Band.");
        assertThat(bot.inbox("alice")).filteredOn(text -> text.startsWith("Created")).hasSize(1);
        assertThat(bot.stores.groups().groupsOf(at("alice"))).hasSize(1);
    }

    @ParameterizedTest(name = "the process dies {0} saving the person")
    @ValueSource(strings = {"just before", "just after"})
    void aRegisterCutShortWelcomesThePersonWhenHandledAgainAndTheCodeStaysUsed(String when) {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:erin");
        Inbound register = text("erin", "register code:\"" + code + "\" name:\"Erin Hale\"");
        ((InMemoryUsers) bot.stores.users()).diesAtNextSaveUser(when.equals("just after"));
        assertThatThrownBy(() -> bot.handle(register)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(register)).singleElement().asString().startsWith("Welcome, Erin Hale! You're "
                + "connected with Spotify.");
        assertThat(bot.user("erin").connection().accountId()).isEqualTo("spotify-messenger:erin");
        assertThat(bot.reply("frank", "register code:\"" + code + "\" name:\"Frank\"")).as("the code used")
                .startsWith("That code is unknown, used or expired");
        assertThat(bot.reply("erin", "register code:\"" + code + "\" name:\"Erin Hale\"")).as("sent again")
                .startsWith("That code is unknown, used or expired");
    }

    @Test
    void aRegisterCutShortRightAfterClaimingItsCodeWelcomesThePersonWhenHandledAgain() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:erin");
        Inbound register = text("erin", "register code:\"" + code + "\" name:\"Erin Hale\"");
        ((InMemoryRegistrations) bot.stores.registrations()).diesAfterNextClaim();
        assertThatThrownBy(() -> bot.handle(register)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.reply("frank", "register code:\"" + code + "\" name:\"Frank\"")).as("claimed by Erin's register")
                .startsWith("That code is unknown, used or expired");
        assertThat(bot.handle(register)).singleElement().asString().startsWith("Welcome, Erin Hale! You're "
                + "connected with Spotify.");
        assertThat(((InMemoryRegistrations) bot.stores.registrations()).codesKept()).isZero();
    }

    @Test
    void aRegisterCutShortAfterItsWorkBeforeItsAnswerWelcomesThePersonWhenHandledAgainAndKeepsNoCode() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:erin");
        Inbound register = text("erin", "register code:\"" + code + "\" name:\"Erin Hale\"");
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("erin")));
        assertThatThrownBy(() -> bot.handle(register)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(register)).singleElement().asString().startsWith("Welcome, Erin Hale! You're "
                + "connected with Spotify.");
        assertThat(((InMemoryRegistrations) bot.stores.registrations()).codesKept())
                .as("no code, and no copy of it, once the person is registered").isZero();
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"just after saving the person", "before holding the answer"})
    void aRegisterThatSwitchedTheSourceCutShortSaysSoWhenHandledAgainNotThatTheyReconnected(String when) {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofDays(1));
        String code = bot.registrationCode(SourceKind.LASTFM, "bobfisher");
        Inbound register = text("bob", "register code:\"" + code + "\"");
        if (when.startsWith("just after")) {
            ((InMemoryUsers) bot.stores.users()).diesAtNextSaveUser(true);
        } else {
            ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("bob")));
        }
        assertThatThrownBy(() -> bot.handle(register)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(register)).singleElement().isEqualTo("You're connected with Last.fm now, Bob Fisher. "
                + "Songs friends sent you are still being watched: I read what you play on Last.fm from now on.\n\n"
                + "I see no scrobbles on your Last.fm yet, so I can't see what you play. If you listen on Spotify, "
                + "connect it on Last.fm (Settings → Applications → Spotify Scrobbling): what you play from then on "
                + "reaches me.");
        assertThat(bot.user("bob").connection().kind()).isEqualTo(SourceKind.LASTFM);
    }

    @Test
    void aRegisterThatFinishedKeepsNoCopyOfItsCode() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:erin");

        assertThat(bot.reply("erin", "register code:\"" + code + "\" name:\"Erin Hale\"")).startsWith("Welcome");
        assertThat(((InMemoryRegistrations) bot.stores.registrations()).codesKept()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no list shown", "the list shown", "a question open", "the list's tap"})
    void aCancelByNumberCutShortStopsNoOtherSongWhenHandledAgainAndAnswersAsTheFirstRunWould(String before) {
        for (String receiver : List.of("Bob Fisher", "Carol Jones", "Dan Brown")) {
            bot.reply("alice", "send_song name:\"" + receiver + "\" " + LINK);
            bot.advance(Duration.ofMinutes(1));
        }
        if (before.equals("the list shown")) {
            assertThat(bot.reply("alice", "pending")).contains("1. " + TITLE + " → Bob Fisher");
        } else if (before.equals("a question open")) {
            assertThat(bot.reply("alice", "forget_me")).endsWith("Delete it all?");
        }
        Inbound cancel = text("alice", "cancel 1");
        if (before.equals("the list's tap")) {
            bot.reply("alice", "pending");
            Choice tap = bot.chat.messages("alice").getLast().choices().getFirst();
            cancel = new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(), tap.payload(),
                    tap.title());
        }
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("alice"))
                && held.message().text().startsWith("Stopped watching"));
        Inbound cutShort = cancel;
        assertThatThrownBy(() -> bot.handle(cutShort)).isInstanceOf(RecordingChat.ProcessDied.class);

        String stillOpen = before.equals("a question open")
                ? "\n\nStill open: To answer, tap \"Yes, delete it all\" or \"No, keep it\"." : "";
        assertThat(bot.handle(cutShort)).containsExactly("Stopped watching " + TITLE + " for Bob Fisher." + stillOpen);
        assertThat(bot.stores.shares().openSharesSentBy(at("alice"))).extracting(Share::receiver)
                .containsExactly(at("carol"), at("dan"));
    }

    @Test
    void aCancelOfAnInviteByNumberCutShortCancelsNoOtherInviteWhenHandledAgain() {
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.reply("alice", "send_song name:\"Erin Hale\" " + LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", "send_song name:\"Finn Ray\" " + LINK);
        Inbound cancel = text("alice", "cancel invite 1");
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("alice"))
                && held.message().text().startsWith("Cancelled"));
        assertThatThrownBy(() -> bot.handle(cancel)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(cancel)).containsExactly("Cancelled that invite: its link no longer works, and nothing "
                + "was sent.");
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10))
                .extracting(invite -> invite.friendName()).containsExactly("Finn Ray");
    }

    @Test
    void aSendToANamesakeCutShortAfterTheInviteWasTakenAnswersAsTheSendDidAndSendsOnceWhenHandledAgain() {
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.reply("alice", "send_song name:\"Erin Hale\" " + LINK);
        bot.chat.nameIs("erin", "Erin Hale");
        bot.connectThroughOwnLink(at("erin"), SourceKind.SPOTIFY, "erin"); // without the invite's link
        String send = bot.chat.messages("alice").getLast().choices().getFirst().payload();
        Inbound tap = new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(), send,
                "Send it to them");
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("alice"))
                && held.message().text().startsWith("Sent "));
        assertThatThrownBy(() -> bot.handle(tap)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(bot.stores.invites().openInvitesSentBy(at("alice"), bot.clock.instant(), 10)).as("taken")
                .isEmpty();

        assertThat(bot.handle(tap)).singleElement().asString().startsWith("Sent " + TITLE + " to Erin Hale.");
        assertThat(bot.inbox("erin")).filteredOn(text -> text.contains("sent you a song: " + TITLE)).hasSize(1);
    }

    @Test
    void aCancelAllCutShortAfterStoppingSomeSongsCountsThemTooWhenHandledAgain() {
        for (String receiver : List.of("Bob Fisher", "Carol Jones", "Dan Brown")) {
            bot.reply("alice", "send_song name:\"" + receiver + "\" " + LINK);
            bot.advance(Duration.ofMinutes(1));
        }
        Inbound cancelAll = text("alice", "cancel all");
        shares().diesBeforeUpdating(share -> share.receiver().equals(at("dan"))
                && share.status() == ShareStatus.CANCELLED);
        assertThatThrownBy(() -> bot.handle(cancelAll)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(bot.stores.shares().openSharesSentBy(at("alice"))).as("two stopped by the first run")
                .extracting(Share::receiver).containsExactly(at("dan"));

        assertThat(bot.handle(cancelAll)).containsExactly("Stopped watching 3 songs.");
        assertThat(bot.stores.shares().openSharesSentBy(at("alice"))).isEmpty();
        assertThat(bot.reply("alice", "cancel all")).as("a cancel all of its own")
                .isEqualTo("There is nothing to cancel: no song you sent is being watched.");
    }

    @Test
    void aCancelAllCutShortAfterStoppingEverySongBeforeItsAnswerCountsThemWhenHandledAgain() {
        for (String receiver : List.of("Bob Fisher", "Carol Jones")) {
            bot.reply("alice", "send_song name:\"" + receiver + "\" " + LINK);
            bot.advance(Duration.ofMinutes(1));
        }
        Inbound cancelAll = text("alice", "cancel all");
        ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at("alice"))
                && held.message().text().startsWith("Stopped watching"));
        assertThatThrownBy(() -> bot.handle(cancelAll)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(cancelAll)).containsExactly("Stopped watching 2 songs.");
    }

    @Test
    void aLeaveGroupCutShortAfterStoppingOneOfItsSongsCountsBothWhenHandledAgain() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.reply("carol", "send_song name:\"Bob Fisher\" " + OTHER.id().link());
        bot.reply("alice", "send_song group:Family " + OTHER.id().link());
        Inbound leave = text("bob", "leave_group Family");
        shares().diesBeforeUpdating(share -> share.track().equals(OTHER) && share.groupSendId().isPresent()
                && share.status() == ShareStatus.LEFT_GROUP);
        assertThatThrownBy(() -> bot.handle(leave)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(leave)).containsExactly("You've left Family. Songs sent to it won't come to you any "
                + "more. I've stopped watching the 2 songs from it you hadn't played yet.");
        assertThat(bot.stores.shares().openSharesTo(at("bob"))).as("Carol's song, not through the group")
                .extracting(Share::sender).containsExactly(at("carol"));
    }

    @Test
    void aRemoveFromGroupCutShortAfterStoppingOneOfItsSongsCountsBothWhenHandledAgain() {
        aliceSendsTwoSongsToHerFamilyWithBob();
        Inbound remove = text("alice", "remove_from_group Family \"Bob Fisher\"");
        shares().diesBeforeUpdating(share -> share.track().equals(OTHER) && share.status() == ShareStatus.LEFT_GROUP);
        assertThatThrownBy(() -> bot.handle(remove)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(remove)).containsExactly("Removed Bob Fisher from Family. I've stopped watching the 2 "
                + "songs you sent them through it.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("removed you")).hasSize(1);
    }

    /** Alice's group Family, Bob in it, and two songs she sent to it. */
    private void aliceSendsTwoSongsToHerFamilyWithBob() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "send_song group:Family " + LINK);
        bot.reply("alice", "send_song group:Family " + OTHER.id().link());
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"right after the membership went", "before holding the answer"})
    void aLeaveGroupCutShortAfterItsWorkIsAnsweredOnceAsTheFirstRunWouldHaveWhenHandledAgain(String when) {
        aliceSendsTwoSongsToHerFamilyWithBob();
        Inbound leave = text("bob", "leave_group Family");
        diesAt(when, "bob", "You've left", "alice", "left your group");
        assertThatThrownBy(() -> bot.handle(leave)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(leave);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("bob").getLast()).isEqualTo("You've left Family. Songs sent to it won't come to you any "
                + "more. I've stopped watching the 2 songs from it you hadn't played yet.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("You")).hasSize(1);
        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("left your group")).hasSize(1);
        assertThat(bot.stores.groups().groupsOf(at("bob"))).isEmpty();
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"right after the membership went", "before holding the answer"})
    void aRemoveFromGroupCutShortAfterItsWorkIsAnsweredOnceAsTheFirstRunWouldHaveWhenHandledAgain(String when) {
        aliceSendsTwoSongsToHerFamilyWithBob();
        Inbound remove = text("alice", "remove_from_group Family \"Bob Fisher\"");
        int before = bot.inbox("alice").size();
        diesAt(when, "alice", "Removed", "bob", "removed you");
        assertThatThrownBy(() -> bot.handle(remove)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(remove);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("alice").subList(before, bot.inbox("alice").size())).containsExactly("Removed Bob Fisher "
                + "from Family. I've stopped watching the 2 songs you sent them through it.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("removed you")).hasSize(1);
        assertThat(bot.stores.groups().groupsOf(at("bob"))).isEmpty();
    }

    @Test
    void aLeaveGroupIsAnsweredAndTheOwnerToldOnlyOnceTheMembershipIsGone() {
        aliceSendsTwoSongsToHerFamilyWithBob();
        List<String> bobInAGroupWhenHeld = bobsGroupsWhenHeld("bob", "You've left", "alice", "left your group");

        assertThat(bot.reply("bob", "leave_group Family")).startsWith("You've left Family.");
        assertThat(bobInAGroupWhenHeld).as("a song sent to Family once the answer is seen must not go to him")
                .containsExactlyInAnyOrder("answer: []", "notice: []");
    }

    @Test
    void aRemoveFromGroupIsAnsweredAndThePersonToldOnlyOnceTheMembershipIsGone() {
        aliceSendsTwoSongsToHerFamilyWithBob();
        List<String> bobInAGroupWhenHeld = bobsGroupsWhenHeld("alice", "Removed", "bob", "removed you");

        assertThat(bot.reply("alice", "remove_from_group Family \"Bob Fisher\"")).startsWith("Removed Bob Fisher");
        assertThat(bobInAGroupWhenHeld).as("a song sent to Family once he is told must not go to him")
                .containsExactlyInAnyOrder("answer: []", "notice: []");
    }

    /**
     * The groups Bob is in at the moment the answer to {@code answered} starting {@code answer} is held, and the notice
     * to {@code told} containing {@code notice}: filled each time one is held, or held again by a run handled again.
     */
    private List<String> bobsGroupsWhenHeld(String answered, String answer, String told, String notice) {
        List<String> seen = new ArrayList<>();
        InMemoryOutbox outbox = (InMemoryOutbox) bot.stores.outbox();
        outbox.beforeEachHolding(held -> held.to().equals(at(answered)) && held.message().text().startsWith(answer),
                () -> seen.add("answer: " + groupNames("bob")));
        outbox.beforeEachHolding(held -> held.to().equals(at(told)) && held.message().text().contains(notice),
                () -> seen.add("notice: " + groupNames("bob")));
        return seen;
    }

    private List<String> groupNames(String psid) {
        return bot.stores.groups().groupsOf(at(psid)).stream().map(Group::name).toList();
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"while stopping the songs", "before telling the owner", "right after the membership went",
            "before holding the answer"})
    void aLeaveGroupCutShortAtAnyStepIsAnsweredOnceAsTheFirstRunWouldHaveOnceTheMembershipIsGone(String when) {
        aliceSendsTwoSongsToHerFamilyWithBob();
        Inbound leave = text("bob", "leave_group Family");
        List<String> bobInAGroupWhenHeld = bobsGroupsWhenHeld("bob", "You've left", "alice", "left your group");
        diesAt(when, "bob", "You've left", "alice", "left your group");
        assertThatThrownBy(() -> bot.handle(leave)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(leave);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("You")).containsExactly("You've left Family. "
                + "Songs sent to it won't come to you any more. I've stopped watching the 2 songs from it you hadn't "
                + "played yet.");
        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("left your group")).hasSize(1);
        assertThat(bobInAGroupWhenHeld).doesNotContain("answer: [Family]", "notice: [Family]");
        assertThat(groupNames("bob")).isEmpty();
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"while stopping the songs", "right after the membership went", "before telling the person",
            "before holding the answer"})
    void aRemoveFromGroupCutShortAtAnyStepIsAnsweredOnceAsTheFirstRunWouldHaveOnceTheMembershipIsGone(String when) {
        aliceSendsTwoSongsToHerFamilyWithBob();
        Inbound remove = text("alice", "remove_from_group Family \"Bob Fisher\"");
        int before = bot.inbox("alice").size();
        List<String> bobInAGroupWhenHeld = bobsGroupsWhenHeld("alice", "Removed", "bob", "removed you");
        diesAt(when, "alice", "Removed", "bob", "removed you");
        assertThatThrownBy(() -> bot.handle(remove)).isInstanceOf(RecordingChat.ProcessDied.class);

        bot.handle(remove);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("alice").subList(before, bot.inbox("alice").size())).containsExactly("Removed Bob Fisher "
                + "from Family. I've stopped watching the 2 songs you sent them through it.");
        assertThat(bot.inbox("bob")).filteredOn(text -> text.contains("removed you")).hasSize(1);
        assertThat(bobInAGroupWhenHeld).doesNotContain("answer: [Family]", "notice: [Family]");
        assertThat(groupNames("bob")).isEmpty();
    }

    @Test
    void aRemovalByAFirstNameCutShortOnceTheMembershipWentNamesThePersonAsTypedIfTheOwnerHasNothingElseInCommonWithThem() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        Inbound remove = text("alice", "remove_from_group Family Bob");
        ((InMemoryGroups) bot.stores.groups()).diesAfterNextRemoveMember();
        assertThatThrownBy(() -> bot.handle(remove)).isInstanceOf(RecordingChat.ProcessDied.class);

        assertThat(bot.handle(remove)).containsExactly("Removed Bob from Family.");
        assertThat(groupNames("bob")).isEmpty();
    }

    /**
     * The next run dies while stopping the group's songs (before the second is stopped), right after a membership is
     * removed, or before it holds the notice to {@code told} or its answer to {@code answered}.
     */
    private void diesAt(String when, String answered, String answer, String told, String notice) {
        switch (when) {
            case "while stopping the songs" -> shares().diesBeforeUpdating(share -> share.track().equals(OTHER)
                    && share.status() == ShareStatus.LEFT_GROUP);
            case "right after the membership went" -> ((InMemoryGroups) bot.stores.groups()).diesAfterNextRemoveMember();
            case "before holding the answer" -> ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held ->
                    held.to().equals(at(answered)) && held.message().text().startsWith(answer));
            default -> ((InMemoryOutbox) bot.stores.outbox()).diesBeforeHolding(held -> held.to().equals(at(told))
                    && held.message().text().contains(notice));
        }
    }

    @ParameterizedTest(name = "the process dies {0}")
    @ValueSource(strings = {"while stopping the songs", "right after the membership went"})
    void aLeaveGroupCutShortLeavesTheGroupItsFirstRunChoseThoughTheMemberJoinedAnotherOfThatNameSince(String when) {
        aliceSendsTwoSongsToHerFamilyWithBob();
        bot.reply("carol", "create_group Family");
        Inbound leave = text("bob", "leave_group Family");
        diesAt(when, "bob", "You've left", "alice", "left your group");
        assertThatThrownBy(() -> bot.handle(leave)).isInstanceOf(RecordingChat.ProcessDied.class);
        assertThat(bot.reply("carol", "add_to_group Family \"Bob Fisher\"")).startsWith("Added Bob Fisher");

        bot.handle(leave);
        bot.advance(SendSongs.Settings.LEASE.multipliedBy(2));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("You")).containsExactly("You've left Family. "
                + "Songs sent to it won't come to you any more. I've stopped watching the 2 songs from it you hadn't "
                + "played yet.");
        assertThat(bot.stores.groups().groupsOf(at("bob"))).singleElement()
                .satisfies(group -> assertThat(group.owner()).as("Carol's Family, joined since").isEqualTo(at("carol")));
        assertThat(bot.inbox("alice")).filteredOn(text -> text.contains("left your group")).hasSize(1);
        assertThat(bot.inbox("carol")).filteredOn(text -> text.contains("left your group")).isEmpty();
    }

    @Test
    void anEventOlderThanTheDedupeWindowIsIgnored() {
        Inbound old = new Inbound.Text(bot.nextEventId(), at("alice"),
                bot.clock.instant().minus(SendSongs.Settings.DEDUPE_WINDOW).minusSeconds(1), "help");

        assertThat(bot.handle(old)).isEmpty();
    }

    @Test
    void anEventDatedFarAheadIsIgnoredAndLeavesNoMark() {
        Inbound ahead = new Inbound.Text(bot.nextEventId(), at("alice"), Instant.MAX, "help");

        assertThat(bot.handle(ahead)).isEmpty();
        assertThat(bot.stores.inbound().handled(ahead.deliveryKey())).isFalse();
    }

    /** What a run of {@code send} killed after storing its share, before its song was held for the receiver, leaves. */
    private void storeOnlyTheShareOf(Inbound send, String sender, String receiver) {
        Cause.run(send.deliveryKey(), () -> bot.stores.shares().insertShare(Share.direct(Cause.id("share"),
                at(sender), at(receiver), OTHER, "", "", bot.clock.instant())));
    }

    private Inbound text(String psid, String text) {
        return new Inbound.Text(bot.nextEventId(), at(psid), bot.clock.instant(), text);
    }

    private InMemoryShares shares() {
        return (InMemoryShares) bot.stores.shares();
    }

    private Share share() {
        return bot.stores.shares().sharesSentBy(at("alice")).getFirst();
    }
}
