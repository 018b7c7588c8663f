package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.HandleSeen;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Naming someone by the handle their platform gives them ({@code @carolk} for a Telegram username): it is learnt when
 * they register, compared without case, checked with the platform before it is used, and forgotten with them.
 */
class FriendsByHandleTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String OTHER_LINK = FakeMusic.OTHER_SONG.id().link();
    private static final ChatAddress CAROL = new ChatAddress(Platform.TELEGRAM, "602334455");
    private static final ChatAddress DAVE = new ChatAddress(Platform.TELEGRAM, "700000001");

    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private BotHarness bot;

    @BeforeEach
    void carolRegistersOnTelegramAsCarolk() {
        bot = new BotHarness(telegram);
        bot.register("mo", "Mo Salah");
        registersOnTelegram(CAROL, "Carol King", "carolk");
    }

    private void registersOnTelegram(ChatAddress person, String name, String handle) {
        telegram.nameIs(person.id(), name);
        telegram.handleIs(person.id(), handle);
        bot.connectThroughOwnLink(person, SourceKind.SPOTIFY, person.key());
    }

    @Test
    void aMessengerPersonSendsASongToATelegramPersonByTheirHandleInAnyCase() {
        assertThat(bot.reply("mo", "send_song @carolk " + LINK)).startsWith("Sent ").contains("Carol King");
        assertThat(telegram.last(CAROL.id())).contains("Mo Salah sent you a song");

        assertThat(bot.reply("mo", "send_song name:\"@CarolK\" " + OTHER_LINK)).startsWith("Sent ")
                .contains("Carol King");
        assertThat(telegram.inbox(CAROL.id())).filteredOn(text -> text.contains("Mo Salah sent you a song"))
                .hasSize(2);
    }

    @Test
    void aHandleThatChangedHandsIsNotUsedAndTheNewOnesAreKept() {
        telegram.handleIs(CAROL.id(), "carol_king");
        telegram.handleIs(DAVE.id(), "carolk"); // Dave took it up, and has not started the bot

        assertThat(bot.reply("mo", "send_song @carolk " + LINK))
                .startsWith(FriendFinder.unknownHandle("carolk"));
        assertThat(telegram.inbox(CAROL.id())).noneMatch(text -> text.contains("sent you a song"));
        assertThat(bot.stores.users().findUserByHandle(Platform.TELEGRAM, "carolk")).as("forgotten").isEmpty();

        assertThat(bot.reply("mo", "send_song @carol_king " + LINK)).startsWith("Sent ").contains("Carol King");

        registersOnTelegram(DAVE, "Dave Stone", "CAROLK");
        assertThat(bot.reply("mo", "send_song @carolk " + OTHER_LINK)).startsWith("Sent ").contains("Dave Stone");
        assertThat(telegram.last(DAVE.id())).contains("Mo Salah sent you a song");
    }

    @Test
    void aHandleChangedIsLearntFromTheNextUpdateAndAHandleTakenOverMovesToItsNewHolder() {
        registersOnTelegram(DAVE, "Dave Stone", "dave_stone");
        telegram.handleIs(CAROL.id(), "carol_king"); // as Telegram now shows her, in her updates and to getChat
        telegram.handleIs(DAVE.id(), "carolk");

        bot.app.handleSeen(new HandleSeen(CAROL, Optional.of("carol_king")));
        assertThat(bot.reply("mo", "send_song @carol_king " + LINK)).startsWith("Sent ").contains("Carol King");

        bot.app.handleSeen(new HandleSeen(DAVE, Optional.of("CarolK")));
        assertThat(bot.reply("mo", "send_song @carolk " + LINK)).startsWith("Sent ").contains("Dave Stone");
        assertThat(bot.stores.users().handleKeyOf(CAROL)).contains("carol_king");
    }

    @Test
    void aHandleDroppedIsForgottenAndNobodyUnregisteredIsKeptWithOne() {
        ChatAddress stranger = new ChatAddress(Platform.TELEGRAM, "800000002");

        bot.app.handleSeen(new HandleSeen(CAROL, Optional.empty()));
        bot.app.handleSeen(new HandleSeen(stranger, Optional.of("stranger_x")));

        assertThat(bot.stores.users().handleKeyOf(CAROL)).isEmpty();
        assertThat(bot.stores.users().handleKeyOf(stranger)).isEmpty();
        assertThat(bot.stores.users().findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
    }

    @Test
    void aHandleItsHolderGaveUpFindsNobody() {
        telegram.handleIs(CAROL.id(), null);

        assertThat(bot.reply("mo", "block @carolk")).isEqualTo(FriendFinder.unknownHandle("carolk"));
        assertThat(bot.stores.users().findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
    }

    @Test
    void aHandleThePlatformCannotConfirmJustNowIsNotUsedButKept() {
        telegram.cannotTellProfile(CAROL.id());

        assertThat(bot.reply("mo", "block @carolk")).isEqualTo(FriendFinder.unknownHandle("carolk"));

        telegram.nameIs(CAROL.id(), "Carol King");
        telegram.handleIs(CAROL.id(), "carolk");
        assertThat(bot.reply("mo", "block @carolk")).startsWith("Blocked Carol King");
    }

    @Test
    void anUnknownHandleIsToldSoWithHowToFixItAndAnInviteToForward() {
        telegram.linksTo("https://t.me/SongsBot?start=");

        String reply = bot.reply("mo", "send_song @nobody_yet " + LINK);

        assertThat(reply).startsWith("Nobody with the username @nobody_yet has connected with me yet: they need to "
                + "start me in their chat app and connect their music first. Forward them this link: "
                + "https://t.me/SongsBot?start=invite-").contains("When they open it and sign up");
    }

    @Test
    void anUnknownHandleWithoutLinksToForwardIsToldHowToFixIt() {
        assertThat(bot.reply("mo", "send_song @nobody_yet " + LINK)).isEqualTo(FriendFinder.unknownHandle("nobody_yet"));
    }

    @Test
    void aHandleNobodyHasThatIsAContactsNameAsksWhetherTheyMeantThatContact() {
        bot.reply("mo", "send_song @carolk " + LINK);

        assertThat(bot.reply("mo", "send_song @Carol " + OTHER_LINK)).isEqualTo("Nobody with the username @Carol has "
                + "connected with me yet. Did you mean Carol King?");
        assertThat(bot.chat.messages("mo").getLast().choices()).extracting(Choice::title)
                .containsExactly("Carol King", "Invite @Carol", "Don't send");

        String sent = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("mo"), bot.clock.instant(), "1",
                "Carol King")).getFirst();
        assertThat(sent).startsWith("Sent ").contains("Carol King");
        assertThat(telegram.inbox(CAROL.id())).filteredOn(text -> text.contains("Mo Salah sent you a song"))
                .hasSize(2);
    }

    @Test
    void aHandleOfAContactsWholeNameAsksToo() {
        bot.reply("mo", "send_song @carolk " + LINK);

        assertThat(bot.reply("mo", "block @carol_king")).isEqualTo(FriendFinder.unknownHandle("carol_king"));
        assertThat(bot.reply("mo", "send_song @carol_king " + OTHER_LINK)).isEqualTo("Nobody with the username "
                + "@carol_king has connected with me yet. Did you mean Carol King?");
    }

    @Test
    void invitingTheHandleAsTypedTellsHowTheyConnectAndSendsNothing() {
        bot.reply("mo", "send_song @carolk " + LINK);
        bot.reply("mo", "send_song @Carol " + OTHER_LINK);

        String told = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("mo"), bot.clock.instant(), "2",
                "Invite @Carol")).getFirst();

        assertThat(told).isEqualTo(FriendFinder.unknownHandle("Carol"));
        assertThat(telegram.inbox(CAROL.id())).filteredOn(text -> text.contains("Mo Salah sent you a song"))
                .hasSize(1);
    }

    @Test
    void blockAndAddToGroupFindThePersonByHandle() {
        assertThat(bot.reply("mo", "block @CAROLK")).startsWith("Blocked Carol King");

        bot.reply("mo", "create_group Family");
        assertThat(bot.reply("mo", "add_to_group Family @carolk")).contains("Carol King").contains("Family")
                .doesNotContain("don't know");
        assertThat(bot.reply("mo", "add_to_group Family @nobody_yet")).isEqualTo(
                FriendFinder.unknownHandle("nobody_yet") + " Add them once they have.");
    }

    @Test
    void onesOwnHandleIsOneself() {
        assertThat(bot.reply(CAROL, "send_song @carolk " + LINK)).startsWith("That's you!");
    }

    @Test
    void aTermThatIsNoHandleIsAName() {
        bot.register("bob", "@bob");

        assertThat(bot.reply("mo", "send_song @bob " + LINK)).startsWith("Sent ").contains("@bob");
    }

    @Test
    void forgetMeForgetsTheHandle() {
        bot.reply(CAROL, "forget_me");
        bot.reply(CAROL, "forget_me confirm");

        assertThat(bot.stores.users().findUserByHandle(Platform.TELEGRAM, "carolk")).isEmpty();
        assertThat(bot.reply("mo", "send_song @carolk " + LINK)).startsWith(FriendFinder.unknownHandle("carolk"));
    }
    @Test
    void someoneRegisteredBeforeHandlesWereKeptIsFoundByTheirsOnceTheyWriteToTheBot() {
        bot.stores.users().forgetHandle(CAROL); // as a store kept from before handles were holds her
        assertThat(bot.reply("mo", "send_song @carolk " + LINK)).startsWith(FriendFinder.unknownHandle("carolk"));

        bot.reply(CAROL, "hi");

        assertThat(bot.reply("mo", "send_song @carolk " + OTHER_LINK)).startsWith("Sent ").contains("Carol King");
        assertThat(telegram.last(CAROL.id())).contains("Mo Salah sent you a song");
    }

    @Test
    void aHandleChosenAfterRegisteringIsKeptOnceTheyWriteToTheBot() {
        telegram.handleIs(CAROL.id(), "carol_sings");

        bot.reply(CAROL, "hi");

        assertThat(bot.reply("mo", "send_song @carol_sings " + LINK)).startsWith("Sent ").contains("Carol King");
    }
}
