package app.sendsongs.server;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code send-songs demo}: the bot against the emulators, with the demo pages, until it is asked to stop. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bot with emulated Messenger, Telegram, Spotify, Last.fm and ListenBrainz, a manual "
                + "clock and a temporary store; "
                + "open http://127.0.0.1:<port>/ to chat as several people. Missing variables get sandbox values.")
final class DemoCommand extends BotServerSettings implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Optional<Demo> demo = fromSettings(Demo::start);
        if (demo.isEmpty()) {
            return 2;
        }
        System.out.println("Send Songs demo: open " + demo.get().baseUrl() + "/ (Ctrl+C to stop)");
        StopSignal.awaitThenClose(demo.get());
        return 0;
    }
}
