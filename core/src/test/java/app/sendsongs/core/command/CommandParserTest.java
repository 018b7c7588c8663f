package app.sendsongs.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Command.SendSong;
import app.sendsongs.core.music.TrackId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private static final String ID = "4uLU6hMCjMI75M1A2tKUQC";
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
                .isEqualTo(new SendSong("Bob Fisher", new TrackId(ID), "you'll love the bridge", "told you!"));
    }

    @Test
    void optionsInAnyOrderAndLinkAnywhere() {
        assertThat(parsed("send_song https://open.spotify.com/track/" + ID + " post:'yes' name:'Bob Fisher'"))
                .isEqualTo(new SendSong("Bob Fisher", new TrackId(ID), "", "yes"));
    }

    @Test
    void typographicQuotesAsPhonesInsertThem() {
        assertThat(parsed("send_song name:“Bob Fisher” pre:‘it’s great’ https://open.spotify.com/track/" + ID))
                .isEqualTo(new SendSong("Bob Fisher", new TrackId(ID), "it’s great", ""));
    }

    @Test
    void apostropheInsideSingleQuotedNameSurvives() {
        assertThat(parsed("send_song name:'Bob O'Brien' spotify:track:" + ID))
                .isEqualTo(new SendSong("Bob O'Brien", new TrackId(ID), "", ""));
    }

    @Test
    void keywordsAreCaseInsensitiveAndSpacingFree() {
        assertThat(parsed("  SEND_SONG\n  NAME : \"Bob Fisher\"\n\n Pre:\"hi\"   https://open.spotify.com/track/" + ID + "  "))
                .isEqualTo(new SendSong("Bob Fisher", new TrackId(ID), "hi", ""));
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
        assertThat(parsed("send_song name:\"Bob\" " + link)).isEqualTo(new SendSong("Bob", new TrackId(ID), "", ""));
    }

    @Test
    void albumLinkIsExplained() {
        assertThat(invalid("send_song name:\"Bob\" https://open.spotify.com/album/" + ID).problem())
                .contains("isn't a track");
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
        assertThat(invalid("send_song https://open.spotify.com/track/" + ID).problem()).contains("name:");
        assertThat(invalid("send_song name:\"Bob\"").problem()).contains("Spotify link");
        assertThat(invalid("send_song name:\"Bob Fisher https://open.spotify.com/track/" + ID).problem())
                .contains("quote is not closed");
        assertThat(invalid("send_song name:\"Bob\" name:\"Al\" spotify:track:" + ID).problem()).contains("twice");
        assertThat(invalid("send_song name:\"Bob\" color:\"red\" spotify:track:" + ID).problem())
                .contains("more than one");
    }

    @Test
    void unknownTextIsNotEchoed() {
        ParseResult.Invalid result = invalid("<script>alert(1)</script> hello there");
        assertThat(result.reply()).doesNotContain("script").doesNotContain("hello").contains("help");
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
        assertThat(parsed("forget_me")).isEqualTo(new Command.ForgetMe());
        assertThat(parsed("2")).isEqualTo(new Command.Choose(2));
        assertThat(invalid("pending now").problem()).contains("takes nothing");
        assertThat(invalid("cancel the blue one").problem()).contains("number");
    }

    @Test
    void emptyTextIsAnswered() {
        assertThat(invalid("   ").reply()).contains("help");
    }
}
