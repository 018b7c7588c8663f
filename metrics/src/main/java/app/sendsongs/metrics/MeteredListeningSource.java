package app.sendsongs.metrics;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A listening source that times the listen checks read from it ({@value #CHECKS}: one read of recent plays is one
 * check, by outcome {@code read}, {@code revoked} or {@code failed}), and counts the connections people completed
 * ({@value #CONNECTIONS}) and the grants it found revoked ({@value #RECONNECTS}: the person must connect again).
 */
public final class MeteredListeningSource implements ListeningSource {
    public static final String CHECKS = "send_songs.listen.checks";
    public static final String CONNECTIONS = "send_songs.connections";
    public static final String RECONNECTS = "send_songs.reconnects.needed";

    private final ListeningSource source;
    private final Meters meters;
    private final String name;

    public MeteredListeningSource(ListeningSource source, Meters meters) {
        this.source = source;
        this.meters = meters;
        this.name = source.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SourceKind kind() {
        return source.kind();
    }

    @Override
    public URI consentUrl(String state) {
        return source.consentUrl(state);
    }

    @Override
    public ListeningConnection completeConsent(String code) throws MusicServiceException {
        try {
            ListeningConnection connection = source.completeConsent(code);
            meters.count(CONNECTIONS, Map.of("source", name, "outcome", "ok"));
            return connection;
        } catch (MusicServiceException | RuntimeException e) {
            meters.count(CONNECTIONS, Map.of("source", name, "outcome", "failed"));
            throw e;
        }
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return source.needsRefresh(connection, now, margin);
    }

    @Override
    public ListeningConnection refresh(ListeningConnection connection) throws MusicServiceException {
        try {
            return source.refresh(connection);
        } catch (GrantRevokedException e) {
            meters.count(RECONNECTS, Map.of("source", name));
            throw e;
        }
    }

    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) throws MusicServiceException {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            RecentPlays plays = source.recentPlays(connection, after);
            outcome = "read";
            return plays;
        } catch (GrantRevokedException e) {
            outcome = "revoked";
            meters.count(RECONNECTS, Map.of("source", name));
            throw e;
        } finally {
            meters.time(CHECKS, Map.of("source", name, "outcome", outcome),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
