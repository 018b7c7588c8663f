package app.sendsongs.core.music;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words a share sheet or a player pastes beside a song's link, which say nothing but what the song is: "Listen to
 * Blinding Lights by The Weeknd on Spotify", "Check out this song on Spotify!", "Blinding Lights · The Weeknd",
 * "Escucha Blinding Lights de The Weeknd en Spotify". Spotify's own share sends the link alone on some phones
 * (https://github.com/manueldev/Spotify-Share-Plus shows its Android share as the bare link); the words other apps and
 * players put around it, and those of a link's preview ("Blinding Lights - song and lyrics by The Weeknd | Spotify"),
 * are the forms observed in chats, not a documented format, and the reading is conservative: only the song's own
 * title and artists, joined by these few phrases, count. Anything else a person wrote (another word, an emoji other
 * than a note's, a question mark, another song's name) keeps all the words as theirs.
 */
public final class ShareSheetWords {
    /** Where the song's title stood, once compared words are {@link SongNames#plain} (lower case: no clash). */
    private static final String TITLE = "T";
    /** Where one of its artists stood. */
    private static final String ARTIST = "A";
    /** What a share begins with, in English, Spanish, German, French, Portuguese, Italian, Dutch. */
    private static final String LEAD = "(?:listen to|check out|im listening to|i am listening to|listening to"
            + "|now playing|escucha|hor dir|hore dir|ecoute|ouca|ascolta|luister naar)";
    /** What joins a title and its artists ("by", "de", "von", "·" and "-" gone with the punctuation). */
    private static final String JOIN = "(?:by|song by|song and lyrics by|de|von|di|van|and|y|e|et|und)";
    /** The title and artists, in any order, perhaps after "Song" (the word Spotify's previews put before artists). */
    private static final String NAMES = "(?:song )?[" + TITLE + ARTIST + "](?:(?: " + JOIN + ")? [" + TITLE + ARTIST
            + "])*";
    /** The song named without its names. */
    private static final String THIS = "(?:this|this song|this track)";
    /** "On Spotify" as a share ends it ("| Spotify" of a preview's title is the bare word). */
    private static final String TAIL = "(?:(?:on|en|auf|sur|no|na|su|op|via) )?spotify(?: an)?";
    private static final Pattern BOILERPLATE = Pattern.compile("(?:" + LEAD + " )?(?:(?:" + THIS + "|" + NAMES
            + ") )?" + TAIL + "|(?:" + LEAD + " )?" + NAMES);
    /** The emoji and marks of music a share may put around the song's names. */
    private static final String MUSIC_MARKS = "🎵🎶🎧🎼🎤🎸🎹🎷🎺🎻🥁📻🔊▶♪♫";

    private ShareSheetWords() {
    }

    /**
     * Whether {@code words}, pasted beside {@code track}'s link, only name it, in a share's words: no note. False for
     * no words at all, and for any word, emoji or question beyond those.
     */
    public static boolean onlyNameTheSong(String words, Track track) {
        String marked = withoutMusicMarks(words);
        if (marked.contains("?") || marked.codePoints().anyMatch(ShareSheetWords::isSymbol)) {
            return false;
        }
        String plain = SongNames.plain(marked);
        return !plain.isEmpty() && BOILERPLATE.matcher(namesMarked(plain, track)).matches();
    }

    private static String withoutMusicMarks(String words) {
        StringBuilder kept = new StringBuilder(words.length());
        words.codePoints().filter(c -> MUSIC_MARKS.indexOf(Character.toString(c)) < 0 && c != 0xFE0F)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** An emoji or other symbol, which says something of its own (a heart, a flame). */
    private static boolean isSymbol(int codePoint) {
        return Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }

    /** {@code plain} with each of the track's names as it is written (or as compared) in the place of its words. */
    private static String namesMarked(String plain, Track track) {
        String marked = plain;
        for (String title : longestFirst(List.of(SongNames.plain(track.name()), SongNames.title(track.name())))) {
            marked = replaced(marked, title, TITLE);
        }
        List<String> artists = track.artists().stream()
                .flatMap(artist -> Stream.of(SongNames.plain(artist), SongNames.artist(artist))).toList();
        for (String artist : longestFirst(artists)) {
            marked = replaced(marked, artist, ARTIST);
        }
        return marked;
    }

    /** {@code text} with {@code mark} for each of its runs of whole words that are {@code words}. */
    private static String replaced(String text, String words, String mark) {
        return Pattern.compile("(?<![^ ])" + Pattern.quote(words) + "(?![^ ])").matcher(text).replaceAll(mark);
    }

    private static List<String> longestFirst(List<String> names) {
        return names.stream().filter(name -> !name.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
