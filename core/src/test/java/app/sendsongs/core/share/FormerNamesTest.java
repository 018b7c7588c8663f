package app.sendsongs.core.share;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.FormerName;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A name a person changed from finds them only for the friends who could have known them by it: those who exchanged a
 * song with them, either way, while they had it. A name taken for a moment (someone else's, say) is nobody's way to
 * them, and never comes between anyone and the person who has that name.
 */
class FormerNamesTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String OTHER = FakeMusic.OTHER_SONG.id().link();
    private static final String OTHER_TITLE = FakeMusic.OTHER_SONG.title();
    private static final ChatAddress FRANK = at("frank");
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("jose", "José O’Brien");
        bot.register("dan", "Dan Øster");
        bot.register("kim", "Kim Lee");
        bot.reply("dan", "send_song name:\"José O’Brien\" " + LINK); // Dan knows José by his name
        bot.advance(Duration.ofDays(1));
        bot.register(FRANK, "Frank Ocean");
    }

    @Test
    void someoneElsesNameTakenForAMomentAndLeftComesBetweenNobodyAndItsHolder() {
        assertThat(bot.reply("jose", "name \"Frank Ocean\"")).isEqualTo("Done: friends now find you as \"Frank "
                + "Ocean\" (send_song name:\"Frank Ocean\"). Friends who knew you as \"José O’Brien\" still find you "
                + "by it.");
        bot.advance(Duration.ofSeconds(30));

        assertThat(bot.reply("jose", "name \"José O’Brien\"")).as("nobody knew him by it: nothing said about it")
                .isEqualTo("Done: friends now find you as \"José O’Brien\" (send_song name:\"José O’Brien\").");
        assertThat(bot.user("jose").formerNames()).isEmpty();
        assertThat(bot.stores.users().findUsersOnceNamed("Frank Ocean")).isEmpty();
        assertThat(bot.reply("dan", "send_song name:\"Frank Ocean\" " + OTHER))
                .startsWith("Sent " + OTHER_TITLE + " to Frank Ocean.");
        assertThat(bot.inbox(FRANK)).hasSize(1);
        assertThat(bot.reply("dan", "send_song name:Frank " + LINK)).as("nor as a first name")
                .doesNotContain("José");
        assertThat(bot.inbox("jose")).filteredOn(text -> text.contains("sent you a song")).as("Dan's first only")
                .hasSize(1);
    }

    @Test
    void aFormerNameFindsThePersonOnlyForFriendsWhoExchangedASongWithThemWhileTheyHadIt() {
        joseIsFrankOceanForAnHourAndSendsKimASong();

        assertThat(bot.reply("kim", "send_song name:\"Frank Ocean\" " + OTHER)).startsWith("That name fits 2 people. "
                + "Which one?\n1. Frank Ocean — ").contains("\n2. José O’Brien — you knew them as Frank Ocean, exchanged songs with you");
        bot.reply("kim", "3"); // Don't send
        assertThat(bot.reply("dan", "send_song name:\"Frank Ocean\" " + OTHER)).as("Dan knew him before, not as that")
                .startsWith("Sent " + OTHER_TITLE + " to Frank Ocean.");
        assertThat(bot.reply("kim", "send_song name:Frank " + OTHER)).as("a first name, as Kim knew him")
                .startsWith("Sent " + OTHER_TITLE + " to José O’Brien.");
        assertThat(bot.reply("dan", "send_song name:Frank " + LINK)).doesNotContain("José");
        assertThat(bot.reply("dan", "send_song name:\"José O’Brien\" " + OTHER)).startsWith("Sent " + OTHER_TITLE
                + " to José O’Brien.");
    }

    @Test
    void theRenameAnswerNamesTheOldNameOnlyWhenSomeoneExchangedASongUnderIt() {
        bot.register("lou", "Lou Reed");
        bot.reply("lou", "create_group Band");
        bot.reply("lou", "add_to_group Band Dan Øster");
        assertThat(bot.reply("lou", "name \"Louis Reed\"")).isEqualTo("Done: friends now find you as \"Louis Reed\" "
                + "(send_song name:\"Louis Reed\").");
        assertThat(bot.user("lou").formerNames()).as("a name nobody could know them by is not kept").isEmpty();
        assertThat(bot.reply("dan", "send_song name:\"Lou Reed\" " + LINK)).as("sharing a group is not knowing them by it")
                .startsWith("I don't know anyone called \"Lou Reed\"");

        FormerName known = joseIsFrankOceanForAnHourAndSendsKimASong();

        assertThat(known.name()).isEqualTo("Frank Ocean");
        assertThat(known.from()).isEqualTo(BotHarness.T0.plus(Duration.ofDays(1)));
        assertThat(known.until()).isEqualTo(BotHarness.T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)));
    }

    @Test
    void aStrangerWithTheNameIsCautionedAboutOnlyToFriendsWhoKnewThePersonByIt() {
        joseIsFrankOceanForAnHourAndSendsKimASong();

        bot.reply(FRANK, "send_song name:\"Dan Øster\" " + LINK);
        bot.reply(FRANK, "send_song name:\"Kim Lee\" " + OTHER);

        assertThat(bot.inbox("dan").getLast()).startsWith("🎵 Frank Ocean sent you a song").doesNotContain("⚠️");
        assertThat(bot.inbox("kim").getLast()).endsWith("⚠️ This Frank Ocean is new to you: not the Frank Ocean you "
                + "know here, who is now called José O’Brien.");
    }

    @Test
    void aGroupOwnerRemovesByAFormerNameOnlyThoseTheyKnewByIt() {
        joseIsFrankOceanForAnHourAndSendsKimASong();
        bot.reply("dan", "create_group Band");
        bot.reply("dan", "add_to_group Band José O’Brien");
        bot.reply("dan", "add_to_group Band Frank Ocean");

        assertThat(bot.reply("dan", "remove_from_group Band Frank Ocean")).doesNotContain("Which one")
                .contains("Frank Ocean");
        assertThat(bot.stores.groups().membersOf(bot.stores.groups().groupsOf(at("dan")).getFirst().id()))
                .extracting(member -> member.member()).containsExactlyInAnyOrder(at("dan"), at("jose"));
    }

    @Test
    void whichOneSaysByWhatNameTheAskerKnewSomeoneWhoTookAFriendsName() {
        bot.register("bob", "Bob Fisher");
        bot.reply("kim", "create_group Family");
        bot.reply("kim", "add_to_group Family Bob Fisher");
        bot.reply("kim", "add_to_group Family Dan Øster");
        bot.reply("kim", "send_song name:\"Bob Fisher\" " + LINK);
        bot.reply("kim", "send_song name:\"Dan Øster\" " + LINK);
        bot.advance(Duration.ofHours(1));
        bot.reply("dan", "name \"Bob Fisher\"");
        bot.advance(Duration.ofHours(1));

        String whichOne = bot.reply("kim", "send_song name:\"Bob Fisher\" " + OTHER);

        assertThat(whichOne).as("both in Family, both sent songs, both joined that day: only the old name tells")
                .startsWith("2 people are called Bob Fisher. Which one?")
                .containsPattern("\n\\d\\. Bob Fisher — you knew them as Dan Øster, in Family with you, joined ")
                .containsOnlyOnce("Dan Øster");
        assertThat(bot.chat.messages("kim").getLast().choices()).extracting(Choice::title).as("told apart on the taps")
                .anyMatch(title -> title.contains("was Dan"));
        assertThat(whichOne).as("the real one had no other name").doesNotContain("knew them as Bob");
        bot.reply("kim", "3"); // Don't send
        assertThat(bot.reply("dan", "send_song name:\"Kim Lee\" " + OTHER)).startsWith("Sent ");
        assertThat(bot.inbox("kim").getLast()).as("a song from them says so too")
                .startsWith("🎵 Bob Fisher (you knew them as Dan Øster) sent you a song");
    }

    @Test
    void forgetMeDropsTheFormerNames() {
        joseIsFrankOceanForAnHourAndSendsKimASong();

        bot.reply("jose", "forget_me");
        bot.reply("jose", "forget_me confirm");

        assertThat(bot.stores.users().findUsersOnceNamed("Frank Ocean")).isEmpty();
        assertThat(bot.stores.users().findUsersOnceNamed("José O’Brien")).isEmpty();
        assertThat(bot.reply("kim", "send_song name:\"Frank Ocean\" " + OTHER))
                .startsWith("Sent " + OTHER_TITLE + " to Frank Ocean.");
    }

    /**
     * José, known to Dan by his name, takes Frank Ocean's for two hours, sends Kim a song under it after one, and
     * takes his own back: what he kept of "Frank Ocean".
     */
    private FormerName joseIsFrankOceanForAnHourAndSendsKimASong() {
        bot.reply("jose", "name \"Frank Ocean\"");
        bot.advance(Duration.ofHours(1));
        assertThat(bot.reply("jose", "send_song name:\"Kim Lee\" " + LINK)).startsWith("Sent ");
        bot.advance(Duration.ofHours(1));
        assertThat(bot.reply("jose", "name \"José O’Brien\"")).isEqualTo("Done: friends now find you as \"José "
                + "O’Brien\" (send_song name:\"José O’Brien\"). Friends who knew you as \"Frank Ocean\" still find you "
                + "by it.");
        bot.advance(Duration.ofHours(1));
        assertThat(bot.user("jose").formerNames()).extracting(FormerName::name).containsExactly("Frank Ocean");
        return bot.user("jose").formerNames().getFirst();
    }
}
