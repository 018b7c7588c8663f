package app.sendsongs.bench.watch;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the in-process Last.fm and ListenBrainz sources share: the simulated people are connected from the start,
 * their connections never need a refresh, every page read is counted by day, and a read's plays come newest first.
 */
abstract class SandboxScrobbles implements ListeningSource {
    private final SourceKind kind;
    final DailyCalls calls;

    SandboxScrobbles(SourceKind kind, Clock clock) {
        this.kind = kind;
        this.calls = new DailyCalls(clock);
    }

    @Override
    public SourceKind kind() {
        return kind;
    }

    @Override
    public URI consentUrl(String state) {
        return URI.create("https://" + kind.id() + ".invalid/connect?state=" + state);
    }

    @Override
    public ListeningConnection completeConsent(String code) {
        throw new UnsupportedOperationException("the simulated people are connected from the start");
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return false;
    }

    @Override
    public ListeningConnection refresh(ListeningConnection connection) {
        return connection;
    }

    /** The plays read, each once, newest first; when {@code complete} nothing older is missing. */
    static RecentPlays newestFirst(Collection<Play> unique, boolean complete) {
        List<Play> plays = new ArrayList<>(unique);
        plays.sort(Comparator.comparing(Play::playedAt).reversed());
        return new RecentPlays(plays, complete ? plays.size() + 1 : Math.max(1, plays.size()));
    }
}
