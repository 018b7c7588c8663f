package app.sendsongs.core.group;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups made and filled in plain words and by tapping, as people do on a phone. */
class GroupWordsTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String ASK_NAME = "What should the group be called? Type its name, like Family or Road Trip.";
    private BotHarness bot;

    @BeforeEach
    void people() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.register("carol", "Carol King");
        bot.register("dan", "Dan Øster");
    }

    @Test
    void aGroupIsMadeInPlainWordsAndItsNameAskedForWhenNotGiven() {
        assertThat(bot.reply("alice", "create a group called Family")).startsWith("Created the group Family.");

        assertThat(bot.reply("alice", "new group")).isEqualTo(ASK_NAME);
        assertThat(titles("alice")).containsExactly("Never mind");
        assertThat(bot.reply("alice", "Road Trip")).startsWith("Created the group Road Trip.");
        assertThat(bot.reply("alice", "Band")).as("the question answered")
                .startsWith("Sorry, I didn't understand that.");

        assertThat(bot.reply("alice", "How do I make a group?")).isEqualTo(ASK_NAME);
        assertThat(bot.reply("alice", "never mind")).startsWith("Hi Alice! ");
        assertThat(bot.reply("alice", "Band")).startsWith("Sorry, I didn't understand that.");
        assertThat(bot.stores.groups().groupsOf(at("alice"))).extracting(Group::name)
                .containsExactlyInAnyOrder("Family", "Road Trip");
    }

    @Test
    void helpAboutGroupsSaysPlainWordsWorkToo() {
        assertThat(bot.reply("alice", "help groups")).contains("\nPlain words work too: \"new group\", \"add Bob to "
                + "Family\", \"kick Bob from Family\", \"leave Family\", \"who is in Family?\".");
    }

    @Test
    void aNameAGroupCannotHaveIsSaidAndAskedForAgain() {
        bot.reply("alice", "make a group");

        assertThat(bot.reply("alice", "---")).isEqualTo("A group name needs at least one letter or digit.\n"
                + ASK_NAME);
        assertThat(bot.reply("alice", "Family")).startsWith("Created the group Family.");
        bot.reply("alice", "new group");
        assertThat(bot.reply("alice", "family")).isEqualTo("You already have a group called family.\n" + ASK_NAME);
        assertThat(bot.reply("alice", "Band")).startsWith("Created the group Band.");
    }

    @Test
    void groupsWithNoneOffersATapThatAsksTheName() {
        assertThat(bot.reply("alice", "groups")).isEqualTo("You're not in any group yet. Make one with: create_group "
                + "name:\"<group>\"");
        assertThat(tap("alice", "Make a group")).isEqualTo(ASK_NAME);
        assertThat(bot.reply("alice", "Family")).startsWith("Created the group Family.");

        assertThat(bot.reply("alice", "groups")).startsWith("Your groups:\n• Family — yours, 1 member");
        assertThat(titles("alice")).containsExactly("Family", "New group");
        assertThat(tap("alice", "New group")).isEqualTo(ASK_NAME);
        bot.reply("alice", "never mind");
        bot.reply("alice", "groups");
        assertThat(tap("alice", "Family")).startsWith("Family — your group, 1 member:");
    }

    @Test
    void peopleAreAddedRemovedAndLeaveInPlainWords() {
        bot.reply("alice", "create a group called Family");

        assertThat(bot.reply("alice", "add Bob Fisher to Family")).startsWith("Added Bob Fisher to Family (2 members).");
        assertThat(bot.reply("alice", "please add Carol King to the Family group"))
                .startsWith("Added Carol King to Family (3 members).");
        assertThat(bot.reply("alice", "who is in Family?")).startsWith("Family — your group, 3 members:");
        assertThat(bot.reply("bob", "members of Family")).startsWith("Family — made by Alice Smith, 3 members:");
        assertThat(titles("bob")).containsExactly("Leave Family");
        assertThat(bot.reply("alice", "kick Carol King from Family")).startsWith("Removed Carol King from Family");
        assertThat(bot.reply("bob", "I don't want to be in Family")).startsWith("You've left Family.");
        bot.reply("alice", "add Bob Fisher to Family");
        assertThat(bot.reply("bob", "leave the Family group")).startsWith("You've left Family.");
        assertThat(bot.reply("alice", "delete the Family group")).startsWith("Delete the group Family?");
    }

    @Test
    void anUnknownGroupOrPersonIsSaidNotMetWithIDidntUnderstand() {
        bot.reply("alice", "create a group called Family");

        assertThat(bot.reply("alice", "add Bob Fisher to Famly")).isEqualTo("You're not in a group called \"Famly\". "
                + "Your groups: Family.");
        assertThat(bot.reply("alice", "add Zed Zulu to Family")).startsWith("I don't know anyone called \"Zed Zulu\"");
        assertThat(bot.reply("bob", "leave Family")).startsWith("You're not in a group called \"Family\", and you're "
                + "in no group now.");
    }

    @Test
    void anAddOrRemovalWithoutItsGroupGoesToTheOnlyOneOrAsksWhichByTaps() {
        assertThat(bot.reply("alice", "add Bob Fisher")).isEqualTo("You haven't made a group yet. Make one first, "
                + "then add people to it. To send someone a song, there's nobody to add first: paste its link and "
                + "type their name.");
        assertThat(titles("alice")).containsExactly("Make a group");
        bot.reply("alice", "create a group called Family");
        assertThat(bot.reply("alice", "add Bob Fisher")).startsWith("Added Bob Fisher to Family (2 members).");
        bot.reply("alice", "create a group called Band");

        assertThat(bot.reply("alice", "add Carol King to a group")).isEqualTo("Add \"Carol King\" to which group? Tap "
                + "one, or send: add_to_group <group> \"<full name>\"");
        assertThat(titles("alice")).containsExactly("Band", "Family");
        assertThat(tap("alice", "Band")).startsWith("Added Carol King to Band (2 members).");

        assertThat(bot.reply("alice", "add people")).isEqualTo("Add people to which group? Tap one, or send: "
                + "add_to_group <group> \"<full name>\"");
        assertThat(tap("alice", "Band")).isEqualTo("Who should I add to Band? Tap someone you've shared songs with, "
                + "or send: add_to_group Band \"<full name>\"");
        assertThat(titles("alice")).containsExactly("Add Bob Fisher");

        assertThat(bot.reply("alice", "kick Carol")).startsWith("Removed Carol King from Band");
        assertThat(bot.reply("alice", "kick Dan")).isEqualTo("Nobody called \"Dan\" is in a group you made. See "
                + "your groups with: groups");
        assertThat(bot.reply("bob", "leave a group")).isEqualTo("Which group? leave_group <group>");
        assertThat(titles("bob")).containsExactly("Family", "Show an example", "Menu");
    }

    @Test
    void aGroupIsFilledByTappingTheOwnersLatestContacts() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("carol", "send_song name:\"Alice Smith\" " + LINK);
        bot.advance(Duration.ofMinutes(1));

        assertThat(bot.reply("alice", "create a group called Family")).endsWith("\nOr tap someone you've shared "
                + "songs with to add them:");
        assertThat(titles("alice")).containsExactly("Add Carol King", "Add Bob Fisher");
        assertThat(tap("alice", "Add Carol King")).startsWith("Added Carol King to Family (2 members).");
        assertThat(titles("alice")).containsExactly("Add Bob Fisher", "See members");
        assertThat(tap("alice", "Add Bob Fisher")).startsWith("Added Bob Fisher to Family (3 members).");
        assertThat(titles("alice")).containsExactly("See members");
        assertThat(tap("alice", "See members")).startsWith("Family — your group, 3 members:");
    }

    @Test
    void namesakesGetOneTapAndTheAddAsksWhichOne() {
        bot.register("bob2", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Dan Øster\" " + LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob", "send_song name:\"Alice Smith\" " + LINK);
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob2", "send_song name:\"Alice Smith\" " + LINK);
        bot.advance(Duration.ofMinutes(1));

        bot.reply("alice", "make a group called Band");
        assertThat(titles("alice")).containsExactly("Add Bob Fisher", "Add Dan Øster");
        assertThat(tap("alice", "Add Bob Fisher")).startsWith("2 people are called Bob Fisher");
    }

    @Test
    void aSongsNoteOrAnOpenQuestionIsNotTakenForAGroupCommand() {
        bot.reply("alice", "create a group called Family");
        assertThat(bot.reply("alice", "leave me alone")).as("still a wish to stop")
                .startsWith("I only write when a friend sends you a song");
        bot.reply("alice", LINK);
        bot.reply("alice", "Bob Fisher");
        tap("alice", "Add a note");

        assertThat(bot.reply("alice", "add Carol to Family")).as("the note").contains("add Carol to Family");
        assertThat(bot.stores.groups().membersOf(groupOf("alice").id())).hasSize(1);
    }

    @Test
    void onTelegramTheBareCommandAsksTheNameAndTheTextsAreSlashed() {
        RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
        BotHarness both = new BotHarness(telegram);
        ChatAddress carol = new ChatAddress(Platform.TELEGRAM, "602334455");
        both.register(carol, "Carol King");

        assertThat(both.reply(carol, "/groups")).endsWith("Make one with: /create_group name:\"<group>\"");
        assertThat(both.reply(carol, "/create_group")).isEqualTo(ASK_NAME);
        assertThat(both.reply(carol, "Family")).startsWith("Created the group Family. Add people who have registered "
                + "with me: /add_to_group Family \"<full name>\"");
        assertThat(telegram.messages(carol.id()).getLast().choices()).isEmpty();
    }

    private Group groupOf(String psid) {
        return bot.stores.groups().groupsOf(at(psid)).getFirst();
    }

    private List<String> titles(String psid) {
        return last(psid).choices().stream().map(Choice::title).toList();
    }

    private Message last(String psid) {
        return bot.chat.messages(psid).getLast();
    }

    private String tap(String psid, String title) {
        Choice tap = last(psid).choices().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
        List<String> replies = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), at(psid), bot.clock.instant(),
                tap.payload(), tap.title()));
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }
}
