package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot writes commands the way the person's platform spells them: on Telegram {@code /send}, {@code /pending}
 * (taps there, and what the bot's menu teaches), on Messenger {@code send_song}, {@code pending}; each spelling is
 * read on both.
 */
class CommandSpellingTest {
    private static final ChatAddress CAROL = new ChatAddress(Platform.TELEGRAM, "602334455");

    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private final BotHarness bot = new BotHarness(telegram);
    private final CommandParser parser = new CommandParser();

    @Test
    void helpOnTelegramListsEveryCommandWithASlashAndSendForSendSong() {
        bot.register(CAROL, "Carol King");

        String help = String.join("\n", bot.say(CAROL, "/help"));

        assertThat(help).isEqualTo(Help.all(CommandStyle.SLASHED))
                .contains("\n• /send name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\"")
                .contains("To a group: /send group:\"Family\" <link>.", "\n• /pending — ",
                        "\n• /create_group name:\"Family\" — make a group you own (/create_group Family works "
                                + "too).", "this list, or one command; /help groups, /help privacy.",
                        "; /receipts on to undo.")
                .doesNotContain("send_song", "{");
        assertThat(bullets(help)).allSatisfy(line -> assertThat(line).startsWith("• /"));
    }

    @Test
    void helpOnTelegramForNoCommandSaysSoAndOffersTheCommandMeantSpelledWithASlash() {
        bot.register(CAROL, "Carol King");

        assertThat(bot.reply(CAROL, "/help /sned")).isEqualTo("There's no command called \"/sned\". You probably "
                + "mean /send:\n" + Help.usage("send_song", CommandStyle.SLASHED));
        assertThat(bot.reply(CAROL, "/help /send")).isEqualTo(Help.usage("send_song", CommandStyle.SLASHED));
        assertThat(bot.reply(CAROL, "/help nome")).isEqualTo("There's no command called \"nome\". Did you mean "
                + "/note or /name?");
        assertThat(telegram.messages(CAROL.id()).getLast().choices()).extracting(Choice::title)
                .containsExactly("/note", "/name", "All commands");
    }

    @Test
    void helpOnMessengerIsUnchanged() {
        bot.register("dan", "Dan Brown");

        String help = String.join("\n", bot.say("dan", "help"));

        assertThat(help).isEqualTo(Help.all()).isEqualTo(Help.all(CommandStyle.PLAIN))
                .contains("\n• send_song name:\"Bob Fisher\" ", "To a group: send_song group:\"Family\" <link>.",
                        "\n• pending — ")
                .doesNotContain("/send", "{");
    }

    @Test
    void everyCommandHelpOnTelegramWritesIsReadAsTheCommandItNames() {
        for (String line : bullets(Help.all(CommandStyle.SLASHED))) {
            String word = line.substring(2).split(" ")[0];
            assertThat(parser.parse(word)).as(word).isNotInstanceOf(ParseResult.Unknown.class);
        }
        assertThat(parser.parse("/send")).isEqualTo(parser.parse("send_song"));
        assertThat(parser.parse("/pending")).isEqualTo(parser.parse("pending"));
    }

    @Test
    void helpTopicsOnTelegramAreSpelledTheTelegramWay() {
        bot.register(CAROL, "Carol King");

        assertThat(bot.reply(CAROL, "/help groups")).contains("• /send group:\"Family\" pre:\"for the road trip\"",
                "• /add_to_group Family \"Bob Fisher\"", "add the owner: /members Family (Bob Fisher's).")
                .doesNotContain("send_song", "{")
                .endsWith("\nIn a Telegram group chat: add me to it, and a song shared there with /send <link> goes "
                        + "privately to everyone who tapped Count me in (or sent /join there); /leave there stops them.");
        assertThat(bot.reply(CAROL, "/help send")).startsWith("/send name:\"Bob Fisher\"");
        bot.register("dan", "Dan Brown");
        assertThat(bot.reply("dan", "help groups")).as("Messenger, which has no group chats for bots")
                .isEqualTo(Help.topic("groups").orElseThrow()).doesNotContain("group chat");
    }

    @Test
    void usageLinesInTelegramRepliesAreSpelledTheTelegramWay() {
        bot.register(CAROL, "Carol King");

        assertThat(bot.reply(CAROL, "/history")).isEqualTo("You haven't sent any songs yet.\n"
                + Help.usage("send_song", CommandStyle.SLASHED)).contains("\n/send name:\"Bob Fisher\"");
        assertThat(bot.reply(CAROL, "/name \"42\"")).isEqualTo("The name needs at least one letter.\n/name \"Your Full "
                + "Name\" — change the name friends use to send you songs.");
        assertThat(bot.reply(CAROL, "/create_group \"!!\"")).isEqualTo("A group name needs at least one letter or "
                + "digit.\n" + Help.usage("create_group", CommandStyle.SLASHED)).contains("\n/create_group name:");
        assertThat(bot.reply(CAROL, "/name Carol Queen")).isEqualTo("Done: friends now find you as \"Carol Queen\" "
                + "(/send name:\"Carol Queen\").");
    }

    @Test
    void didYouMeanOnTelegramNamesTheCommandAsTelegramSpellsIt() {
        bot.register(CAROL, "Carol King");

        assertThat(bot.reply(CAROL, "/snd")).isEqualTo("Sorry, I don't know that command. Did you mean /send?");
        assertThat(bot.reply(CAROL, "hlep")).isEqualTo("Sorry, I don't know that command. Did you mean /help?");
        bot.register("bob", "Bob Fisher");
        assertThat(bot.reply("bob", "hlep")).as("Messenger")
                .isEqualTo("Sorry, I don't know that command. Did you mean help?");
    }

    @Test
    void aShortWordOneLetterFromACommandOfTwoLettersIsNoTypoOfIt() {
        bot.register("bob", "Bob Fisher");

        for (String typed : List.of("too", "Tom", "two", "top")) {
            assertThat(bot.reply("bob", typed)).as(typed).startsWith("Sorry, I didn't understand that.")
                    .doesNotContain("Did you mean");
        }
    }

    @Test
    void aMistypedNameInTelegramsSendIsAskedAboutAndTheNumberSendsIt() {
        bot.register(CAROL, "Carol King");
        bot.register("bob", "Bob Fisher");
        bot.reply("bob", "send_song name:\"Carol King\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply(CAROL, "/send name:\"Bob Fsiher\" " + FakeMusic.SONG.id().link()))
                .isEqualTo("I don't know anyone called \"Bob Fsiher\". Did you mean Bob Fisher?");
        assertThat(telegram.messages(CAROL.id()).getLast().choices()).extracting(Choice::title)
                .containsExactly("Bob Fisher", "Invite \"Bob Fsiher\"", "Don't send");
        assertThat(bot.reply(CAROL, "1")).startsWith("Sent " + FakeMusic.SONG.title() + " to Bob Fisher.");
    }

    @Test
    void problemsWithWhatFollowsACommandOnTelegramNameCommandsTheTelegramWay() {
        bot.register(CAROL, "Carol King");

        assertThat(bot.reply(CAROL, "/send")).endsWith("Or send it in one go: /send name:\"Bob Fisher\" <link>");
        assertThat(bot.reply(CAROL, "/block")).isEqualTo("Who? /block Bob Fisher");
        assertThat(bot.reply(CAROL, "/name")).isEqualTo("What should friends call you? /name \"Your Full Name\"");
        assertThat(bot.reply(CAROL, "/receipts maybe"))
                .isEqualTo("Say on or off: /receipts off, or /receipts off Bob Fisher for one friend.");
        assertThat(bot.reply(CAROL, "/leave_group")).isEqualTo("Which group? /leave_group <group>");
        assertThat(bot.reply(CAROL, "/forget_me now")).startsWith("/forget_me takes nothing after it");
        bot.register("bob", "Bob Fisher");
        assertThat(bot.reply("bob", "block")).as("Messenger").isEqualTo("Who? block Bob Fisher");
    }

    @Test
    void groupRepliesOnTelegramNameCommandsTheTelegramWay() {
        bot.register(CAROL, "Carol King");
        bot.register("bob", "Bob Fisher");

        assertThat(bot.reply(CAROL, "/groups")).endsWith("Make one with: /create_group name:\"<group>\"");
        assertThat(bot.reply(CAROL, "/create_group Book Club")).isEqualTo("Created the group Book Club. Add people "
                + "who have registered with me: /add_to_group \"Book Club\" \"<full name>\" (or in words: add <full "
                + "name> to Book Club)\nThen share a song with all of them: paste its link and tap 👥 Book Club (or /send "
                + "group:\"Book Club\" <Spotify link>)");
        assertThat(bot.reply(CAROL, "/leave_group Book Club")).endsWith("send: /delete_group Book Club");
        assertThat(bot.reply(CAROL, "/groups")).endsWith("See who is in one with: /members <group>");
        bot.reply("bob", "create_group Family");
        bot.reply("bob", "add_to_group Family \"Carol King\"");
        assertThat(bot.last(CAROL)).endsWith("If you'd rather not be in it, send: /leave_group Family");
        assertThat(bot.reply(CAROL, "/add_to_group Family \"Bob Fisher\"")).endsWith("send: /leave_group Family");
        assertThat(bot.reply("bob", "groups")).as("Messenger").endsWith("See who is in one with: members <group>");
    }

    @Test
    void pendingOnTelegramSaysHowToCancelTheTelegramWay() {
        bot.register(CAROL, "Carol King");
        bot.register("bob", "Bob Fisher");

        bot.reply(CAROL, "/send name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());

        assertThat(bot.reply(CAROL, "/pending")).endsWith("Stop one with: /cancel <number>");
    }

    @Test
    void receiptsForABlockedSenderOnTelegramSayHowToUnblockTheTelegramWay() {
        bot.register(CAROL, "Carol King");
        bot.register("bob", "Bob Fisher");
        bot.reply("bob", "send_song name:\"Carol King\" " + FakeMusic.SONG.id().link());
        bot.reply(CAROL, "/block Bob Fisher");

        assertThat(bot.reply(CAROL, "/receipts on Bob Fisher")).endsWith("through again: /unblock Bob Fisher");
    }

    @Test
    void registeringWithACodeOnTelegramAnswersInTelegramSpelling() {
        ChatAddress dave = new ChatAddress(Platform.TELEGRAM, "700000001");
        String code = bot.registrationCode(SourceKind.SPOTIFY, "dave-sp");

        assertThat(bot.reply(dave, "/register code:\"" + code + "\"")).endsWith("\n"
                + Help.usage("register", CommandStyle.SLASHED)).contains("\n/register code:\"<code>\"");
        assertThat(bot.reply(dave, "/register code:\"" + code + "\" name:\"Dave Stone\"")).contains(
                "paste its Spotify link here", "To keep that to yourself: /receipts off (or /receipts off <name> for one "
                        + "friend).").doesNotContain("send_song");
    }

    @Test
    void theWelcomeOnTelegramTeachesSendAndName() {
        telegram.nameIs(CAROL.id(), "Carol King");

        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol-sp");

        assertThat(telegram.last(CAROL.id())).startsWith("Welcome, Carol King!")
                .contains("paste its Spotify link here", "to change it, send: /name \"Your Full Name\"",
                        "To keep that to yourself: /receipts off (or /receipts off <name> for one friend).")
                .doesNotContain("send_song");
    }

    @Test
    void theWelcomeOnTelegramWithoutAProfileNameAsksForOneTheTelegramWay() {
        bot.connectThroughOwnLink(CAROL, SourceKind.LASTFM, "carolking");

        assertThat(telegram.last(CAROL.id())).contains("tell me the name friends know you by: /name \"Your Full "
                + "Name\"\n").contains("/receipts off <name> for one friend).");
    }

    @Test
    void theBriefPointerNamesTheCommandsAsEachPlatformSpellsThem() {
        assertThat(Help.brief(CommandStyle.SLASHED)).startsWith("Commands: /send, /to, /note, ")
                .contains(", /create_group, ").endsWith(", /help. Type /help for examples.");
        assertThat(Help.brief()).startsWith("Commands: send_song, to, note, ").endsWith(". Type help for examples.");
    }

    @Test
    void telegramIsSlashedAndEveryOtherPlatformPlain() {
        assertThat(CommandStyle.of(CAROL)).isEqualTo(CommandStyle.SLASHED);
        assertThat(CommandStyle.of(at("bob"))).isEqualTo(CommandStyle.PLAIN);
        assertThat(CommandStyle.of(new Platform("whatsapp"))).isEqualTo(CommandStyle.PLAIN);
        assertThat(CommandStyle.SLASHED.nameOf("send")).isEqualTo("send_song");
        assertThat(CommandStyle.SLASHED.nameOf("pending")).isEqualTo("pending");
    }

    private static List<String> bullets(String help) {
        return Arrays.stream(help.split("\n")).filter(line -> line.startsWith("• ")).toList();
    }
}
