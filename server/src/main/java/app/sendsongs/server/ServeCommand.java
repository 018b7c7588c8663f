package app.sendsongs.server;

import app.sendsongs.store.sqlite.SqliteStoreException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code send-songs serve}: the bot, run for real until it is asked to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the bot against the real chat platforms (Messenger, Telegram) and listening services "
                + "(Spotify, Last.fm, ListenBrainz). Every required variable must be set.")
final class ServeCommand extends BotServerSettings implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Optional<ServerConfig> read = fromSettings(ServerConfig::from);
        if (read.isEmpty()) {
            return 2;
        }
        ServerConfig config = read.get();
        if (config.publicBaseUrlIsPlainHttp()) {
            System.err.println("Warning: PUBLIC_BASE_URL is plain http; Spotify consent codes and registration "
                    + "codes will cross the network unencrypted. Use https in production: Spotify takes a plain-http "
                    + "redirect URI only to 127.0.0.1 or [::1], never to localhost.");
        }
        new ListenAddress(config.host(), config.port(), "HOST", "PORT").requireFree();
        BotServer server;
        try {
            server = new BotServer(config, Clock.systemUTC(), http -> { }).start();
        } catch (SqliteStoreException e) {
            // A database it must not use (written by a newer version, read-only, another user's): why, in one line.
            return SqliteRefusal.report(SqliteRefusal.oneLine(e), e);
        }
        System.out.println("Send Songs is serving on port " + server.port());
        StopSignal.awaitThenClose(server);
        return 0;
    }
}
