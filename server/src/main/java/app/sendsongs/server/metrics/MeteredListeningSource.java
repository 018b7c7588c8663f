package app.sendsongs.server.metrics;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A listening source that counts the listen checks read from it (one read of recent plays is one check), the
 * connections people completed, and the grants it found revoked (the person must connect again).
 */
final class MeteredListeningSource implements ListeningSource {
    static final String CHECKS = "send_songs.listen.checks";
    static final String CONNECTIONS = "send_songs.connections";
    static final String RECONNECTS = "send_songs.reconnects.needed";

    private final ListeningSource source;
    private final MeterRegistry registry;
    private final String name;

    MeteredListeningSource(ListeningSource source, MeterRegistry registry) {
        this.source = source;
        this.registry = registry;
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
            count(CONNECTIONS, "Listening connections people completed (or refused)", "ok");
            return connection;
        } catch (MusicServiceException | RuntimeException e) {
            count(CONNECTIONS, "Listening connections people completed (or refused)", "failed");
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
            revoked();
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
            revoked();
            throw e;
        } finally {
            Timer.builder(CHECKS).description("Listen checks: reads of a receiver's recent plays, by source")
                    .tag("source", name).tag("outcome", outcome).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void revoked() {
        Counter.builder(RECONNECTS).description("Grants a source refused: the person must connect again")
                .tag("source", name).register(registry).increment();
    }

    private void count(String meter, String description, String outcome) {
        Counter.builder(meter).description(description).tag("source", name).tag("outcome", outcome)
                .register(registry).increment();
    }
}
