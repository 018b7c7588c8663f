package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;

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
}
