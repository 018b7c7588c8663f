package app.sendsongs.server;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code send-songs sandbox}: the emulators alone, for a bot served elsewhere, until asked to stop. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run only the emulators (Messenger, Telegram, Spotify, Last.fm, ListenBrainz) and the sandbox "
                + "control API "
                + "(sandbox/README.md), for a bot served elsewhere: people's messages are POSTed to "
                + "--bot-webhook-url, signed with MESSENGER_APP_SECRET.",
                "Point serve at it with MESSENGER_GRAPH_BASE_URL=<base>/sandbox/graph, "
                        + "SPOTIFY_ACCOUNTS_BASE_URL=<base>/sandbox/accounts, SPOTIFY_API_BASE_URL=<base>/sandbox/api, "
                        + "SPOTIFY_SHORT_LINK_BASE_URL=<base>/sandbox/spotify-link and "
                        + "LISTENBRAINZ_API_BASE_URL=<base>/sandbox/listenbrainz, and PUBLIC_BASE_URL on 127.0.0.1 "
                        + "(Spotify refuses localhost); Last.fm and Telegram as sandbox/README.md says. The "
                        + "emulators keep their own manual clock."})
final class SandboxCommand extends EnvironmentSettings implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8090; 0 picks a free one).")
    int port = 8090;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1: the control API lets "
            + "anyone act as anyone).")
    String host = "127.0.0.1";

    @Option(names = "--bot-webhook-url", description = "Where people's messages go as webhook events "
            + "(default http://localhost:8080/webhook).")
    String botWebhookUrl = "http://localhost:8080/webhook";

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = values();
        StandaloneSandbox sandbox;
        try {
            Logging.configure(values.get(Logging.VARIABLE));
            sandbox = StandaloneSandbox.start(values, host, port, botWebhookUrl);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println("Send Songs sandbox on port " + sandbox.port() + ", posting webhooks to "
                + botWebhookUrl);
        StopSignal.awaitThenClose(sandbox);
        return 0;
    }
}
