package app.sendsongs.core.music;

import app.sendsongs.core.shared.Spaces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a Spotify track id, or a Spotify short link, in the link forms people paste. */
public final class TrackLinks {
    /** The answer to a message with several links in it: a song is sent on its own. */
    public static final String ONE_AT_A_TIME = "I found more than one link; send one song at a time.";
    private static final Pattern WEB = Pattern.compile(
            "^https?://open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?(?:embed/)?track/([0-9A-Za-z]{22})(?:[/?#].*)?$");
    private static final Pattern URI = Pattern.compile("^spotify:track:([0-9A-Za-z]{22})$");
    /**
     * An album's link that shows one of its songs, as Spotify makes one:
     * {@code /album/<id>?highlight=spotify:track:<id>}.
     */
    private static final Pattern HIGHLIGHT = Pattern.compile("^https?://open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?"
            + "album/[0-9A-Za-z]{22}\\?(?:[^#]*&)?highlight=spotify(?::|%3A)track(?::|%3A)([0-9A-Za-z]{22})"
            + "(?:[&#].*)?$", Pattern.CASE_INSENSITIVE);
    /** A {@code spotify:} URI's scheme and kind in capitals, as a phone capitalises a message's first letter. */
    private static final Pattern URI_KIND = Pattern.compile(
            "(?<![\\w.@/:-])spotify:(?:track|album|playlist|artist|episode|show|user):", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_SPACE = Pattern.compile("\\S+");
    private static final Pattern SHORT = Pattern.compile("^https?://spotify\\.link/([0-9A-Za-z]{1,64})/?(?:[?#].*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_SPOTIFY = Pattern.compile(
            "^(?:https?://(?:open|play)\\.spotify\\.com/|https?://spotify\\.link/|spotify:[a-z]+:).*",
            Pattern.CASE_INSENSITIVE); // "spotify:[a-z]+:" so that "on Spotify: <link>" is no second link
    /** What a Spotify link or URI is a link to: {@code album} in {@code https://open.spotify.com/album/…}. */
    private static final Pattern KIND = Pattern.compile(
            "^(?:https?://(?:open|play)\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?(?:embed/)?|spotify:)([A-Za-z]+)[/:]",
            Pattern.CASE_INSENSITIVE);
    /** What to paste instead of a link that is no song. */
    private static final String PASTE_A_SONG = "Open a song in it, tap Share, then Copy link, and paste that here.";
    /** What people put round a link in a sentence: brackets, quotes, the full stop after it. */
    private static final String WRAPPING = "()<>[]{}\"'“”‘’«»,;.!?（）「」『』【】《》〈〉。、，！？；";
    /** What leads from a sentence to the link after it: "listen: <link>", "this one - <link>". */
    private static final String LEADS = ":-–—：";
    /**
     * Invisible characters phones leave next to a pasted link, no link containing them: zero-width ones, and the marks
     * that set the reading direction, which come with a link copied next to Arabic or Hebrew text.
     */
    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A\u202B\u202C\u202D"
            + "\u202E\u2066\u2067\u2068\u2069";
    /**
     * Spotify's web host as people paste or type it: without {@code https://} (as a browser's address bar shows it),
     * with {@code http://} or {@code www.}, in capitals, or as its older web player {@code play.spotify.com}; not
     * inside another word or link.
     */
    private static final Pattern LOOSE_WEB = Pattern.compile(
            "(?<![\\w.@/:-])(?:https?://)?(?:www\\.)?(?:open|play)\\.spotify\\.com(?=/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOSE_SHORT = Pattern.compile("(?<![\\w.@/:-])(?:https?://)?spotify\\.link(?=/)",
            Pattern.CASE_INSENSITIVE);
    /** A link broken at the end of a line after its host or its {@code track/}, as a narrow screen copies it. */
    private static final Pattern BROKEN = Pattern.compile(
            "(https://open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?(?:track/)?)[ \\t]*\\R\\s*(?=[0-9A-Za-z])");
    /**
     * A character beyond ASCII that no link holds, but the quotes a command's words may be put in (a link in “…” is
     * one quoted word) and the invisible characters, which are trimmed from a link's edges instead.
     */
    private static final String NO_LINK_CHARACTER = "[^\\x00-\\x7F\"“”„«»'‘’‚" + INVISIBLE + "]";
    /** A link right after a character no link holds, as Chinese or Japanese is written, without a space. */
    private static final Pattern GLUED_BEFORE = Pattern.compile(
            "(?<=" + NO_LINK_CHARACTER + ")(?=https://open\\.spotify\\.com/|https://spotify\\.link/)");
    /** A link with a character no link holds (an emoji, a full-width full stop) typed right after it. */
    private static final Pattern GLUED = Pattern.compile(
            "((?:https://open\\.spotify\\.com/|https://spotify\\.link/|spotify:)[\\x21-\\x7E]*)(?="
                    + NO_LINK_CHARACTER + ")");

    private TrackLinks() {
    }

    /**
     * {@code text} with its Spotify links in the form the rest of this class reads:
     * {@code https://open.spotify.com/…}
     * for the web host however it was written ({@link #LOOSE_WEB}), {@code https://spotify.link/…} likewise, a
     * {@code spotify:track:} URI in small letters, a link
     * broken over two lines joined again, and a space between a link and the emoji or other character beyond ASCII
     * typed right after it or before it (no link holds one: "…/track/<id>🎶" is the link and "🎶", "听https://…" is
     * "听" and the link). Words that are no Spotify
     * link are left as they are.
     */
    public static String tidied(String text) {
        String tidy = LOOSE_WEB.matcher(text).replaceAll("https://open.spotify.com");
        tidy = LOOSE_SHORT.matcher(tidy).replaceAll("https://spotify.link");
        tidy = URI_KIND.matcher(tidy).replaceAll(uri -> uri.group().toLowerCase(Locale.ROOT));
        tidy = BROKEN.matcher(tidy).replaceAll("$1");
        tidy = GLUED_BEFORE.matcher(tidy).replaceAll(" ");
        return GLUED.matcher(tidy).replaceAll("$1 ");
    }

    public static Optional<TrackId> parse(String pasted) {
        String text = trimmed(pasted, INVISIBLE);
        for (Pattern p : new Pattern[] {WEB, URI, HIGHLIGHT}) {
            Matcher m = p.matcher(text);
            if (m.matches()) {
                return Optional.of(new TrackId(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A track link or URI, or a short link; empty for anything else. */
    public static Optional<SongLink> songLink(String pasted) {
        String text = trimmed(pasted, INVISIBLE);
        Optional<TrackId> track = parse(text);
        if (track.isPresent()) {
            return Optional.of(new SongLink.Track(track.get()));
        }
        Matcher shortLink = SHORT.matcher(text);
        return shortLink.matches() ? Optional.of(new SongLink.Short(shortLink.group(1))) : Optional.empty();
    }

    /** True for anything that looks like a Spotify link or URI, track or not. */
    public static boolean looksLikeSpotify(String text) {
        return ANY_SPOTIFY.matcher(trimmed(text, INVISIBLE)).matches();
    }

    /** Why a Spotify link that is no track link can't be sent, and what to paste instead. */
    public static String notASong(String link) {
        Matcher kind = KIND.matcher(trimmed(link, INVISIBLE));
        String what = kind.find() ? kind.group(1).toLowerCase(Locale.ROOT) : "";
        return switch (what) {
            case "track" -> "That song link looks cut short. Copy it again in Spotify (Share, then Copy link) and "
                    + "paste all of it.";
            case "album", "playlist", "artist" -> "That's a Spotify " + what + ", and I send one song at a time. "
                    + PASTE_A_SONG;
            case "episode", "show" -> "That's a podcast " + what + ", and I can only send songs.";
            default -> "That Spotify link isn't a song. In Spotify, open the song, tap Share, then Copy link, and "
                    + "paste that here.";
        };
    }

    /**
     * The words of a sentence that look like Spotify links, each without the brackets, quotes or full stop people
     * put round a link ("listen to this: https://open.spotify.com/track/… !").
     */
    public static List<String> spotifyWordsIn(String sentence) {
        List<String> found = new ArrayList<>();
        for (String word : Spaces.words(sentence)) {
            String bare = trimmed(word, WRAPPING + INVISIBLE);
            if (looksLikeSpotify(bare)) {
                found.add(bare);
            }
        }
        return found;
    }

    /**
     * The links of a message that could be the song it shares: its song links when it has any (a song and the playlist
     * or album it comes from is that song, the other link being words of its note), else all its Spotify links (to say
     * what the first one is, or that there are several).
     */
    public static List<String> toShare(List<String> links) {
        List<String> songs = links.stream().filter(link -> songLink(link).isPresent()).toList();
        return songs.isEmpty() ? links : songs;
    }

    /**
     * {@code text} without the Spotify links that repeat a song linked before them (pasted twice, or once with its
     * sharing parameters and once without, as forwarded posts often hold it), each with the space before it, so that
     * the text reads as the one song it is about; the text itself when nothing repeats.
     */
    public static String withoutRepeatedSongs(String text) {
        Set<Object> songs = new HashSet<>();
        StringBuilder kept = new StringBuilder(text.length());
        Matcher word = NOT_SPACE.matcher(text);
        int end = 0;
        boolean dropped = false;
        while (word.find()) {
            String bare = trimmed(word.group(), WRAPPING + INVISIBLE);
            boolean repeat = looksLikeSpotify(bare) && !songs.add(songOrText(bare));
            if (repeat) {
                dropped = true;
            } else {
                kept.append(text, end, word.end());
            }
            end = word.end();
        }
        return dropped ? kept.append(text, end, text.length()).toString() : text;
    }

    /** The song {@code link} names, or the link itself when it names none (an album's): what tells two apart. */
    private static Object songOrText(String link) {
        Optional<SongLink> song = songLink(link);
        return song.isPresent() ? song.get() : link;
    }

    /**
     * The words of a sentence besides its one Spotify link, as a note to go with the song ("you'll love this: <link>"
     * gives "you'll love this"); the marks left standing alone and the colon or dash that led to the link are dropped.
     */
    public static String wordsBesides(String sentence, String link) {
        List<String> kept = new ArrayList<>();
        for (String word : Spaces.words(sentence)) {
            String bare = trimmed(word, WRAPPING + LEADS + INVISIBLE);
            if (!bare.isEmpty() && !bare.equals(link)) {
                kept.add(word);
            }
        }
        return trimmed(String.join(" ", kept), LEADS + " ");
    }

    /** The text without any of {@code edges} at its ends. */
    private static String trimmed(String text, String edges) {
        int start = 0;
        int end = text.length();
        while (start < end && edges.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && edges.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }
}
