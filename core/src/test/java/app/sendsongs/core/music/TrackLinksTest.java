package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Links as phones paste them: next to Unicode spaces and invisible characters. */
class TrackLinksTest {
    private static final String ID = "PT7jS9EQSCcS3dwxulfCJV";
    private static final String LINK = "https://open.spotify.com/track/" + ID;

    /** No-break, figure, narrow no-break, em and ideographic spaces. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u2007", "\u202f", "\u2003", "\u3000"})
    void anyUnicodeSpaceSeparatesALinkFromTheWordsAroundIt(String space) {
        assertThat(TrackLinks.spotifyWordsIn("listen" + space + LINK + space + "now")).containsExactly(LINK);
    }

    /** Zero-width space, non-joiner, joiner, word joiner and the byte order mark. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"})
    void zeroWidthCharactersAtTheEdgesOfALinkAreIgnored(String invisible) {
        String pasted = invisible + LINK + invisible;

        assertThat(TrackLinks.parse(pasted)).contains(new TrackId(ID));
        assertThat(TrackLinks.songLink(pasted)).contains(new SongLink.Track(new TrackId(ID)));
        assertThat(TrackLinks.looksLikeSpotify(pasted)).isTrue();
        assertThat(TrackLinks.spotifyWordsIn("look " + LINK + invisible + "!")).containsExactly(LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u2060"})
    void aZeroWidthCharacterInsideTheIdIsNoTrack(String invisible) {
        assertThat(TrackLinks.parse(LINK.substring(0, LINK.length() - 3) + invisible + "JV1")).isEmpty();
    }

    @Test
    void aSpotifyLinkToSomethingElseThanASongSaysWhatItIsAndWhatToPasteInstead() {
        String pasteASong = "Open a song in it, tap Share, then Copy link, and paste that here.";
        assertThat(TrackLinks.notASong("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy?si=x"))
                .isEqualTo("That's a Spotify album, and I send one song at a time. " + pasteASong);
        assertThat(TrackLinks.notASong("https://open.spotify.com/intl-de/playlist/37i9dQZF1DXcBWIGoYBM5M"))
                .isEqualTo("That's a Spotify playlist, and I send one song at a time. " + pasteASong);
        assertThat(TrackLinks.notASong("spotify:artist:0OdUWJ0sBjDrqHygGUXeCF"))
                .isEqualTo("That's a Spotify artist, and I send one song at a time. " + pasteASong);
        assertThat(TrackLinks.notASong("https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ?si=abc"))
                .isEqualTo("That's a podcast episode, and I can only send songs.");
        assertThat(TrackLinks.notASong("https://open.spotify.com/track/123"))
                .isEqualTo("That song link looks cut short. Copy it again in Spotify (Share, then Copy link) and "
                        + "paste all of it.");
        assertThat(TrackLinks.notASong("https://open.spotify.com/")).isEqualTo("That Spotify link isn't a song. "
                + "In Spotify, open the song, tap Share, then Copy link, and paste that here.");
    }
    @Test
    void tidyingWritesSpotifysHostAsTheLinkReaderReadsItAndSetsAGluedEmojiApart() {
        assertThat(TrackLinks.tidied("see open.spotify.com/track/" + ID + "!")).isEqualTo("see " + LINK + "!");
        assertThat(TrackLinks.tidied("(WWW.Open.Spotify.com/track/" + ID + ")")).isEqualTo("(" + LINK + ")");
        assertThat(TrackLinks.tidied("Spotify.link/abc")).isEqualTo("https://spotify.link/abc");
        assertThat(TrackLinks.tidied(LINK + "🎶🎶")).isEqualTo(LINK + " 🎶🎶");
        assertThat(TrackLinks.tidied("“" + LINK + "”")).as("one quoted word, as typed").isEqualTo("“" + LINK + "”");
        assertThat(TrackLinks.tidied("听这首歌" + LINK + "。")).isEqualTo("听这首歌 " + LINK + " 。");
        assertThat(TrackLinks.tidied("spotify:track:" + ID + "❤️")).isEqualTo("spotify:track:" + ID + " ❤️");
        assertThat(TrackLinks.tidied("https://open.spotify.com/\ntrack/" + ID)).isEqualTo(LINK);
    }

    @Test
    void tidyingLeavesOtherWordsAndLinksAsTheyWere() {
        for (String untouched : new String[] {"listen on Spotify: it's great 🎶", "myopen.spotify.com/track/" + ID,
                "https://song.link/https://open.spotify.com/track/" + ID, "https://example.com/open.spotify.com/x",
                "open.spotify.com is down", LINK + "\nsee you", "café open.spotify.comic/x"}) {
            assertThat(TrackLinks.tidied(untouched)).as(untouched).isEqualTo(untouched);
        }
    }
}
