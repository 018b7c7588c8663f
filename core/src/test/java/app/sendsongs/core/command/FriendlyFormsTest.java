package app.sendsongs.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.shared.UserText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What people type on phones, read as they meant it; the seed's forms are in {@link CommandParserTest}. */
class FriendlyFormsTest {
    private static final String ID = "4uLU6hMCjMI75M1A2tKUQC";
    private static final String LINK = "https://open.spotify.com/track/" + ID;
    private static final SongLink SONG = SongLink.of(new TrackId(ID));
    private static final String OTHER_LINK = "https://open.spotify.com/track/" + "7".repeat(22);
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

    private List<ParseResult.Suggestion> suggestions(String text) {
        ParseResult result = parser.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Unknown.class);
        return ((ParseResult.Unknown) result).suggestions();
    }

    @Test
    void theSameSongLinkedTwiceInOneMessageIsThatOneSong() {
        assertThat(parsed("listen to this " + LINK + "?si=abc (" + LINK + ")")).isInstanceOfSatisfying(
                Command.StartShare.class, share -> assertThat(share.song()).isEqualTo(SONG));
        assertThat(parsed(LINK + "\n\n" + LINK + "?si=1")).isEqualTo(new Command.StartShare(SONG, "", ""));
        assertThat(parsed("send_song name:\"Bob\" " + LINK + " " + "spotify:track:" + ID + " for the drive"))
                .isEqualTo(new Command.SendSong("Bob", SONG, "for the drive", ""));
        assertThat(parsed("send_song Bob Fisher " + LINK + " " + LINK + "?si=x"))
                .isEqualTo(new Command.SendSong("Bob Fisher", SONG, "", ""));
        assertThat(parsed("https://spotify.link/AbCd3fGh12 https://spotify.link/AbCd3fGh12?_branch=1"))
                .isEqualTo(new Command.StartShare(new SongLink.Short("AbCd3fGh12"), "", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "send song name:\"Bob Fisher\" " + LINK,
        "Send Song to:\"Bob Fisher\" " + LINK,
        "send_song TO: “Bob Fisher” " + LINK,
        "send_song Bob Fisher " + LINK,
        "send song to Bob Fisher " + LINK,
        "send " + LINK + " to Bob Fisher",
        "send it to Bob Fisher " + LINK,
        "send this to Bob Fisher " + LINK})
    void autocorrectsSpaceToAndANameWithoutNameAllMeanSendSong(String text) {
        assertThat(parsed(text)).isEqualTo(new Command.SendSong("Bob Fisher", SONG, "", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "to Bob Fisher <link>                  | to Bob Fisher                  | ''",
        "To Bob Fisher: <link>                 | To Bob Fisher:                 | ''",
        "to Bob Fisher <link> for the drive    | to Bob Fisher for the drive    | for the drive"})
    void toANameAndALinkWithoutTheCommandWordIsSaidAsForANameIsAndAsksFirst(String text, String words, String note) {
        assertThat(parsed(text.replace("<link>", LINK))).isEqualTo(new Command.StartShare(SONG, words, "",
                Optional.of(new Command.ForWhom("Bob Fisher", true, note))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "send_song Bob Fisher <link> for the drive         | for the drive",
        "/send Bob Fisher <link> you'll love the bridge    | you'll love the bridge",
        "send song to Bob Fisher <link> 🔥                  | 🔥",
        "send for the drive <link> to Bob Fisher           | for the drive",
        "send_song Bob Fisher <link> for the drive post:'told you' | for the drive"})
    void wordsOnBothSidesOfTheLinkAreTheFriendThenTheNote(String text, String note) {
        assertThat(parsed(text.replace("<link>", LINK))).isInstanceOfSatisfying(Command.SendSong.class, send -> {
            assertThat(send.friendName()).isEqualTo("Bob Fisher");
            assertThat(send.pre()).isEqualTo(note);
        });
    }

    @Test
    void wordsOnlyAfterTheLinkNameTheFriendOrAreItsNoteWhichOnlyTheSendersFriendsTellApart() {
        assertThat(parsed("send_song " + LINK + " Bob Fisher")).isEqualTo(new Command.SendSong("Bob Fisher", SONG, "",
                "", Optional.of("Bob Fisher")));
        assertThat(parsed("/send " + LINK + " you'll love this 👨‍👩‍👧")).as("name and note keep the joiners of its emoji")
                .isEqualTo(new Command.SendSong("you'll love this 👨‍👩‍👧", SONG, "", "",
                        Optional.of("you'll love this 👨‍👩‍👧")));
        assertThat(parsed("send_song " + LINK + " Bob Fisher post:'told you'")).isEqualTo(new Command.SendSong(
                "Bob Fisher", SONG, "", "told you", Optional.of("Bob Fisher")));
        assertThat(invalid("send_song " + LINK + " " + "x".repeat(501)).problem()).isEqualTo(UserText.NOTE_TOO_LONG);
    }

    @Test
    void wordsAfterTheLinkAfterToOrWithANoteAlreadyGivenOnlyNameTheFriend() {
        Command toBob = new Command.SendSong("Bob Fisher", SONG, "", "");
        assertThat(parsed("send_song to " + LINK + " Bob Fisher")).isEqualTo(toBob);
        assertThat(parsed("send_song " + LINK + " to Bob Fisher")).isEqualTo(toBob);
        assertThat(parsed("send_song pre:'for the drive' " + LINK + " Carol Jones")).isEqualTo(new Command.SendSong(
                "Carol Jones", SONG, "for the drive", ""));
        assertThat(invalid("send_song Bob " + LINK + " " + "x".repeat(501)).problem())
                .isEqualTo(UserText.NOTE_TOO_LONG);
    }

    @Test
    void wordsRightAfterAnOptionWithoutQuotesAreReadAsItsValue() {
        assertThat(parsed("send_song name:Bob Fisher " + LINK)).isEqualTo(new Command.SendSong("Bob Fisher", SONG, "",
                ""));
        assertThat(parsed("send_song " + LINK + " to: Bob Fisher")).isEqualTo(new Command.SendSong("Bob Fisher", SONG,
                "", ""));
        assertThat(parsed("send_song name:Bob Fisher pre:you'll love the bridge post:told you! " + LINK))
                .isEqualTo(new Command.SendSong("Bob Fisher", SONG, "you'll love the bridge", "told you!"));
        assertThat(parsed("send_song group:Road Trip " + LINK)).isEqualTo(new Command.SendToGroup("Road Trip", SONG,
                "", ""));
        assertThat(parsed("send_song name:Bob Fisher")).isEqualTo(new Command.DraftTo(Optional.of("Bob Fisher"),
                Optional.empty(), "", "", true));
    }

    @Test
    void wordsBesideTheLinkOfANamedSendAreItsNote() {
        assertThat(parsed("send_song name:\"Carol Jones\" " + LINK + " for the drive"))
                .isEqualTo(new Command.SendSong("Carol Jones", SONG, "for the drive", ""));
        assertThat(parsed("/send name:\"José O’Brien\" " + LINK + " rainy day"))
                .isEqualTo(new Command.SendSong("José O’Brien", SONG, "rainy day", ""));
        assertThat(parsed("send_song group:\"Road Trip\" post:'told you' " + LINK + " 🔥"))
                .isEqualTo(new Command.SendToGroup("Road Trip", SONG, "🔥", "told you"));
        assertThat(invalid("send_song name:\"Bob\" pre:'hi' " + LINK + " great song").problem())
                .contains("put the whole note in pre:");
        assertThat(invalid("send_song name:\"Bob\" " + LINK + " " + OTHER_LINK).problem())
                .isEqualTo(TrackLinks.ONE_AT_A_TIME);
        assertThat(invalid("send_song name:\"Bob\" " + LINK + " " + "x".repeat(501)).problem())
                .isEqualTo(UserText.NOTE_TOO_LONG);
    }

    @Test
    void commandNamesTypedAsWords() {
        assertThat(parsed("forget me")).isEqualTo(new Command.ForgetMe(false));
        assertThat(parsed("Create Group Family")).isEqualTo(new Command.CreateGroup("Family"));
        assertThat(parsed("add to group Family \"Bob Fisher\"")).isEqualTo(new Command.AddToGroup("Family",
                "Bob Fisher"));
        assertThat(parsed("remove from group Family Bob")).isEqualTo(new Command.RemoveFromGroup("Family", "Bob"));
        assertThat(parsed("help send song")).isEqualTo(new Command.Help(Optional.of("send song")));
        assertThat(Help.topic("send song")).contains(Help.usage("send_song"));
        assertThat(Help.topic("send_song")).contains(Help.usage("send_song"));
        assertThat(Help.topic("send")).contains(Help.usage("send_song"));
    }

    @ParameterizedTest
    @ValueSource(strings = {LINK, LINK + "?si=abc123", "spotify:track:" + ID, "(" + LINK + ").", "\u200B" + LINK})
    void aBareLinkStartsAShare(String text) {
        assertThat(parsed(text)).isEqualTo(new Command.StartShare(SONG, "", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check this out!! (<link>?si=x).  | check this out!!",
        "you'll love the bridge <link>    | you'll love the bridge",
        "Hey, listen to this: <link>      | 'Hey, listen to this'",
        "Check out this song on Spotify: <link> | Check out this song on Spotify",
        "<link> - the best song of 1987   | the best song of 1987",
        "hi <link>                        | ''",
        "yo <link> 🔥🔥                    | 🔥🔥"})
    void theWordsAroundAPastedLinkAreTheNoteThatGoesWithIt(String text, String note) {
        assertThat(parsed(text.replace("<link>", LINK))).isInstanceOfSatisfying(Command.StartShare.class,
                share -> assertThat(share.pre()).isEqualTo(note));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "for Bob: <link>              | Bob        | true",
        "<link> FOR bob fisher!       | bob fisher | true",
        "for @carolk <link>           | @carolk    | true",
        "Bob Fisher <link>            | Bob Fisher | false",
        "@carolk <link>               | @carolk    | false",
        "you'll love the bridge <link> | you'll love the bridge | false"})
    void wordsBesideAPastedLinkMayAlsoSayWhoItIsFor(String text, String name, boolean saidFor) {
        assertThat(parsed(text.replace("<link>", LINK))).isInstanceOfSatisfying(Command.StartShare.class,
                share -> assertThat(share.forWhom()).contains(new Command.ForWhom(name, saidFor)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"for the whole family to enjoy on the road trip <link>",
        "because I know you'll love it <link>", "for Bob and the whole family to enjoy on the road <link>"})
    void wordsTooManyForANameAreOnlyTheNote(String text) {
        assertThat(parsed(text.replace("<link>", LINK))).isInstanceOfSatisfying(Command.StartShare.class,
                share -> assertThat(share.forWhom()).isEmpty());
    }

    @Test
    void namesJoinedBesideALinkMaySayWhoItIsFor() {
        assertThat(parsed("for José O'Brien and Dan Øster, Family & Bob " + LINK))
                .isInstanceOfSatisfying(Command.StartShare.class, share -> assertThat(share.forWhom()).get()
                        .satisfies(forWhom -> assertThat(forWhom.names()).containsExactly("José O'Brien",
                                "Dan Øster", "Family", "Bob")));
    }

    @Test
    void aLinkInATextTooLongForANoteStartsAShareWithoutOneAndSaysSo() {
        assertThat(parsed("x".repeat(501) + " " + LINK)).isEqualTo(new Command.StartShare(SONG, "", "",
                Optional.empty(), true));
        assertThat(parsed("x".repeat(500) + " " + LINK)).isEqualTo(new Command.StartShare(SONG, "x".repeat(500), ""));
    }

    @Test
    void aSpotifyShortLinkStartsAShareOfWhateverItLeadsTo() {
        assertThat(parsed("https://spotify.link/AbCd3fGh12")).isEqualTo(new Command.StartShare(
                new SongLink.Short("AbCd3fGh12"), "", ""));
        assertThat(parsed("send_song name:'Bob' https://spotify.link/AbCd3fGh12?_branch=1"))
                .isEqualTo(new Command.SendSong("Bob", new SongLink.Short("AbCd3fGh12"), "", ""));
    }

    @Test
    void aSentenceWithTwoLinksOrALinkThatIsNoTrackIsExplained() {
        assertThat(invalid("these two " + LINK + " " + OTHER_LINK).problem()).contains("more than one link");
        assertThat(invalid("these two https://spotify.link/AbCd3fGh12 https://spotify.link/XyZ").problem())
                .contains("more than one link");
        assertThat(invalid("the album https://open.spotify.com/album/" + ID).problem())
                .startsWith("That's a Spotify album, and I send one song at a time.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "Hello there", "HEY", "menu", "/start", "yo!", "hiya bot"})
    void greetingsGetTheMenu(String text) {
        assertThat(parsed(text.replace("!", ""))).isEqualTo(new Command.Menu());
    }

    @Test
    void aCloseTypoOfACommandGetsDidYouMeanFromTheSameTable() {
        assertThat(suggestions("pendng")).extracting(ParseResult.Suggestion::command).containsExactly("pending");
        assertThat(suggestions("histroy")).extracting(ParseResult.Suggestion::command).containsExactly("history");
        assertThat(suggestions("sned_song name:'Bob Fisher' " + LINK).getFirst())
                .isEqualTo(new ParseResult.Suggestion("send_song", "send_song name:\"Bob Fisher\" " + LINK));
        assertThat(suggestions("sned song to Bob " + LINK).getFirst().correctedText())
                .isEqualTo("send_song to Bob " + LINK);
        assertThat(suggestions("forgt_me")).extracting(ParseResult.Suggestion::command).contains("forget_me");
    }

    @Test
    void textLikeNoCommandGetsNoGuess() {
        assertThat(suggestions("xyzzy plugh")).isEmpty();
        assertThat(suggestions("ok")).isEmpty();
        assertThat(suggestions("Bob Fisher")).isEmpty();
    }

    @Test
    void theStepsOfAShareMadeFromALink() {
        assertThat(parsed("to Bob Fisher")).isEqualTo(new Command.DraftTo(Optional.of("Bob Fisher"), Optional.empty(),
                "", "", false));
        assertThat(parsed("to group Family")).isEqualTo(new Command.DraftTo(Optional.empty(), Optional.of("Family"),
                "", "", false));
        assertThat(parsed("to group:'Road Trip'")).isEqualTo(new Command.DraftTo(Optional.empty(),
                Optional.of("Road Trip"), "", "", false));
        assertThat(parsed("to")).isEqualTo(new Command.DraftTo(Optional.empty(), Optional.empty(), "", "", false));
        assertThat(parsed("note you'll love the bridge")).isEqualTo(new Command.DraftNote(
                Optional.of("you'll love the bridge"), false));
        assertThat(parsed("after told you!")).isEqualTo(new Command.DraftNote(Optional.of("told you!"), true));
        assertThat(parsed("note")).isEqualTo(new Command.DraftNote(Optional.empty(), false));
        assertThat(parsed("discard")).isEqualTo(new Command.DiscardDraft());
        assertThat(parsed("discard #0c1d2e3f")).isEqualTo(new Command.DiscardDraft(Optional.of("0c1d2e3f")));
    }

    @Test
    void theReceiversControls() {
        assertThat(parsed("block Bob Fisher")).isEqualTo(new Command.Block("Bob Fisher"));
        assertThat(parsed("unblock name:'Bob Fisher'")).isEqualTo(new Command.Unblock(Optional.of("Bob Fisher")));
        assertThat(parsed("receipts")).isEqualTo(new Command.Receipts(Optional.empty(), Optional.empty()));
        assertThat(parsed("receipts OFF")).isEqualTo(new Command.Receipts(Optional.of(false), Optional.empty()));
        assertThat(parsed("receipts on Bob Fisher")).isEqualTo(new Command.Receipts(Optional.of(true),
                Optional.of("Bob Fisher")));
        assertThat(parsed("receipts off for Bob Fisher")).isEqualTo(new Command.Receipts(Optional.of(false),
                Optional.of("Bob Fisher")));
        for (String everyone : new String[] {"everyone", "for everyone", "Everybody", "all", "for all"}) {
            assertThat(parsed("receipts off " + everyone)).as(everyone)
                    .isEqualTo(new Command.Receipts(Optional.of(false), Optional.empty()));
        }
        assertThat(parsed("receipts on name:\"for all\"")).as("a name in quotes is a name")
                .isEqualTo(new Command.Receipts(Optional.of(true), Optional.of("for all")));
        assertThat(invalid("receipts maybe").problem()).startsWith("Say on or off");
        assertThat(invalid("block").problem()).startsWith("Who?");
    }

    @Test
    void aNameTypedWithInvisibleOrDirectionCharactersIsReadWithoutThem() {
        assertThat(parsed("send_song Bob\u200B Fisher " + LINK)).isEqualTo(new Command.SendSong("Bob Fisher", SONG, "",
                ""));
        assertThat(parsed("send_song name:\"\u202EBob Fisher\" " + LINK)).isEqualTo(new Command.SendSong("Bob Fisher",
                SONG, "", ""));
        assertThat(parsed("send_song group:\"Fam\u200Bily\" " + LINK)).isEqualTo(new Command.SendToGroup("Family",
                SONG, "", ""));
        assertThat(parsed("to \u2066Bob Fisher\u2069")).isEqualTo(new Command.DraftTo(Optional.of("Bob Fisher"),
                Optional.empty(), "", "", false));
        assertThat(parsed("block Bob\u200B Fisher")).isEqualTo(new Command.Block("Bob Fisher"));
        assertThat(parsed("receipts off Bob\u200B Fisher")).isEqualTo(new Command.Receipts(Optional.of(false),
                Optional.of("Bob Fisher")));
        assertThat(parsed("add_to_group Family \"Bob\u200B Fisher\"")).isEqualTo(new Command.AddToGroup("Family",
                "Bob Fisher"));
        assertThat(parsed("members Fam\u200Bily")).isEqualTo(new Command.ListMembers("Family"));
        assertThat(parsed("send_song \u200B " + LINK)).as("nothing left of the name").isEqualTo(
                new Command.StartShare(SONG, "", ""));
        assertThat(parsed("create_group Fam\u200Bily")).as("a new group's name is refused, not cleaned")
                .isEqualTo(new Command.CreateGroup("Fam\u200Bily"));
    }

    @Test
    void notesLoseControlAndDirectionCharactersButKeepLineBreaksAndEmoji() {
        Command command = parsed("send_song name:'Bob' pre:\"hi\u202Ethere\u0007 👨‍👩‍👧\" post:'a\u200Fb\nc' " + LINK);

        assertThat(command).isEqualTo(new Command.SendSong("Bob", SONG, "hithere 👨‍👩‍👧", "ab\nc"));
    }
}
