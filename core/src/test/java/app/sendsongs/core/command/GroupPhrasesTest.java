package app.sendsongs.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The group commands said in plain words, as people type them on a phone. */
class GroupPhrasesTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void aGroupAskedForWithOrWithoutItsName() {
        assertThat(parsed("create a group")).isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("New group")).isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("make a new group please")).isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("How do I make a group?")).isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("start a group for my friends")).as("no name yet").isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("create_group")).as("the command alone").isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("/create_group")).isEqualTo(new Command.NameNewGroup());
        assertThat(parsed("create a group called Family")).isEqualTo(new Command.CreateGroup("Family"));
        assertThat(parsed("make a group named “Road Trip”")).isEqualTo(new Command.CreateGroup("Road Trip"));
        assertThat(parsed("start a group called Band!")).isEqualTo(new Command.CreateGroup("Band"));
        assertThat(parsed("new group Friday Band")).isEqualTo(new Command.CreateGroup("Friday Band"));
        assertThat(parsed("Create Group Family")).isEqualTo(new Command.CreateGroup("Family"));
        assertThat(parsed("create_group name:\"Family\"")).isEqualTo(new Command.CreateGroup("Family"));
    }

    @Test
    void aGroupChatAskedForIsHowGroupsAndGroupChatsWorkNotAGroupCalledChat() {
        for (String typed : List.of("make a group chat", "Create a group chat with my friends",
                "start a new group chat", "how do I make a group chat?")) {
            assertThat(parsed(typed)).as(typed).isEqualTo(new Command.Help(Optional.of("groups")));
        }
        assertThat(parsed("create a group called Chat")).as("named so").isEqualTo(new Command.CreateGroup("Chat"));
    }

    @Test
    void addingRemovingLeavingListingAndDeletingInPlainWords() {
        assertThat(parsed("add Bob to Family")).isEqualTo(new Command.AddToGroup("Family", "Bob"));
        assertThat(parsed("please add Bob Fisher to the Road Trip group"))
                .isEqualTo(new Command.AddToGroup("Road Trip", "Bob Fisher"));
        assertThat(parsed("add 'Bob Fisher' in Family")).isEqualTo(new Command.AddToGroup("Family", "Bob Fisher"));
        assertThat(parsed("remove Bob from Family")).isEqualTo(new Command.RemoveFromGroup("Family", "Bob"));
        assertThat(parsed("kick out Bob from Family")).isEqualTo(new Command.RemoveFromGroup("Family", "Bob"));
        assertThat(parsed("put Bob in Family")).isEqualTo(new Command.AddToGroup("Family", "Bob"));
        assertThat(parsed("kick Bob Fisher out of the Family group"))
                .isEqualTo(new Command.RemoveFromGroup("Family", "Bob Fisher"));
        assertThat(parsed("leave Family")).isEqualTo(new Command.LeaveGroup("Family"));
        assertThat(parsed("leave the Road Trip group")).isEqualTo(new Command.LeaveGroup("Road Trip"));
        assertThat(parsed("I don't want to be in Family")).isEqualTo(new Command.LeaveGroup("Family"));
        assertThat(parsed("i don’t want to be in the Family group anymore")).isEqualTo(new Command.LeaveGroup("Family"));
        assertThat(parsed("remove me from Family")).isEqualTo(new Command.LeaveGroup("Family"));
        assertThat(parsed("who is in Family?")).isEqualTo(new Command.ListMembers("Family"));
        assertThat(parsed("who's in the Road Trip group")).isEqualTo(new Command.ListMembers("Road Trip"));
        assertThat(parsed("members of Family")).isEqualTo(new Command.ListMembers("Family"));
        assertThat(parsed("delete the Family group")).isEqualTo(new Command.DeleteGroup("Family"));
        assertThat(parsed("delete group Family")).isEqualTo(new Command.DeleteGroup("Family"));
        assertThat(parsed("show my groups")).isEqualTo(new Command.ListGroups());
    }

    @Test
    void aGroupCalledFriendsOrPeopleIsNamedInPlainWordsAsAnyOther() {
        // the bot itself suggests "create_group Friends"; the words for someone unnamed are a group's name there
        assertThat(parsed("add Bob to Friends")).isEqualTo(new Command.AddToGroup("Friends", "Bob"));
        assertThat(parsed("put Bob in my friends")).isEqualTo(new Command.AddToGroup("my friends", "Bob"));
        assertThat(parsed("remove Bob from Friends")).isEqualTo(new Command.RemoveFromGroup("Friends", "Bob"));
        assertThat(parsed("who's in friends")).isEqualTo(new Command.ListMembers("friends"));
        assertThat(parsed("leave the Friends group")).isEqualTo(new Command.LeaveGroup("Friends"));
        assertThat(parsed("delete the friends group")).isEqualTo(new Command.DeleteGroup("friends"));
        assertThat(parsed("add people to Friends")).as("no one named yet").isEqualTo(new Command.AddToGroup("Friends",
                ""));
    }

    @Test
    void whatIsLeftUnsaidIsLeftEmptyForTheBotToAskAbout() {
        assertThat(parsed("add Bob")).isEqualTo(new Command.AddToGroup("", "Bob"));
        assertThat(parsed("add Bob Fisher to a group")).isEqualTo(new Command.AddToGroup("", "Bob Fisher"));
        assertThat(parsed("add people to Family")).isEqualTo(new Command.AddToGroup("Family", ""));
        assertThat(parsed("add someone")).isEqualTo(new Command.AddToGroup("", ""));
        assertThat(parsed("kick Bob")).isEqualTo(new Command.RemoveFromGroup("", "Bob"));
        assertThat(parsed("kick out Bob Fisher")).isEqualTo(new Command.RemoveFromGroup("", "Bob Fisher"));
        assertThat(parser.parse("leave a group")).isEqualTo(new ParseResult.Invalid("Which group? {leave_group} "
                + "<group>", Optional.of("leave_group")));
        assertThat(parser.parse("who is in my group")).isEqualTo(new ParseResult.Invalid("Which group? {members} "
                + "<group>", Optional.of("members")));
        assertThat(parser.parse("add a note to it")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("add to my playlist")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("remove my data")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("Invite \"dance in the rain\"")).as("a tap's title typed").isInstanceOf(
                ParseResult.Unknown.class);
    }

    @Test
    void howDoIAboutAGroupCommandIsItsHelpNotTheCommand() {
        assertThat(parsed("how do I add people to a group?")).isEqualTo(new Command.Help(Optional.of("add_to_group")));
        assertThat(parsed("how can I leave Family")).isEqualTo(new Command.Help(Optional.of("leave_group")));
    }

    @Test
    void wordsAboutSomethingElseAreNoGroupCommand() {
        assertThat(parser.parse("leave me alone")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("add a note to it")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("remove it from the list")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("delete me")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("who is it")).isInstanceOf(ParseResult.Unknown.class);
        assertThat(parser.parse("start")).isEqualTo(new ParseResult.Parsed(new Command.Menu()));
        assertThat(parsed("add_to_group Family \"Bob Fisher\"")).isEqualTo(new Command.AddToGroup("Family",
                "Bob Fisher"));
        assertThat(parsed("delete group Family")).isEqualTo(new Command.DeleteGroup("Family"));
        assertThat(parsed("create group Family \"Bob Fisher\"")).as("the command's own reading")
                .isEqualTo(new Command.CreateGroup("Family Bob Fisher"));
    }

    private Command parsed(String text) {
        ParseResult result = parser.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }
}
