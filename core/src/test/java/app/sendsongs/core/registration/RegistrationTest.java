package app.sendsongs.core.registration;

import static app.sendsongs.core.fakes.BotHarness.BROWSER;
import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.FakeScrobbles;
import app.sendsongs.core.fakes.InMemoryRegistrations;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.OldSignedValues;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting a listening source and registering, through the consent round trip and the bot on fakes: signed
 * single-use states bound to the browser, the one-time code and the register command, personal links that register
 * at once, the sources offered as choices, names, and reconnecting after a grant ended.
 */
class RegistrationTest {
    private static final String CONNECT = BotHarness.BASE_URL + "/connect";
    private static final String PASTE_A_LINK = "To send a friend a song, paste its Spotify link here (in Spotify: "
            + "Share → Copy link) and I'll ask who it's for.";
    private static final String WELCOME = "Hi! I'm Send Songs: send Spotify songs to friends and hear when they play "
            + "them. To start, connect the service that sees what you play: tap one below, or open your own link for "
            + "Spotify (it works once, within a day): " + BotHarness.BASE_URL + "/connect/spotify?link=";
    private static final List<Choice> SOURCES = List.of(new Choice("Spotify", "connect spotify"),
            new Choice("Last.fm", "connect lastfm"));
    private static final String USED_LINK =
            "This link was already used to connect. Send me connect in the chat for a new one.";
    private static final String RELOADED_CODE_PAGE = "This page was already used, and it shows its one-time "
            + "code only once. If you have the code, send it to the bot as the page said: it works for 15 minutes. "
            + "If not, start again at " + CONNECT;
    private static final Optional<CallbackResult.BackToChat> BACK_TO_MESSENGER =
            Optional.of(new CallbackResult.BackToChat(Platform.MESSENGER, Optional.empty()));
    private BotHarness bot;

    @BeforeEach
    void bot() {
        bot = new BotHarness();
    }

    @Test
    void someoneNotRegisteredGetsTheWelcomeWithTheSourcesAsChoices() {
        assertThat(bot.reply("bob", "hello")).startsWith(WELCOME);
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
        assertThat(bot.reply("bob", "send_song name:\"Alice\" " + FakeMusic.SONG.id().link()))
                .startsWith("I'll keep " + FakeMusic.SONG.title() + " for you: once you've connected, I'll ask who "
                        + "it's for.\n\n" + WELCOME);
        // the whole list and the welcome are longer than one Messenger message, so they go as two
        assertThat(String.join("\n\n", bot.say("bob", "help"))).startsWith(Help.all() + "\n\n" + WELCOME);
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
        assertThat(bot.chat.messages("bob").getLast().fallbackText()).endsWith(
                "• Spotify — reply: connect spotify\n• Last.fm — reply: connect lastfm");
    }

    @Test
    void tappingASourceGivesThePersonTheirOwnLink() {
        String reply = bot.reply("bob", "connect lastfm");

        assertThat(reply).startsWith("Here's your own link to connect Last.fm (it works once, within a day): "
                + CONNECT + "/lastfm?link=").contains("When you're done I'll tell you here.");
        assertThat(bot.reply("bob", "connect Last.fm")).contains(CONNECT + "/lastfm?link=");
        assertThat(bot.reply("bob", "connect listenbrainz")).isEqualTo("ListenBrainz isn't set up on this server. You "
                + "can connect:");
        assertThat(bot.reply("bob", "connect deezer")).isEqualTo("I don't know \"deezer\" as a place to listen. You "
                + "can connect:");
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
    }

    @Test
    void aNewcomerWhoTypesTheServiceRatherThanTappingItGetsItsLink() {
        for (String typed : List.of("Last.fm", "lastfm", "last fm", "LAST.FM!", "I use last.fm", "connect to Last.fm",
                "connect with lastfm please")) {
            assertThat(bot.reply("bob", typed)).as(typed)
                    .startsWith("Here's your own link to connect Last.fm (it works once, within a day): ");
        }
        assertThat(bot.reply("bob", "Spotify")).startsWith("Here's your own link to connect Spotify");
    }

    @Test
    void aNewcomerWhoSaysTheyHaveNoSpotifyIsOfferedTheOtherServicesNotItsLink() {
        for (String typed : List.of("I don't have spotify", "I dont use Spotify", "no spotify", "I don’t have Spotify",
                "not on spotify", "without spotify?", "I can't afford spotify")) {
            assertThat(bot.reply("bob", typed)).as(typed).isEqualTo("No Spotify? I can see what you play through "
                    + "another service instead. Connect one:");
            assertThat(bot.chat.messages("bob").getLast().choices()).as(typed)
                    .containsExactly(new Choice("Last.fm", "connect lastfm"));
        }
        assertThat(bot.reply("bob", "I don't have last.fm")).isEqualTo("No Last.fm? I can see what you play through "
                + "another service instead. Connect one:");
        assertThat(bot.chat.messages("bob").getLast().choices()).containsExactly(new Choice("Spotify",
                "connect spotify"));
        assertThat(bot.reply("bob", "I don't have listenbrainz")).as("a service this server does not offer anyway")
                .startsWith(WELCOME);
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
        assertThat(bot.stores.users().findUser(at("bob"))).isEmpty();
    }

    @Test
    void aNewcomerWhoNamesNoServiceOrTwoOrPastesALinkGetsTheWelcome() {
        for (String typed : List.of("hello", "spotify or last.fm?",
                "I found you through a friend who said you share songs with people on spotify")) {
            assertThat(bot.reply("bob", typed)).as(typed).startsWith(WELCOME);
        }
        assertThat(bot.reply("bob", FakeMusic.SONG.id().link())).as("a pasted song link")
                .startsWith("I'll keep " + FakeMusic.SONG.title() + " for you");
        assertThat(bot.reply("bob", "listenbrainz")).as("a service this server has not set up")
                .isEqualTo("ListenBrainz isn't set up on this server. You can connect:");
        assertThat(bot.reply("bob", "connect to deezer")).isEqualTo("I don't know \"to deezer\" as a place to listen. "
                + "You can connect:");
    }

    @Test
    void consentGivesAOneTimeCodeThatRegistersWhoeverSendsIt() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");

        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob  Fisher\"")).isEqualTo("Welcome, Bob "
                + "Fisher! You're connected with Spotify.\n" + PASTE_A_LINK + "\nFriends find you as \"Bob Fisher\".\nWhen you play a "
                + "song a friend sent you, I tell them. To keep that to yourself: receipts off (or receipts off <name> for "
                + "one friend).");
        assertThat(bot.chat.messages("bob").getLast().choices()).as("the command's example one tap away, as after a "
                + "personal link").containsExactly(new Choice("Show an example", "help send_song"),
                new Choice("Menu", "menu"));

        User bob = bot.user("bob");
        assertThat(bob.name()).isEqualTo("Bob Fisher");
        assertThat(bob.connection().accountId()).isEqualTo("spotify-messenger:bob");
        assertThat(bob.grantState()).isEqualTo(GrantState.ACTIVE);
        assertThat(bot.reply("alice", "register code:\"" + code + "\" name:\"Alice\"")).isEqualTo("That code is "
                + "unknown, used or expired (codes last 15 minutes). Get a new one at " + CONNECT);
        assertThat(bot.stores.users().findUser(at("alice"))).isEmpty();
    }

    @Test
    void theCodeFlowWorksForEverySource() {
        String code = bot.registrationCode(SourceKind.LASTFM, "bobfisher");

        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob Fisher\"")).startsWith("Welcome, Bob "
                + "Fisher!");
        assertThat(bot.user("bob").connection()).isEqualTo(new LastfmConnection("bobfisher", "sk-bobfisher"));
    }

    @Test
    void someoneWhoseLastfmHasNoScrobblesYetIsToldHowToGetTheirPlaysThere() {
        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");

        assertThat(bot.last("bob")).startsWith("Welcome").endsWith("\n\n" + SourceCheck.NOTHING_ON_LASTFM);
    }

    @Test
    void someoneWhoseLastfmHasScrobblesOrCannotBeReadJustNowIsOnlyWelcomed() {
        bot.scrobbles.scrobble("bobfisher", FakeMusic.SONG, bot.clock.instant().minus(Duration.ofDays(3)));
        bot.scrobbles.failFor("carolking", true);

        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");
        bot.connectThroughOwnLink(at("carol"), SourceKind.LASTFM, "carolking");

        assertThat(bot.last("bob")).startsWith("Welcome").doesNotContain(SourceCheck.NOTHING_ON_LASTFM);
        assertThat(bot.last("carol")).startsWith("Welcome").doesNotContain(SourceCheck.NOTHING_ON_LASTFM);
    }

    @Test
    void theCodeFlowSaysSoTooAfterTheWelcome() {
        String code = bot.registrationCode(SourceKind.LASTFM, "bobfisher");

        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob Fisher\"")).startsWith("Welcome, Bob "
                + "Fisher!").endsWith("\n\n" + SourceCheck.NOTHING_ON_LASTFM);
        assertThat(bot.chat.messages("bob").getLast().choices()).as("the welcome's taps").isNotEmpty();
    }

    @Test
    void codesAreTypedInAnyCaseWithOrWithoutTheDashButLastOnlyFifteenMinutes() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");
        String typed = code.replace("-", " ").toLowerCase(Locale.ROOT);
        assertThat(bot.reply("bob", "register code:\"" + typed + "\" name:Bob"))
                .startsWith("Welcome, Bob!");

        String late = bot.registrationCode(SourceKind.SPOTIFY, "messenger:carol");
        bot.advance(Duration.ofMinutes(16));
        assertThat(bot.reply("carol", "register code:\"" + late + "\" name:Carol")).startsWith("That code is "
                + "unknown, used or expired");
    }

    @Test
    void aNewPersonMustGiveAUsableName() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");

        assertThat(bot.reply("bob", "register code:\"" + code + "\"")).isEqualTo("Add the name friends will use for "
                + "you: name:\"<your full name>\".\n" + Help.usage("register"));
        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"123\"")).isEqualTo("The name needs at least "
                + "one letter.\n" + Help.usage("register"));
        assertThat(bot.stores.users().findUser(at("bob"))).isEmpty();
        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob\"")).as("the code was not used up")
                .startsWith("Welcome, Bob!");
    }

    @Test
    void theCodeAndTheNameMayBeTypedWithoutQuotesAsOnAPhone() {
        String bobs = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");
        String carols = bot.registrationCode(SourceKind.SPOTIFY, "messenger:carol");

        assertThat(bot.reply("bob", "register code:" + bobs + " name:Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        assertThat(bot.reply("carol", "register code:" + carols.toLowerCase(java.util.Locale.ROOT) + " Carol Jones"))
                .as("a name after the code without name:").startsWith("Welcome, Carol Jones!");
    }

    @Test
    void aNewPersonsRegisterCommandThatCannotBeReadIsAnsweredWithWhatToFixNotTheWelcome() {
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");

        assertThat(bot.reply("bob", "register Bob Fisher code:" + code)).isEqualTo("Put the code and the "
                + "name in quotes after code: and name:.\n" + Help.usage("register"));
        assertThat(bot.chat.messages("bob").getLast().choices()).isEmpty();
        assertThat(bot.reply("bob", "regster code:\"" + code + "\" name:\"Bob Fisher\"")).startsWith("Sorry, I don't "
                + "know that command. Did you mean register?");
        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob Fisher\"")).startsWith("Welcome, Bob "
                + "Fisher!");
    }

    @Test
    void aStateWorksOnceAndADeclinedConsentSaysSo() {
        Registration registration = bot.app.registration();
        String state = bot.startState(SourceKind.SPOTIFY, null);
        String other = bot.startState(SourceKind.SPOTIFY, null);

        assertThat(registration.callback(SourceKind.SPOTIFY, state, null, "access_denied", BROWSER)).isEqualTo(
                new CallbackResult.Failed("Spotify did not connect (you declined). You can try again at " + CONNECT));
        assertThat(registration.callback(SourceKind.SPOTIFY, state, "messenger:bob", null, BROWSER))
                .isInstanceOf(CallbackResult.Connected.class);
        assertThat(registration.callback(SourceKind.SPOTIFY, state, "messenger:bob", null, BROWSER)).isEqualTo(
                new CallbackResult.AlreadyUsed(RELOADED_CODE_PAGE, Optional.empty()));
        assertThat(registration.callback(SourceKind.SPOTIFY, "made-up", "messenger:bob", null, BROWSER))
                .isInstanceOf(CallbackResult.Failed.class);
        bot.clock.advance(Duration.ofMinutes(11));
        assertThat(registration.callback(SourceKind.SPOTIFY, other, "messenger:bob", null, BROWSER))
                .isEqualTo(new CallbackResult.Failed("This link has expired or was already used. Start again at "
                        + CONNECT));
    }

    @Test
    void reloadingThePageOfAFinishedConsentSaysItWasUsedNotThatNothingConnected() {
        bot.chat.nameIs("bob", "Bob Fisher");
        Registration registration = bot.app.registration();
        String plain = bot.startState(SourceKind.LASTFM, null);
        String own = bot.startState(SourceKind.LASTFM, bot.personalLink(at("bob"), SourceKind.LASTFM));

        assertThat(registration.callback(SourceKind.LASTFM, plain, "alicefm", null, BROWSER))
                .isInstanceOf(CallbackResult.Connected.class);
        assertThat(registration.callback(SourceKind.LASTFM, plain, "alicefm", null, BROWSER))
                .as("its code still works: the page says so rather than 'expired'")
                .isEqualTo(new CallbackResult.AlreadyUsed(RELOADED_CODE_PAGE.replace(CONNECT, CONNECT + "/lastfm"),
                        Optional.empty()));
        assertThat(registration.callback(SourceKind.LASTFM, own, "bobfisher", null, BROWSER))
                .isInstanceOf(CallbackResult.Registered.class);
        assertThat(registration.callback(SourceKind.LASTFM, own, "bobfisher", null, BROWSER))
                .as("a reload of the page that registered them").isEqualTo(new CallbackResult.AlreadyUsed(
                        "You're connected with Last.fm: this page finished it the first time, and I've written to "
                                + "you in the chat.", BACK_TO_MESSENGER));
    }

    @Test
    void askingToConnectWritesNothingHoweverOftenItIsAsked() {
        InMemoryRegistrations registrations = (InMemoryRegistrations) bot.stores.registrations();
        String link = bot.personalLink(at("bob"), SourceKind.SPOTIFY);

        for (int i = 0; i < 10_000; i++) {
            bot.app.registration().startConnect(SourceKind.SPOTIFY, null, "browser-" + i);
            bot.app.registration().startConnect(SourceKind.LASTFM, i % 2 == 0 ? link : "forged." + i, "browser-" + i);
        }

        assertThat(registrations.writes()).isZero();
    }

    @Test
    void aStateComesBackOnlyToTheBrowserThatStartedIt() {
        Registration registration = bot.app.registration();
        String state = bot.startState(SourceKind.SPOTIFY, null);

        for (String elsewhere : new String[] {"another-browser", "", null}) {
            assertThat(registration.callback(SourceKind.SPOTIFY, state, "messenger:mallory", null, elsewhere))
                    .isEqualTo(new CallbackResult.Failed("This page was opened in another browser than the one that "
                            + "started connecting, so I won't finish it here: that keeps anyone from tying their "
                            + "account to yours. You can try again at " + CONNECT));
        }
        assertThat(registration.callback(SourceKind.SPOTIFY, state, "messenger:bob", null, BROWSER))
                .as("refused elsewhere, the state still works where it started")
                .isInstanceOf(CallbackResult.Connected.class);
    }

    @Test
    void aStateThatWasAlteredOrIsForAnotherSourceIsRefused() {
        Registration registration = bot.app.registration();
        String state = bot.startState(SourceKind.SPOTIFY, null);
        char last = state.charAt(state.length() - 1);
        String altered = state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(registration.callback(SourceKind.SPOTIFY, altered, "messenger:bob", null, BROWSER))
                .isInstanceOf(CallbackResult.Failed.class);
        assertThat(registration.callback(SourceKind.LASTFM, state, "bob", null, BROWSER))
                .isEqualTo(new CallbackResult.Failed("This link has expired or was already used. Start again at "
                        + CONNECT + "/lastfm"));
        assertThat(registration.callback(SourceKind.SPOTIFY, "x".repeat(5000), "messenger:bob", null, BROWSER))
                .isInstanceOf(CallbackResult.Failed.class);
    }

    @Test
    void consentThroughThePersonsOwnLinkRegistersThemAtOnceUnderTheirProfileName() {
        bot.chat.nameIs("bob", "Bob Fisher");
        String link = bot.personalLink(at("bob"), SourceKind.SPOTIFY);
        String otherTab = bot.startState(SourceKind.SPOTIFY, link);

        CallbackResult result = bot.app.registration().callback(SourceKind.SPOTIFY,
                bot.startState(SourceKind.SPOTIFY, link), "messenger:bob", null, BROWSER);

        assertThat(result).isEqualTo(new CallbackResult.Registered(SourceKind.SPOTIFY, "Bob Fisher",
                Platform.MESSENGER, false));
        assertThat(bot.user("bob").name()).isEqualTo("Bob Fisher");
        assertThat(bot.last("bob")).isEqualTo("Welcome, Bob Fisher! You're connected with Spotify.\n" + PASTE_A_LINK
                + "\nFriends find you as \"Bob Fisher\"; to change it, send: name \"Your Full Name\"\n"
                + Enrolment.RECEIPTS);
        assertThat(bot.chat.messages("bob").getLast().choices()).as("the command's example one tap away")
                .containsExactly(new Choice("Show an example", "help send_song"), new Choice("Menu", "menu"));
        assertThat(bot.app.registration().callback(SourceKind.SPOTIFY, otherTab, "messenger:mallory", null, BROWSER))
                .as("the link works once").isEqualTo(new CallbackResult.Failed(USED_LINK, BACK_TO_MESSENGER));
        assertThat(bot.user("bob").connection().accountId()).isEqualTo("spotify-messenger:bob");
    }

    @Test
    void theWelcomesOwnLinkRegistersThePersonAtOnce() {
        bot.chat.nameIs("bob", "Bob Fisher");
        String welcome = bot.reply("bob", "hi");
        String before = CONNECT + "/spotify?link=";
        String link = welcome.substring(welcome.indexOf(before) + before.length());

        CallbackResult result = bot.app.registration().callback(SourceKind.SPOTIFY,
                bot.startState(SourceKind.SPOTIFY, link), "messenger:bob", null, BROWSER);

        assertThat(result).isEqualTo(new CallbackResult.Registered(SourceKind.SPOTIFY, "Bob Fisher",
                Platform.MESSENGER, false));
        assertThat(bot.reply("bob", "hi")).as("no welcome once registered").doesNotContain("/connect/");
    }

    @Test
    void aLinkAlreadyUsedIsRefusedWhenOpenedAgainBeforeTheServicesConsent() {
        String link = bot.personalLink(at("bob"), SourceKind.LASTFM);
        bot.app.registration().callback(SourceKind.LASTFM, bot.startState(SourceKind.LASTFM, link), "bobfisher", null,
                BROWSER);

        assertThat(bot.app.registration().startConnect(SourceKind.LASTFM, link, BROWSER))
                .isEqualTo(new ConnectStart.Refused(USED_LINK, BACK_TO_MESSENGER));
        assertThat(bot.app.registration().startConnect(SourceKind.SPOTIFY, link, BROWSER))
                .as("whichever source it is opened for").isEqualTo(new ConnectStart.Refused(USED_LINK,
                        BACK_TO_MESSENGER));
    }

    @Test
    void withoutANameFromTheChatProfileThePersonIsAskedForOne() {
        CallbackResult result = bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");

        assertThat(result).isEqualTo(new CallbackResult.Registered(SourceKind.LASTFM, "New friend", Platform.MESSENGER,
                false));
        assertThat(bot.last("bob")).isEqualTo("Welcome! You're connected with Last.fm. I couldn't read your name from "
                + "your chat profile, so tell me the name friends know you by: name \"Your Full Name\"\n" + Enrolment.RECEIPTS
                + "\n\n" + SourceCheck.NOTHING_ON_LASTFM);
        assertThat(bot.reply("bob", "name \"Bob Fisher\"")).isEqualTo("Done: friends now find you as \"Bob Fisher\" "
                + "(send_song name:\"Bob Fisher\").");
        assertThat(bot.stores.users().findUsersByName("bob fisher")).extracting(User::address)
                .containsExactly(at("bob"));
    }

    @Test
    void someoneAskedForTheirNameWhoTypesItPlainlyIsOfferedItAsATap() {
        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");

        for (String said : List.of("Bob Fisher", "my name is Bob Fisher", "I'm called Bob Fisher.")) {
            assertThat(bot.reply("bob", said)).as(said).isEqualTo("Change the name friends find you by to \"Bob "
                    + "Fisher\"?");
            assertThat(bot.chat.messages("bob").getLast().choices().getFirst())
                    .isEqualTo(new Choice("name \"Bob Fisher\"", "name \"Bob Fisher\""));
        }
        assertThat(bot.reply("bob", "histroy")).as("a command mistyped is still one").contains("Did you mean history?");
        assertThat(bot.reply("bob", "/frobnicate")).as("a slash and a word is a command").doesNotContain("Change the");
        assertThat(bot.user("bob").name()).isEqualTo("New friend");
        assertThat(bot.reply("bob", "name \"Bob Fisher\"")).startsWith("Done: friends now find you as \"Bob Fisher\"");

        assertThat(bot.reply("bob", "Robert Fisher")).as("once named, plain words are no name").doesNotContain(
                "Change the name");
    }

    @Test
    void theNameCommandRefusesUnusableNames() {
        bot.register("bob", "Bob Fisher");

        assertThat(bot.reply("bob", "name \"42\"")).isEqualTo("The name needs at least one letter.\n"
                + Help.usage("name"));
        assertThat(bot.reply("bob", "name")).startsWith("What should friends call you?");
        assertThat(bot.reply("bob", "name Bob Fisher")).isEqualTo("Friends already find you as \"Bob Fisher\".");
        assertThat(bot.reply("bob", "name Robert")).startsWith("Done: friends now find you as \"Robert\"");
    }

    @Test
    void aNameMixingAlphabetsInAWordIsRefusedFromTheCommandAndFromTheChatProfile() {
        bot.register("bob", "Bob Fisher");

        assertThat(bot.reply("bob", "name \"Rob\u0435rt Fisher\"")).as("a Cyrillic е").isEqualTo("The word "
                + "\"Rob\u0435rt\" mixes Latin and Cyrillic letters, so the name could pass for another; please write "
                + "each word in one alphabet.\n" + Help.usage("name"));
        assertThat(bot.user("bob").name()).isEqualTo("Bob Fisher");
        assertThat(bot.reply("bob", "name \"Борис Фишер\""))
                .startsWith("Done: friends now find you as \"Борис Фишер\"");

        bot.chat.nameIs("carol", "C\u0430rol Jones");
        assertThat(bot.connectThroughOwnLink(at("carol"), SourceKind.LASTFM, "caroljones"))
                .isEqualTo(new CallbackResult.Registered(SourceKind.LASTFM, "New friend", Platform.MESSENGER, false));
        assertThat(bot.last("carol")).startsWith("Welcome! You're connected with Last.fm. I couldn't read your name "
                + "from your chat profile, so tell me the name friends know you by");
    }

    @Test
    void aNameFriendsCouldNotSendToOrThatIsALinkIsRefused() {
        bot.register("bob", "Bob Fisher");
        bot.register("alice", "Alice Smith");

        assertThat(bot.reply("bob", "name \"@bobfisher\"")).isEqualTo("A name can't be a Telegram @username: "
                + "friends typing it would be looking for that username.\n" + Help.usage("name"));
        assertThat(bot.reply("bob", "name \"https://songs.example/win\"")).isEqualTo("A name can't hold a link.\n"
                + Help.usage("name"));
        assertThat(bot.reply("bob", "name \"see www.songs.example\"")).isEqualTo("A name can't hold a link.\n"
                + Help.usage("name"));
        assertThat(bot.user("bob").name()).isEqualTo("Bob Fisher");
        assertThat(bot.reply("bob", "name \"@Bob\"")).startsWith("Done: friends now find you as \"@Bob\"");
        assertThat(bot.reply("alice", "send_song name:\"@Bob\" " + FakeMusic.SONG.id().link())).startsWith("Sent ");
    }

    @Test
    void aLinkAndAStateMadeBeforeTheyWereSealedStillConnectUntilTheyExpire() {
        String link = oldLink("bob", Duration.ofDays(14));
        String unused = oldLink("dave", Duration.ofDays(14));
        String state = OldSignedValues.sign(bot.signingKey.derive("connect-state"), oldFields("s", "lastfm",
                "i", "old-state", "x", epochSecond(ConnectStates.LIFETIME), "b", ConnectState.digest(BROWSER),
                "p", at("carol").key(), "l", "carols-link", "lx", epochSecond(Duration.ofDays(1))));
        bot.clock.advance(ConnectStates.LIFETIME.minusSeconds(1));

        assertThat(bot.app.registration().callback(SourceKind.LASTFM, state, "caroljones", null, BROWSER))
                .isEqualTo(new CallbackResult.Registered(SourceKind.LASTFM, "New friend", Platform.MESSENGER, false));
        bot.clock.advance(Duration.ofDays(14).minus(ConnectStates.LIFETIME));
        assertThat(bot.app.registration().callback(SourceKind.LASTFM, bot.startState(SourceKind.LASTFM, link),
                "bobfisher", null, BROWSER)).isInstanceOf(CallbackResult.Registered.class);
        assertThat(bot.user("bob").address()).isEqualTo(at("bob"));
        assertThat(bot.app.registration().startConnect(SourceKind.LASTFM, unused, BROWSER))
                .isInstanceOf(ConnectStart.ToConsent.class);
        bot.clock.advance(Duration.ofSeconds(1));
        assertThat(bot.app.registration().startConnect(SourceKind.LASTFM, unused, BROWSER))
                .isInstanceOf(ConnectStart.Refused.class);
    }

    private String oldLink(String psid, Duration lifetime) {
        return OldSignedValues.sign(bot.signingKey.derive("personal-link"), oldFields("p", at(psid).key(),
                "i", "old-link-of-" + psid, "x", epochSecond(lifetime)));
    }

    private long epochSecond(Duration fromNow) {
        return bot.clock.instant().plus(fromNow).getEpochSecond();
    }

    private static Map<String, String> oldFields(Object... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        return fields;
    }

    @Test
    void anExpiredOrMadeUpPersonalLinkStartsNothing() {
        String link = bot.personalLink(at("bob"), SourceKind.SPOTIFY);
        bot.clock.advance(Duration.ofHours(25));

        String refused = "This connect link has expired or isn't valid: the links I send work once, within a day. "
                + "Send me connect in the chat for a new one.";
        assertThat(bot.app.registration().startConnect(SourceKind.SPOTIFY, link, BROWSER)).as("with the way back")
                .isEqualTo(new ConnectStart.Refused(refused,
                        Optional.of(new CallbackResult.BackToChat(Platform.MESSENGER, Optional.empty()))));
        for (String token : new String[] {"made.up", link.substring(1)}) {
            assertThat(bot.app.registration().startConnect(SourceKind.SPOTIFY, token, BROWSER))
                    .isEqualTo(new ConnectStart.Refused(refused));
        }
    }

    @Test
    void whenLastfmRefusesTheServersOwnKeyThePersonIsOfferedTheOtherSourcesNotToTryAgain() {
        bot.chat.nameIs("bob", "Bob Fisher");

        CallbackResult refused = bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, FakeScrobbles.APP_REFUSED);

        assertThat(refused).isInstanceOf(CallbackResult.NotAllowed.class);
        CallbackResult.NotAllowed notAllowed = (CallbackResult.NotAllowed) refused;
        assertThat(notAllowed.explanation()).isEqualTo("Last.fm isn't letting this server connect anyone just now: it "
                + "refused the server's own key, not your account. The server's owner has been told in its log.");
        assertThat(notAllowed.alternatives()).extracting(CallbackResult.Alternative::kind)
                .containsExactly(SourceKind.SPOTIFY);
        Message told = bot.chat.messages("bob").getLast();
        assertThat(told.text()).startsWith(notAllowed.explanation());
        assertThat(told.choices()).containsExactly(new Choice("Spotify", "connect spotify"));
        assertThat(bot.stores.users().findUser(at("bob"))).isEmpty();
    }

    @Test
    void whenSpotifyIsFullThePersonIsOfferedTheOtherSourcesAndRegistersWithOne() {
        bot.music.allowOnly(1);
        bot.connectThroughOwnLink(at("alice"), SourceKind.SPOTIFY, "messenger:alice");
        bot.chat.nameIs("bob", "Bob Fisher");

        CallbackResult full = bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, "messenger:bob");

        assertThat(full).isInstanceOf(CallbackResult.NotAllowed.class);
        CallbackResult.NotAllowed notAllowed = (CallbackResult.NotAllowed) full;
        assertThat(notAllowed.explanation()).startsWith("This server's Spotify app is full: Spotify lets an app in "
                + "development mode serve only 5 people").doesNotContainIgnoringCase("try again");
        assertThat(notAllowed.alternatives()).singleElement().satisfies(other -> {
            assertThat(other.kind()).isEqualTo(SourceKind.LASTFM);
            assertThat(other.url()).startsWith(CONNECT + "/lastfm?link=");
        });
        Message told = bot.chat.messages("bob").getLast();
        assertThat(told.text()).startsWith("This server's Spotify app is full").endsWith("Tap one to connect it "
                + "instead:");
        assertThat(told.choices()).containsExactly(new Choice("Last.fm", "connect lastfm"));
        assertThat(bot.stores.users().findUser(at("bob"))).isEmpty();

        String link = notAllowed.alternatives().getFirst().url().substring((CONNECT + "/lastfm?link=").length());
        assertThat(bot.app.registration().callback(SourceKind.LASTFM, bot.startState(SourceKind.LASTFM, link),
                "bobfisher", null, BROWSER)).isEqualTo(new CallbackResult.Registered(SourceKind.LASTFM, "Bob Fisher",
                Platform.MESSENGER, false));
    }

    @Test
    void onceSpotifyTurnedSomeoneAwayTheWelcomeLeadsWithAnotherSourceForOneToTwoWeeks() {
        bot.music.allowOnly(1);
        bot.connectThroughOwnLink(at("alice"), SourceKind.SPOTIFY, "messenger:alice");
        assertThat(bot.reply("carol", "hello")).as("nobody turned away yet").startsWith(WELCOME);
        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, "messenger:bob");

        assertThat(bot.reply("carol", "hello")).startsWith(WELCOME.replace("for Spotify", "for Last.fm")
                .replace("/connect/spotify?", "/connect/lastfm?")).endsWith("\nSpotify has turned new people away "
                + "from this server lately (an app in development mode serves only the 5 people its owner adds), so "
                + "unless its owner added you, start with Last.fm: it sees your Spotify plays once you connect Spotify "
                + "in Last.fm's settings.");
        assertThat(bot.chat.messages("carol").getLast().choices()).isEqualTo(SOURCES.reversed());
        assertThat(bot.reply("carol", "connect spotify")).startsWith("Spotify has turned new people away from this "
                + "server lately (an app in development mode serves only the 5 people its owner adds); if its owner "
                + "added you, it works.\nHere's your own link to connect Spotify");
        assertThat(bot.reply("carol", "connect lastfm")).startsWith("Here's your own link to connect Last.fm");
        assertThat(bot.reply("alice", "connect spotify")).as("Spotify lets her in").startsWith("You're already "
                + "connected with Spotify");

        bot.clock.advance(Duration.ofDays(6));
        assertThat(bot.reply("dave", "hello")).contains("own link for Last.fm");
        bot.clock.advance(Duration.ofDays(8));
        assertThat(bot.reply("dave", "hello")).as("two weeks without a refusal").startsWith(WELCOME)
                .doesNotContain("turned new people away");
        assertThat(bot.chat.messages("dave").getLast().choices()).isEqualTo(SOURCES);
    }

    @Test
    void thePlainPageExplainsAFullSpotifyAppWithTheOtherSourcesPages() {
        bot.music.allowOnly(0);

        assertThat(bot.connectPlainly(SourceKind.SPOTIFY, "messenger:bob")).isEqualTo(new CallbackResult.NotAllowed(
                SourceKind.SPOTIFY, SourceOffer.notAllowed(SourceKind.SPOTIFY),
                List.of(new CallbackResult.Alternative(SourceKind.LASTFM, CONNECT + "/lastfm"))));
    }

    @Test
    void registeredPeopleAreOfferedToReconnectOrSwitch() {
        bot.register("bob", "Bob Fisher");

        assertThat(bot.reply("bob", "connect")).isEqualTo("I see what you play on Spotify. To reconnect it or switch "
                + "to another service, tap one:");
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
        assertThat(bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher")).isEqualTo(
                new CallbackResult.Registered(SourceKind.LASTFM, "Bob Fisher", Platform.MESSENGER, true));
        assertThat(bot.last("bob")).as("no song is being watched for them").isEqualTo("You're connected with Last.fm "
                + "now, Bob Fisher. I read what you play on Last.fm from now on.\n\n" + SourceCheck.NOTHING_ON_LASTFM);
        assertThat(bot.user("bob").connection().kind()).isEqualTo(SourceKind.LASTFM);
    }

    @Test
    void aRegisteredPersonTappingTheSourceTheyAreOnIsToldTheyAreConnectedAlreadyAndAnotherSourceSwitches() {
        User bob = bot.register("bob", "Bob Fisher");

        assertThat(bot.reply("bob", "connect spotify")).startsWith("You're already connected with Spotify (as "
                + bob.connection().accountId() + "): I see what you play there, so there's nothing to do. Only to use "
                + "another Spotify account, here's your own link to connect Spotify (it works once, within a day): " + CONNECT
                + "/spotify?link=");
        assertThat(bot.reply("bob", "connect lastfm")).startsWith("You listen on Spotify now: once you connect "
                + "Last.fm, I'll read what you play there instead.\nHere's your own link to connect Last.fm");
        bot.stores.users().saveUser(bot.user("bob").withGrantState(GrantState.ENDING_SOON_TOLD));
        assertThat(bot.reply("bob", "connect spotify")).as("reconnecting before the grant ends")
                .startsWith("Here's your own link to connect Spotify");
        assertThat(bot.user("bob").connection()).isEqualTo(bob.connection());
        bot.stores.users().saveUser(bot.user("bob").withGrantState(GrantState.NEEDS_RECONNECT));
        assertThat(bot.reply("bob", "connect lastfm")).as("the connection ended: not 'you listen on Spotify now'")
                .startsWith("Your Spotify connection has ended: once you connect Last.fm, I'll read what you play "
                        + "there instead.\nHere's your own link to connect Last.fm");
    }

    @Test
    void switchingSourcesSaysTheSongsFriendsSentAreStillWatchedOnlyWhenSomeAre() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());

        bot.connectThroughOwnLink(at("bob"), SourceKind.LASTFM, "bobfisher");

        assertThat(bot.last("bob")).isEqualTo("You're connected with Last.fm now, Bob Fisher. Songs friends sent you "
                + "are still being watched: I read what you play on Last.fm from now on.\n\n"
                + SourceCheck.NOTHING_ON_LASTFM);
    }

    @Test
    void aPersonWhoseGrantEndedIsToldOnceAndWatchedAgainAfterReconnecting() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());
        bot.music.revoke(at("bob"));

        bot.advance(Duration.ofMinutes(5));
        bot.advance(Duration.ofHours(2));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection has ended"))
                .singleElement().asString().startsWith("Your Spotify connection has ended (it was revoked or is too "
                        + "old), so I can't see whether you play the songs friends sent you. Reconnect with your own link (it "
                        + "works once, within 14 days): " + CONNECT + "/spotify?link=")
                .endsWith(" — I'll pick up where I left off. Or tap another service to switch to it.");
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
        assertThat(bot.user("bob").needsReconnect()).isTrue();
        assertThat(bot.stores.watches().findWatch(at("bob"))).as("paused until the song's last check")
                .hasValueSatisfying(watch -> assertThat(watch.dueAt()).isAfter(bot.clock.instant().plus(
                        Duration.ofDays(6))));
        assertThat(bot.reply("bob", "connect")).as("not 'I see what you play on Spotify'").isEqualTo("Your Spotify "
                + "connection has ended, so I can't see whether you play the songs friends sent you. To reconnect it or switch "
                + "to another service, tap one:");
        assertThat(bot.chat.messages("bob").getLast().choices()).isEqualTo(SOURCES);
        bot.play("bob", FakeMusic.SONG);

        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");
        assertThat(bot.reply("bob", "register code:\"" + code + "\"")).isEqualTo("You're connected again, Bob "
                + "Fisher. I'm watching your songs again.");
        bot.advance(Duration.ofMinutes(1));

        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + FakeMusic.SONG.title());
        assertThat(bot.user("bob").needsReconnect()).isFalse();
    }

    @Test
    void reconnectingCanChangeTheName() {
        bot.register("bob", "Bob Fisher");
        String code = bot.registrationCode(SourceKind.SPOTIFY, "messenger:bob");

        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Robert Fisher\"")).as("no song is watched "
                + "for him, so none is said to be watched again").isEqualTo("You're connected again, Robert Fisher.");
        bot.connectThroughOwnLink(at("bob"), SourceKind.SPOTIFY, "bob-again");
        assertThat(bot.last("bob")).isEqualTo("You're connected again with Spotify, Robert Fisher.");
        assertThat(bot.stores.users().findUsersByName("Bob Fisher")).isEmpty();
        assertThat(bot.stores.users().findUsersByName("robert fisher")).extracting(User::address)
                .containsExactly(at("bob"));
    }
}
