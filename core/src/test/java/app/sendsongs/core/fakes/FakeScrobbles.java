package app.sendsongs.core.fakes;

import app.sendsongs.core.music.AppRefusedException;
import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.Track;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scrobbling source like Last.fm: plays carry names only and the whole history is kept. Consent with the token
 * {@code <user name>} connects that user; plays are scrobbled by user name, possibly late (under an earlier time).
 * It records where each read started. A read may be made to hold only so many plays ({@link #readAtMost}): it then
 * has the oldest after where it starts, the newer ones left for the next read, as the real sources page.
 */
public final class FakeScrobbles implements ListeningSource {
    /** The consent token whose exchange the service refuses for the app's own key (Last.fm errors 10, 13, 26). */
    public static final String APP_REFUSED = "app-refused";

    private final Map<String, List<Play>> scrobbles = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private final List<Instant> readsFrom = new ArrayList<>();
    private int mostPerRead = Integer.MAX_VALUE;

    @Override
    public SourceKind kind() {
        return SourceKind.LASTFM;
    }

    @Override
    public URI consentUrl(String state) {
        return URI.create("https://scrobbles.example/auth?state=" + state);
    }

    @Override
    public synchronized ListeningConnection completeConsent(String code) throws MusicServiceException {
        if (code.equals(APP_REFUSED)) {
            throw new AppRefusedException("error 26: suspended API key");
        }
        if (code.startsWith("used-")) {
            throw new ConsentRefusedException("That token was already used.");
        }
        revoked.remove(code);
        return new LastfmConnection(code, "sk-" + code);
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return false;
    }

    @Override
    public ListeningConnection refresh(ListeningConnection connection) {
        return connection;
    }

    /** The user played {@code track}, scrobbled under {@code at} (names only, as Last.fm has them). */
    public synchronized void scrobble(String user, Track track, Instant at) {
        scrobbles.computeIfAbsent(user, u -> new ArrayList<>()).add(new Play(
                app.sendsongs.core.music.Recording.named(track.artists().getFirst(), track.name()), at));
    }

    /** The user revokes the app: their session is refused on the next read. */
    public synchronized void revoke(String user) {
        revoked.add(user);
    }

    /** Every read of the user fails (or, with false, works again). */
    public synchronized void failFor(String user, boolean fail) {
        if (fail) {
            failing.add(user);
        } else {
            failing.remove(user);
        }
    }

    /** One read holds at most {@code plays} plays from now on: the oldest after where it starts. */
    public synchronized void readAtMost(int plays) {
        mostPerRead = plays;
    }

    /** Forgets the reads made so far (the look at a new connection's history, before what a test watches). */
    public synchronized void forgetReads() {
        readsFrom.clear();
    }

    /** Where each read started, oldest read first. */
    public synchronized List<Instant> readsFrom() {
        return List.copyOf(readsFrom);
    }

    @Override
    public synchronized RecentPlays recentPlays(ListeningConnection connection, Instant after)
            throws MusicServiceException {
        String user = connection.accountId();
        readsFrom.add(after);
        if (revoked.contains(user)) {
            throw new GrantRevokedException("error 9: invalid session key");
        }
        if (failing.contains(user)) {
            throw new MusicServiceException("the scrobbling service answers 500", Optional.empty());
        }
        List<Play> newer = scrobbles.getOrDefault(user, List.of()).stream().filter(p -> p.playedAt().isAfter(after))
                .sorted(Comparator.comparing(Play::playedAt)).toList();
        List<Play> read = new ArrayList<>(newer.subList(0, Math.min(newer.size(), mostPerRead)));
        read.sort(Comparator.comparing(Play::playedAt).reversed());
        return new RecentPlays(read, read.size() + 1, read.size() < newer.size());
    }
}
