package app.sendsongs.bench.watch;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.share.SendLimits;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.sandbox.CatalogueTrack;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.store.sqlite.SqliteStores;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Our listen watching as it runs in production: the real core on the SQLite store, songs sent by
 * people writing {@code send_song} to the bot, and the due work run by {@code tick()} every
 * simulated minute as the server's scheduler does. Only the listening sources (the sandbox's Spotify, Last.fm and
 * ListenBrainz state, read in process as their adapters read them over HTTP) and Messenger (which takes every
 * message) stand in for the outside world.
 */
final class OurPolicy implements AutoCloseable {
    private final World world;
    private final ManualClock clock;
    private final Stores stores = SqliteStores.inMemory();
    private final SandboxMusic music;
    private final SandboxLastfm lastfm;
    private final SandboxListenBrainz listenBrainz;
    private final SenderNotices chat;
    private final SendSongs app;
    long checks;
    long failedSends;

    OurPolicy(World world, Sandbox sandbox, ManualClock clock, WatchSchedule schedule) {
        this.world = world;
        this.clock = clock;
        this.music = new SandboxMusic(sandbox.spotify(), clock);
        this.lastfm = new SandboxLastfm(sandbox.lastfm(), clock);
        this.listenBrainz = new SandboxListenBrainz(sandbox.listenBrainz(), clock);
        this.chat = new SenderNotices(clock, world.sent.length);
        // the simulated people paste no short links, and send as much as the world says: no sender limits
        this.app = new SendSongs(stores, List.of(chat), music, link -> Optional.empty(),
                List.of(music, lastfm, listenBrainz), clock,
                new SendSongs.Settings(new ConnectLink("https://songs.invalid"), schedule, SendSongs.Settings.LEASE,
                        new SendLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), SigningKey.random()));
        for (World.Person person : world.people) {
            stores.users().saveUser(new User(ChatAddress.messenger(person.psid()), person.name(),
                    connection(person, clock.instant()), GrantState.ACTIVE, clock.instant(), clock.instant()));
        }
    }

    /** A person's connection to their source; their account there is named by their PSID. */
    private static ListeningConnection connection(World.Person person, Instant now) {
        return switch (person.source()) {
            case SPOTIFY -> new SpotifyConnection(person.psid(), null, now, SandboxMusic.refreshTokenOf(person.psid()),
                    null);
            case LASTFM -> new LastfmConnection(person.psid(), "session." + person.psid());
            case LISTENBRAINZ -> new ListenBrainzConnection(person.psid(), "token." + person.psid());
        };
    }

    /** The sender writes the send_song command for song {@code index} now. */
    void send(int index) {
        World.Sent sent = world.sent[index];
        World.Person sender = world.people[sent.sender()];
        World.Person receiver = world.people[sent.receiver()];
        CatalogueTrack track = world.tracks.get(sent.track());
        chat.expect(index, sender.psid(), receiver.name(), track.name() + " by " + String.join(", ", track.artists()));
        app.bot().handle(new Inbound.Text("mid-" + index, ChatAddress.messenger(sender.psid()), clock.instant(),
                "send_song name:\"" + receiver.name() + "\" https://open.spotify.com/track/" + track.id()));
        if (!chat.lastMessageTo(sender.psid()).startsWith("Sent ")) {
            failedSends++;
        }
    }

    void tick() {
        checks += app.tick();
    }

    long refusedTokens() {
        return music.refusedTokens;
    }

    long unmatchedNotices() {
        return chat.unmatched;
    }

    PolicyResult result() {
        long[] told = chat.toldAt().clone();
        long start = World.START.toEpochMilli();
        for (int i = 0; i < told.length; i++) {
            told[i] = told[i] < 0 ? -1 : told[i] - start;
        }
        Map<SourceKind, PolicyResult.SourceCalls> bySource = new EnumMap<>(SourceKind.class);
        bySource.put(SourceKind.SPOTIFY, new PolicyResult.SourceCalls(music.watchCalls.total(),
                music.watchCalls.busiestDay()));
        bySource.put(SourceKind.LASTFM, new PolicyResult.SourceCalls(lastfm.calls.total(),
                lastfm.calls.busiestDay()));
        bySource.put(SourceKind.LISTENBRAINZ, new PolicyResult.SourceCalls(listenBrainz.calls.total(),
                listenBrainz.calls.busiestDay()));
        // the history reads of every source, as the recently-played calls are Spotify's
        return new PolicyResult("ours", music.refreshes, music.recentlyPlayed + lastfm.calls.total()
                + listenBrainz.calls.total(), music.trackLookups, checks, told, bySource);
    }

    @Override
    public void close() {
        stores.close();
    }
}
