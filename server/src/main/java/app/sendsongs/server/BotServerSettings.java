package app.sendsongs.server;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The settings of serve and demo: those of {@link DatabaseSettings}, and flags for the server's address and its listen
 * checks; each overrides the environment variable of the same meaning.
 */
class BotServerSettings extends DatabaseSettings {
    @Option(names = "--port", description = "HTTP port (PORT).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (HOST); demo: 127.0.0.1 unless given.")
    String host;

    @Option(names = "--public-base-url", description = "Externally visible base URL (PUBLIC_BASE_URL).")
    String publicBaseUrl;

    @Option(names = "--watch-schedule", description = "Listen-check schedule, e.g. 5m/1h,1h/7d (WATCH_SCHEDULE).")
    String watchSchedule;

    @Override
    Map<String, String> flags() {
        Map<String, String> flags = super.flags();
        if (port != null) {
            flags.put("PORT", port.toString());
        }
        if (host != null) {
            flags.put("HOST", host);
        }
        if (publicBaseUrl != null) {
            flags.put("PUBLIC_BASE_URL", publicBaseUrl);
        }
        if (watchSchedule != null) {
            flags.put("WATCH_SCHEDULE", watchSchedule);
        }
        return flags;
    }
}
