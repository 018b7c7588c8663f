package app.sendsongs.core.compose;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words pasted beside a link, as phones paste them: a share sheet's words naming the song are no note, and the
 * name of one of the sender's groups by itself says who the song is for, as a friend's whole name does.
 */
class WordsBesideALinkTest {
    /** {@link FakeMusic#SONG}'s link, a constant for the parameters below. */
    private static final String LINK = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
    private static final String TITLE = FakeMusic.SONG.title();
    private BotHarness bot;

    @BeforeEach
    void friendsAndGroups() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.reply("alice", "send_song name:\"Carol King\" " + FakeMusic.OTHER_SONG.id().link());
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.advance(Duration.ofMinutes(1));
        bot.reply("alice", "create_group Book Club");
        bot.reply("alice", "add_to_group \"Book Club\" \"Bob Fisher\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Listen to Never Gonna Give You Up by Rick Astley on Spotify " + LINK,
            "Check out this song on Spotify! " + LINK, "I'm listening to Never Gonna Give You Up by Rick Astley on "
            + "Spotify " + LINK, "Never Gonna Give You Up · Rick Astley " + LINK, LINK + "\nSong · Rick Astley",
            "🎵 Never Gonna Give You Up - Rick Astley 🎵 " + LINK, "Escucha Never Gonna Give You Up de Rick Astley en "
            + "Spotify " + LINK, "Hör dir Never Gonna Give You Up von Rick Astley auf Spotify an " + LINK})
    void aShareSheetsWordsNamingTheSongAreNoNote(String pasted) {
        assertThat(bot.reply("alice", pasted)).isEqualTo("Who is it for?");
        assertThat(tap("Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
        assertThat(last().choices()).extracting(Choice::title).doesNotContain("No note");
        tap("Send", "send #" + draftKey());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void aShareSheetsWordsNamingAnotherSongStayTheNote() {
        assertThat(bot.reply("alice", "Listen to Take On Me by a-ha on Spotify " + LINK)).isEqualTo("Who is it for?\n"
                + "With it: “Listen to Take On Me by a-ha on Spotify”");
    }

    @ParameterizedTest
    @ValueSource(strings = {"you'll love the bridge", "Never Gonna Give You Up is the best song on Spotify",
            "Check out this song on Spotify, it reminds me of you", "Rick Astley live was amazing",
            "Never Gonna Give You Up 😍"})
    void wordsThatSaySomethingElseStayTheNoteAlsoWhenTheyNameTheSongOrSpotify(String note) {
        assertThat(bot.reply("alice", note + " " + LINK)).isEqualTo("Who is it for?\nWith it: “" + note + "”");
        assertThat(tap("Bob Fisher", "1")).isEqualTo("Send " + TITLE + " to Bob Fisher?\nWith it: “" + note + "”");
        tap("Send", "send #" + draftKey());

        assertThat(bot.last("bob")).isEqualTo("🎵 Alice Smith sent you a song: " + TITLE + "\n“" + note + "”");
    }

    @Test
    void theSameLinkAgainWithAShareSheetsWordsKeepsTheNotesTypedForIt() {
        bot.reply("alice", LINK);
        tap("Bob Fisher", "1");
        bot.reply("alice", "note");
        bot.reply("alice", "the bridge!");

        assertThat(bot.reply("alice", "Never Gonna Give You Up · Rick Astley " + LINK)).isEqualTo("Who is it for?\n"
                + "With it: “the bridge!”");
    }

    @ParameterizedTest
    @ValueSource(strings = {LINK + " Book Club", "Book Club " + LINK, LINK + " book club", LINK + " Book Club!",
            "@Book Club " + LINK, "for Book Club " + LINK, "to book club " + LINK, "For book club: " + LINK})
    void aGroupsNameBesideTheLinkIsWhoTheSongIsFor(String pasted) {
        assertThat(bot.reply("alice", pasted)).isEqualTo("Send " + TITLE + " to Book Club?");
        assertThat(last().card()).isPresent();
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().pre()).isEmpty();
        tap("Send", "send #" + draftKey());

        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent a song to Book Club: " + TITLE);
    }

    @Test
    void aFriendsWholeNameBesideTheLinkIsStillThatFriend() {
        assertThat(bot.reply("alice", LINK + " Carol King")).isEqualTo("Send " + TITLE + " to Carol King?");
    }

    @Test
    void aGroupsNameWithMoreWordsStaysTheNote() {
        assertThat(bot.reply("alice", "Book Club vibes " + LINK)).isEqualTo("Who is it for?\n"
                + "With it: “Book Club vibes”");
    }

    @Test
    void aNameThatIsAGroupsAndAFriendsAsksWithBothFirstAmongTheTaps() {
        bot.reply("alice", "create_group Carol");

        assertThat(bot.reply("alice", LINK + " Carol")).isEqualTo("\"Carol\" is the name of one of your groups and "
                + "of someone you know. Who is it for?");
        assertThat(last().choices()).extracting(Choice::title).startsWith("Carol King", "👥 Carol");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().pre()).as("a name, not a note").isEmpty();
        assertThat(tap("👥 Carol", last().choices().get(1).payload())).isEqualTo("Send " + TITLE + " to Carol?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"for Carol ", "to Carol ", "For Carol: "})
    void forOrToANameThatIsAGroupsAndAFriendsAsksToo(String before) {
        bot.reply("alice", "create_group Carol");

        assertThat(bot.reply("alice", before + LINK)).isEqualTo("\"Carol\" is the name of one of your groups and "
                + "of someone you know. Who is it for?");
        assertThat(last().choices()).extracting(Choice::title).startsWith("Carol King", "👥 Carol");
        assertThat(bot.stores.drafts().findDraft(at("alice")).orElseThrow().pre()).as("a name, not a note").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Carol", "for Carol", "to Carol"})
    void aNameThatIsAGroupsAndAFriendsTypedAtWhoIsItForAsksToo(String typed) {
        bot.reply("alice", "create_group Carol");
        assertThat(bot.reply("alice", LINK)).startsWith("Who is it for?");

        assertThat(bot.reply("alice", typed)).contains("\"Carol\" is the name of one of your groups and of someone "
                + "you know.");
        assertThat(last().choices()).extracting(Choice::title).startsWith("Carol King", "👥 Carol");
    }

    @Test
    void aGroupNamedAsAFriendsWholeNameAsksToo() {
        bot.reply("alice", "create_group \"Bob Fisher\"");

        assertThat(bot.reply("alice", "Bob Fisher " + LINK)).startsWith("\"Bob Fisher\" is the name of one of your "
                + "groups and of someone you know. Who is it for?");
        assertThat(last().choices()).extracting(Choice::title).startsWith("Bob Fisher", "👥 Bob Fisher");
    }

    @Test
    void aGroupsNameThatAStrangerTookIsStillTheGroup() {
        bot.register("dan", "Book Club");

        assertThat(bot.reply("alice", LINK + " Book Club")).isEqualTo("Send " + TITLE + " to Book Club?");
    }

    @Test
    void aNameOfSeveralGroupsNoneTheSendersAsksWhichOne() {
        bot.register("dan", "Dan Brown");
        bot.register("erin", "Erin Walsh");
        bot.reply("dan", "create_group Choir");
        bot.reply("dan", "add_to_group Choir \"Alice Smith\"");
        bot.reply("erin", "create_group Choir");
        bot.reply("erin", "add_to_group Choir \"Alice Smith\"");

        assertThat(bot.reply("alice", LINK + " Choir")).startsWith("You're in 2 groups called Choir");
    }

    private String draftKey() {
        return bot.stores.drafts().findDraft(at("alice")).orElseThrow().key();
    }

    private String tap(String title, String payload) {
        List<String> replies = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at("alice"), bot.clock.instant(),
                payload, title));
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private Message last() {
        return bot.chat.messages("alice").getLast();
    }
}
