package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words a share sheet or a player pastes beside a song's link, told from a note a person wrote. */
class ShareSheetWordsTest {
    private static final Track SONG = new Track(new TrackId("0VjIjW4GlUZAMYd2vXMi3b"), "Blinding Lights",
            List.of("The Weeknd"), Duration.ofMinutes(3), Optional.empty(), Optional.empty());
    private static final Track DUET = new Track(new TrackId("6DCZcSspjsKoFjzjrWoCdn"), "Peaches (feat. Daniel Caesar & "
            + "Giveon)", List.of("Justin Bieber", "Daniel Caesar", "Giveon"), Duration.ofMinutes(3), Optional.empty(),
            Optional.empty());
    private static final Track HYPHENATED = new Track(new TrackId("2WfaOiMkCvy7F5fcp2zZ8L"), "Take On Me",
            List.of("a-ha"), Duration.ofMinutes(3), Optional.empty(), Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"Listen to Blinding Lights by The Weeknd on Spotify",
            "Check out this song on Spotify!", "check out this track on Spotify", "Listen to this on Spotify:",
            "I'm listening to Blinding Lights by The Weeknd on Spotify", "I’m listening to Blinding Lights on Spotify",
            "Blinding Lights · The Weeknd", "Song · The Weeknd", "Blinding Lights - The Weeknd",
            "🎵 Blinding Lights – The Weeknd 🎶", "\"Blinding Lights\" by The Weeknd", "“Blinding Lights” by The Weeknd",
            "blinding lights the weeknd", "Blinding Lights", "The Weeknd", "Weeknd",
            "Blinding Lights - song and lyrics by The Weeknd | Spotify", "Now playing: Blinding Lights by The Weeknd",
            "Escucha Blinding Lights de The Weeknd en Spotify", "Hör dir Blinding Lights von The Weeknd auf Spotify an",
            "Écoute Blinding Lights de The Weeknd sur Spotify", "Ouça Blinding Lights de The Weeknd no Spotify",
            "Ascolta Blinding Lights di The Weeknd su Spotify", "on Spotify"})
    void boilerplateAroundTheSongsOwnNamesIsNoNote(String words) {
        assertThat(ShareSheetWords.onlyNameTheSong(words, SONG)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Peaches (feat. Daniel Caesar & Giveon) · Justin Bieber, Daniel Caesar, Giveon",
            "Peaches · Justin Bieber", "Listen to Peaches by Justin Bieber, Daniel Caesar & Giveon on Spotify"})
    void aSongOfSeveralArtistsOrWithACreditInItsTitleToo(String words) {
        assertThat(ShareSheetWords.onlyNameTheSong(words, DUET)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Take On Me · a-ha", "Take on me by A-ha"})
    void anArtistWithPunctuationInTheirName(String words) {
        assertThat(ShareSheetWords.onlyNameTheSong(words, HYPHENATED)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"you'll love the bridge", "Blinding Lights is the best song on Spotify",
            "Listen to Blinding Lights, it's so good", "The Weeknd live was amazing",
            "Check out this song on Spotify, it reminds me of you", "Listen to Save Your Tears by The Weeknd on Spotify",
            "Blinding Lights 😍", "The Weeknd?", "🎶", "check out this song", "Spotify Wrapped says I played it 300 "
            + "times", "Blinding Lights for the drive", "Blinding Lights, our song", "my song on Spotify",
            "this", "listen to this", "by The Weeknd, for you", "The Weeknd ❤️"})
    void wordsThatSaySomethingElseStayTheNoteAlsoWhenTheyNameTheSong(String words) {
        assertThat(ShareSheetWords.onlyNameTheSong(words, SONG)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void noWordsAreNothingToDrop(String words) {
        assertThat(ShareSheetWords.onlyNameTheSong(words, SONG)).isFalse();
    }
}
