package app.sendsongs.core.music;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The kinds of service a person's listening history can come from. */
public enum SourceKind {
    /** Keeps only a person's last 50 plays: a check reads that whole window. Consent on Spotify's page. */
    SPOTIFY("Spotify", true, false, ChronoUnit.MILLIS),
    /** Keeps every scrobble: a check reads from where the last one stopped. Consent on Last.fm's page. */
    LASTFM("Last.fm", false, false, ChronoUnit.SECONDS),
    /**
     * Keeps every listen: a check reads from where the last one stopped. No consent page: the person pastes their
     * user token on the app's own page.
     */
    LISTENBRAINZ("ListenBrainz", false, true, ChronoUnit.SECONDS);

    private static final int MOST_WORDS_MENTIONING = 6;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern APOSTROPHE = Pattern.compile("['\u2019]");
    /** Words, apostrophes dropped, that turn "I use Spotify" into "I don't use Spotify". */
    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "dont", "doesnt", "havent",
            "hasnt", "cant", "cannot", "wont", "didnt", "isnt", "aint", "nope", "none", "neither", "nor");
    private static final Pattern LINK = Pattern.compile("://|\\bwww\\.|\\.(com|link|fm|org)/",
            Pattern.CASE_INSENSITIVE);

    private final String displayName;
    private final boolean recentWindowOnly;
    private final boolean pastedToken;
    private final ChronoUnit playTimeUnit;

    SourceKind(String displayName, boolean recentWindowOnly, boolean pastedToken, ChronoUnit playTimeUnit) {
        this.displayName = displayName;
        this.recentWindowOnly = recentWindowOnly;
        this.pastedToken = pastedToken;
        this.playTimeUnit = playTimeUnit;
    }

    /** The service's name as people read it in a message. */
    public String displayName() {
        return displayName;
    }

    /**
     * The short lower-case name in paths and commands: {@code spotify}, {@code lastfm},
     * {@code listenbrainz} ({@code /connect/lastfm}, {@code connect lastfm}).
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True when the source keeps only a short window of recent plays (Spotify's last 50), so a check
     * reads the whole window and paces itself so that nothing falls out of it unseen; false when it
     * keeps the whole history, read from where the last check stopped.
     */
    public boolean keepsOnlyRecentWindow() {
        return recentWindowOnly;
    }

    /**
     * True when the source has no consent page of its own: the person pastes a token on the app's page, so a refused
     * token is answered on that page again rather than by starting over.
     */
    public boolean pastesToken() {
        return pastedToken;
    }

    /**
     * How precisely the source times a play: Spotify's {@code played_at} in milliseconds, Last.fm's and
     * ListenBrainz's Unix timestamps in whole seconds.
     */
    public ChronoUnit playTimeUnit() {
        return playTimeUnit;
    }

    /** The kind an {@link #id()} (or a name people type: "last.fm", "ListenBrainz") names, if any. */
    public static Optional<SourceKind> named(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "");
        for (SourceKind kind : values()) {
            if (kind.id().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The one kind a short text mentions by name ("I use Last.fm", "connect to spotify", "last fm"): what a newcomer
     * types instead of tapping one of the services offered. Empty when the text names none or several, holds a link
     * (a pasted song names Spotify in its address), is longer than {@value #MOST_WORDS_MENTIONING} words, which
     * says more than which service, or says the person has not got it ({@link #deniedIn}).
     */
    public static Optional<SourceKind> mentionedIn(String text) {
        return wordsOfAShortText(text).filter(words -> !negated(words)).flatMap(SourceKind::theOneAmong);
    }

    /** The one kind a short text says the person has not got or does not use ("I don't have Spotify", "no spotify"). */
    public static Optional<SourceKind> deniedIn(String text) {
        return wordsOfAShortText(text).filter(SourceKind::negated).flatMap(SourceKind::theOneAmong);
    }

    private static Optional<List<String>> wordsOfAShortText(String text) {
        if (text == null || LINK.matcher(text).find()) {
            return Optional.empty();
        }
        String folded = APOSTROPHE.matcher(text.toLowerCase(Locale.ROOT).replace(".", "")).replaceAll("");
        List<String> words = Arrays.stream(NOT_A_WORD.split(folded)).filter(word -> !word.isEmpty()).toList();
        return words.size() > MOST_WORDS_MENTIONING ? Optional.empty() : Optional.of(words);
    }

    private static boolean negated(List<String> words) {
        return words.stream().anyMatch(NEGATIONS::contains);
    }

    private static Optional<SourceKind> theOneAmong(List<String> words) {
        List<SourceKind> mentioned = Arrays.stream(values()).filter(kind -> kind.mentionedAmong(words)).toList();
        return mentioned.size() == 1 ? Optional.of(mentioned.getFirst()) : Optional.empty();
    }

    private boolean mentionedAmong(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            boolean twoWords = i + 1 < words.size() && id().equals(words.get(i) + words.get(i + 1));
            if (id().equals(words.get(i)) || twoWords) {
                return true;
            }
        }
        return false;
    }
}
