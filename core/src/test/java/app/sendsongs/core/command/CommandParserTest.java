package app.sendsongs.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Command.SendSong;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private static final String ID = "4uLU6hMCjMI75M1A2tKUQC";
    private static final SongLink SONG = SongLink.of(new TrackId(ID));
    private final CommandParser parser = new CommandParser();

    private Command parsed(String text) {
        ParseResult result = parser.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    private ParseResult.Invalid invalid(String text) {
        ParseResult result = parser.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Invalid.class);
        return (ParseResult.Invalid) result;
    }

    @Test
    void seedSendSongParsesExactly() {
        assertThat(parsed("send_song name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\" "
                + "https://open.spotify.com/track/" + ID))
                .isEqualTo(new SendSong("Bob Fisher", SONG, "you'll love the bridge", "told you!"));
    }

    @Test
    void renameWithWordsThatSayWhoseNameItIsIsNoRenameButOffersTheNameAfterThem() {
        ParseResult.Unknown offer = new ParseResult.Unknown(java.util.List.of(new ParseResult.Suggestion("name",
                "name \"Alicia Smith\"")));
        assertThat(parser.parse("rename me to Alicia Smith")).isEqualTo(offer);
        assertThat(parser.parse("/rename to Alicia Smith")).isEqualTo(offer);
        assertThat(parser.parse("name myself as Alicia Smith")).isEqualTo(offer);
        assertThat(parsed("name To Ngoc Lan")).isEqualTo(new Command.Rename("To Ngoc Lan"));
        assertThat(parsed("rename \"To Ngoc Lan\"")).isEqualTo(new Command.Rename("To Ngoc Lan"));
        assertThat(parsed("name \"me to\" Bob")).isEqualTo(new Command.Rename("me to Bob"));
    }

    @Test
    void optionsInAnyOrderAndLinkAnywhere() {
        assertThat(parsed("send_song https://open.spotify.com/track/" + ID + " post:'yes' name:'Bob Fisher'"))
                .isEqualTo(new SendSong("Bob Fisher", SONG, "", "yes"));
    }

    @Test
    void typographicQuotesAsPhonesInsertThem() {
        assertThat(parsed("send_song name:“Bob Fisher” pre:‘it’s great’ https://open.spotify.com/track/" + ID))
                .isEqualTo(new SendSong("Bob Fisher", SONG, "it’s great", ""));
    }

    @Test
    void apostropheInsideSingleQuotedNameSurvives() {
        assertThat(parsed("send_song name:'Bob O'Brien' spotify:track:" + ID))
                .isEqualTo(new SendSong("Bob O'Brien", SONG, "", ""));
    }

    @Test
    void keywordsAreCaseInsensitiveAndSpacingFree() {
        assertThat(parsed("  SEND_SONG\n  NAME : \"Bob Fisher\"\n\n Pre:\"hi\"   https://open.spotify.com/track/" + ID + "  "))
                .isEqualTo(new SendSong("Bob Fisher", SONG, "hi", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://open.spotify.com/track/" + ID,
        "https://open.spotify.com/track/" + ID + "?si=abc123def",
        "https://open.spotify.com/intl-de/track/" + ID + "?si=x",
        "https://open.spotify.com/intl-pt-BR/track/" + ID,
        "http://open.spotify.com/track/" + ID,
        "spotify:track:" + ID})
    void everyLinkForm(String link) {
        assertThat(parsed("send_song name:\"Bob\" " + link)).isEqualTo(new SendSong("Bob", SONG, "", ""));
    }

    /** Phones paste links next to no-break spaces and zero-width characters. */
    @Test
    void aLinkNextToUnicodeSpacesOrZeroWidthCharactersIsRead() {
        String link = "https://open.spotify.com/track/" + ID;

        assertThat(parsed("listen\u00a0" + link)).extracting("pre").isEqualTo("listen");
        assertThat(parsed("listen\u202fto\u2007this " + link)).extracting("pre").isEqualTo("listen to this");
        assertThat(parsed("/send name:\"Alice\"\u00a0" + link)).isEqualTo(new SendSong("Alice", SONG, "", ""));
        assertThat(parsed("send_song\u00a0Alice\u00a0" + link)).isEqualTo(new SendSong("Alice", SONG, "", ""));
        assertThat(parsed(link + "\u200b")).isEqualTo(new Command.StartShare(SONG, "", ""));
        assertThat(parsed("\ufeff" + link)).isEqualTo(new Command.StartShare(SONG, "", ""));
        assertThat(parsed("send_song name:\"Alice\" " + link + "\u2060")).isEqualTo(new SendSong("Alice", SONG, "", ""));
    }

    @Test
    void albumLinkIsExplained() {
        assertThat(invalid("send_song name:\"Bob\" https://open.spotify.com/album/" + ID).problem())
                .startsWith("That's a Spotify album, and I send one song at a time.");
    }

    @Test
    void otherLinkIsRefusedWithUsage() {
        ParseResult.Invalid result = invalid("send_song name:\"Bob\" https://example.com/track/" + ID);
        assertThat(result.problem()).isEqualTo("That isn't a Spotify track link.");
        assertThat(result.usage()).startsWith("send_song name:");
    }

    @Test
    void shortOrLongIdIsNotATrack() {
        invalid("send_song name:\"Bob\" https://open.spotify.com/track/abc");
        invalid("send_song name:\"Bob\" spotify:track:" + ID + "X");
    }

    @Test
    void missingPiecesGetClearErrors() {
        assertThat(invalid("send_song name:\"Bob Fisher https://open.spotify.com/track/" + ID).problem())
                .contains("quote is not closed");
        assertThat(invalid("send_song name:\"Bob\" name:\"Al\" spotify:track:" + ID).problem())
                .startsWith("A song goes to one friend or one group at a time, so give name: once.");
        assertThat(invalid("send_song name:\"Bob\" color:\"red\" spotify:track:" + ID).problem())
                .startsWith("send_song has no color: option.");
    }

    /**
     * An option send_song does not take, as people guess one (a note: for the pre note), is named as such: it was
     * read as words, so the answer said to send one song at a time, or, without name:, the option's text became part
     * of the friend's name and an invite went out for "Bob Fisher note:"for the drive"".
     */
    @ParameterizedTest
    @ValueSource(strings = {"send_song name:\"Bob Fisher\" note:\"for the drive\" ",
        "send_song Bob Fisher note:\"for the drive\" ", "send_song name:\"Bob Fisher\" Note: “for the drive” ",
        "send_song Bob Fisher note:'it's for the drive' ", "send_song name:\"Bob Fisher\" note:drive "})
    void anOptionSendSongDoesNotTakeIsNamedAndPointsToTheNotes(String command) {
        assertThat(invalid(command + "https://open.spotify.com/track/" + ID).problem())
                .isEqualTo("send_song has no note: option. A note goes in pre:\"…\" (with the song) or post:\"…\" "
                        + "(once they've played it).");
    }

    @Test
    void anOptionAnotherCommandDoesNotTakeIsNamedToo() {
        assertThat(invalid("members note:\"x\" Family").problem()).isEqualTo("members has no note: option.");
        assertThat(invalid("block Bob message: \"sorry\"").problem()).isEqualTo("block has no message: option.");
    }

    @Test
    void aColonInALinkOrInWordsIsNoOption() {
        assertThat(parsed("send_song name:\"Bob\" spotify:track:" + ID)).isEqualTo(new SendSong("Bob", SONG, "", ""));
        assertThat(parsed("send_song name:\"Bob\" pre:\"listen: it's great\" https://open.spotify.com/track/" + ID))
                .isEqualTo(new SendSong("Bob", SONG, "listen: it's great", ""));
        assertThat(parsed("Bob: https://open.spotify.com/track/" + ID)).isInstanceOf(Command.StartShare.class);
        assertThat(parsed("listen: \"you'll love it\" https://open.spotify.com/track/" + ID))
                .isInstanceOf(Command.StartShare.class);
    }

    @Test
    void sendSongWithoutAFriendStartsAShareAndWithoutALinkSendsTheOneBeingShared() {
        assertThat(parsed("send_song https://open.spotify.com/track/" + ID))
                .isEqualTo(new Command.StartShare(SONG, "", ""));
        assertThat(parsed("send_song pre:'hi' https://open.spotify.com/track/" + ID))
                .isEqualTo(new Command.StartShare(SONG, "hi", ""));
        assertThat(parsed("send_song name:\"Bob\"")).isEqualTo(new Command.DraftTo(Optional.of("Bob"),
                Optional.empty(), "", "", true));
        assertThat(parsed("send")).isEqualTo(new Command.DraftTo(Optional.empty(), Optional.empty(), "", "", true));
        assertThat(parsed("send #0c1d2e3f")).isEqualTo(new Command.SendDraft("0c1d2e3f"));
    }

    @Test
    void unknownTextIsNotEchoed() {
        ParseResult result = parser.parse("<script>alert(1)</script> hello there");
        assertThat(result).isEqualTo(new ParseResult.Unknown(java.util.List.of()));
    }

    @Test
    void registerWithAndWithoutName() {
        assertThat(parsed("register code:\"ABCD-EFGH\" name:\"Alice Smith\""))
                .isEqualTo(new Command.Register("ABCD-EFGH", Optional.of("Alice Smith")));
        assertThat(parsed("Register Code: 'abcd-efgh'")).isEqualTo(new Command.Register("abcd-efgh", Optional.empty()));
        assertThat(invalid("register name:\"Alice\"").problem()).contains("code");
    }

    @Test
    void smallCommands() {
        assertThat(parsed("help")).isEqualTo(new Command.Help(Optional.empty()));
        assertThat(parsed("HELP send_song")).isEqualTo(new Command.Help(Optional.of("send_song")));
        assertThat(parsed("pending")).isEqualTo(new Command.Pending());
        assertThat(parsed("History")).isEqualTo(new Command.History());
        assertThat(parsed("cancel")).isEqualTo(new Command.Cancel(Optional.empty()));
        assertThat(parsed("cancel #2")).isEqualTo(new Command.Cancel(Optional.of("2")));
        assertThat(parsed("cancel ALL")).isEqualTo(new Command.Cancel(Optional.of("all")));
        assertThat(parsed("cancel song 0B6F1C2D-3E4F-4A5B-8C7D-9E0F1A2B3C4D"))
                .isEqualTo(new Command.Cancel(Optional.of("song 0b6f1c2d-3e4f-4a5b-8c7d-9e0f1a2b3c4d")));
        assertThat(parsed("forget_me")).isEqualTo(new Command.ForgetMe(false));
        assertThat(parsed("forget me confirm")).isEqualTo(new Command.ForgetMe(true));
        assertThat(parsed("2")).isEqualTo(new Command.Choose(2));
        assertThat(parsed("2 #0c1d2e3f")).isEqualTo(new Command.Choose(2, Optional.of("0c1d2e3f")));
        Optional<String> key = Optional.of("0c1d2e3f");
        assertThat(parsed("note #0c1d2e3f")).as("Add a note, tapped")
                .isEqualTo(new Command.DraftNote(Optional.empty(), false, key));
        assertThat(parsed("after #0c1d2e3f")).isEqualTo(new Command.DraftNote(Optional.empty(), true, key));
        assertThat(parsed("note none #0c1d2e3f")).as("No note, tapped")
                .isEqualTo(new Command.DraftNote(Optional.of(""), false, key));
        assertThat(parsed("note the bridge #0c1d2e3f")).as("a note typed, whatever it ends with")
                .isEqualTo(new Command.DraftNote(Optional.of("the bridge #0c1d2e3f"), false));
        assertThat(parsed("to #0c1d2e3f")).as("Someone else, tapped")
                .isEqualTo(new Command.DraftTo(Optional.empty(), Optional.empty(), "", "", false, key));
        assertThat(parsed("2 #0c1d2e3f 4uLU6hMCjMI75M1A2tKUQC")).as("a tap of the people offered for a song")
                .isEqualTo(new Command.Choose(2, Optional.of("0c1d2e3f"),
                        Optional.of(new TrackId("4uLU6hMCjMI75M1A2tKUQC"))));
        assertThat(invalid("pending now").problem()).contains("takes nothing");
        assertThat(invalid("cancel the blue one").problem()).contains("number");
        assertThat(invalid("cancel invite").problem()).as("which invite, not which song")
                .isEqualTo("Say which invite: cancel invite <number>, as your pending list numbers them.");
        assertThat(invalid("cancel invite Carol").problem())
                .isEqualTo("Say which invite: cancel invite <number>, as your pending list numbers them.");
    }

    @Test
    void emptyTextIsAnswered() {
        assertThat(invalid("   ").problem()).isEqualTo("I didn't get any text.");
    }

    @Test
    void theSeedsGroupCommandsParse() {
        assertThat(parsed("create_group name:'group1'")).isEqualTo(new Command.CreateGroup("group1"));
        assertThat(parsed("add_to_group group1 'Bob Fisher'"))
                .isEqualTo(new Command.AddToGroup("group1", "Bob Fisher"));
        assertThat(parsed("add_to_group group1 'Mike Meek'"))
                .isEqualTo(new Command.AddToGroup("group1", "Mike Meek"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "create_group name:\"Family Time\"",
        "create_group name:'Family Time'",
        "create_group name:“Family Time”",
        "create_group name:‘Family Time’",
        "create_group group:\"Family Time\"",
        "create_group \"Family Time\"",
        "create_group Family Time",
        "Create-Group   Family\n Time",
        "creategroup NAME : 'Family Time'"})
    void createGroupForms(String text) {
        assertThat(parsed(text)).isEqualTo(new Command.CreateGroup("Family Time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "add_to_group Family \"Bob Fisher\"",
        "add_to_group Family 'Bob Fisher'",
        "add_to_group Family “Bob Fisher”",
        "add_to_group Family ‘Bob Fisher’",
        "add_to_group Family Bob Fisher",
        "add_to_group group:Family name:\"Bob Fisher\"",
        "add_to_group name:\"Bob Fisher\" group:'Family'",
        "add_to_group Family name:'Bob Fisher'",
        "ADD-TO-GROUP \"Family\" \"Bob Fisher\""})
    void addToGroupForms(String text) {
        assertThat(parsed(text)).isEqualTo(new Command.AddToGroup("Family", "Bob Fisher"));
    }

    @Test
    void groupNamesWithSpacesAndApostrophesInQuotes() {
        assertThat(parsed("add_to_group \"Road Trip\" 'Bob O'Brien'"))
                .isEqualTo(new Command.AddToGroup("Road Trip", "Bob O'Brien"));
        assertThat(parsed("remove_from_group “Mum’s lot” “Bob Fisher”"))
                .isEqualTo(new Command.RemoveFromGroup("Mum’s lot", "Bob Fisher"));
    }

    @Test
    void aGroupNameWithSpacesLeftUnquotedIsEverythingBeforeTheQuotedName() {
        assertThat(parsed("add_to_group Road Trip 🚗 \"Carol Jones\""))
                .isEqualTo(new Command.AddToGroup("Road Trip 🚗", "Carol Jones"));
        assertThat(parsed("remove_from_group Road Trip “Bob Fisher”"))
                .isEqualTo(new Command.RemoveFromGroup("Road Trip", "Bob Fisher"));
    }

    @Test
    void oneGroupCommandsTakeTheRestAsTheGroup() {
        assertThat(parsed("leave_group Family (Bob Fisher's)"))
                .isEqualTo(new Command.LeaveGroup("Family (Bob Fisher's)"));
        assertThat(parsed("delete_group 'Road Trip'")).isEqualTo(new Command.DeleteGroup("Road Trip"));
        assertThat(parsed("delete_group confirm 3f2b8c1e-0a4d-4b6e-9c7f-1d2e3f4a5b6c"))
                .isEqualTo(new Command.ConfirmDeleteGroup("3f2b8c1e-0a4d-4b6e-9c7f-1d2e3f4a5b6c"));
        assertThat(parsed("delete_group confirm")).isEqualTo(new Command.DeleteGroup("confirm"));
        assertThat(parsed("members group:Family")).isEqualTo(new Command.ListMembers("Family"));
        assertThat(parsed("Groups")).isEqualTo(new Command.ListGroups());
    }

    @Test
    void sendSongToAGroup() {
        assertThat(parsed("send_song group:\"Family\" pre:\"road trip\" post:'told you' https://open.spotify.com/track/"
                + ID)).isEqualTo(new Command.SendToGroup("Family", SONG, "road trip", "told you"));
        assertThat(parsed("send_song spotify:track:" + ID + " GROUP:“Family (Bob Fisher’s)”"))
                .isEqualTo(new Command.SendToGroup("Family (Bob Fisher’s)", SONG, "", ""));
    }

    @Test
    void groupCommandsWithMissingOrExtraPiecesGetClearErrors() {
        assertThat(parsed("create_group")).as("its name is asked for").isEqualTo(new Command.NameNewGroup());
        assertThat(invalid("create_group name:\"\"").problem()).startsWith("Give the group a name: create_group "
                + "name:\"Family\"");
        assertThat(invalid("create_group name:\"\"").usage()).startsWith("create_group name:");
        assertThat(invalid("create_group name:Family Time").problem()).contains("in quotes");
        assertThat(invalid("add_to_group").problem()).startsWith("Which group?");
        assertThat(invalid("add_to_group Family").problem()).startsWith("Who? Add their full name in quotes");
        assertThat(invalid("add_to_group Family \"Bob Fisher\" \"Mike Meek\"").problem())
                .isEqualTo("Please add one person at a time: add_to_group Family \"Bob Fisher\"");
        assertThat(invalid("remove_from_group Family 'Bob' 'Mike'").problem()).startsWith("Please remove one person");
        assertThat(invalid("add_to_group Weekend \"Carol King\" \"Mike Meek\"").problem())
                .as("the example names their group and the first person, not Family and Bob Fisher")
                .isEqualTo("Please add one person at a time: add_to_group Weekend \"Carol King\"");
        assertThat(invalid("remove_from_group \"Road Trip\" 'Mike' 'Zed'").problem())
                .isEqualTo("Please remove one person at a time: remove_from_group \"Road Trip\" \"Mike\"");
        assertThat(invalid("add_to_group Family name:'Bob' Mike").problem()).contains("more words");
        assertThat(invalid("leave_group").problem()).isEqualTo("Which group? leave_group <group>");
        assertThat(invalid("groups Family").problem()).contains("takes nothing");
        assertThat(invalid("members pre:'x' Family").problem()).contains("has no pre: option");
        assertThat(invalid("send_song name:\"Bob\" group:\"Family\" spotify:track:" + ID).problem())
                .contains("not both");
    }

    @Test
    void helpHasTheGroupCommandsAndAGroupsTopic() {
        assertThat(Help.all()).contains("create_group", "add_to_group", "remove_from_group", "leave_group",
                "groups —", "members", "delete_group", "send_song group:");
        assertThat(Help.brief()).contains("create_group", "add_to_group", "leave_group", "groups", "members");
        assertThat(Help.topic("groups")).get().asString().startsWith("Groups: ").contains("leave_group Family");
        assertThat(Help.topic("group")).isEqualTo(Help.topic("groups"));
        assertThat(Help.topic("add-to-group")).contains(Help.usage("add_to_group"));
        assertThat(parsed("help groups")).isEqualTo(new Command.Help(Optional.of("groups")));
    }
}
