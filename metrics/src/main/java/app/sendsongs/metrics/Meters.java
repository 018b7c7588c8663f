package app.sendsongs.metrics;

import java.time.Duration;
import java.util.Map;

/**
 * Where the runtimes' measurements go: Micrometer's registry on the server (read as Prometheus' text at
 * {@code /metrics}), CloudWatch's Embedded Metric Format lines on Lambda. A measurement is named by a dotted
 * lowercase name ({@code send_songs.messages}) and tagged by a few short words chosen by the code: never an id,
 * a token or a person's words.
 */
public interface Meters {
    /** Nothing is measured. */
    Meters NONE = new Meters() {
        @Override
        public void count(String name, Map<String, String> tags, double amount) {
        }

        @Override
        public void time(String name, Map<String, String> tags, Duration took) {
        }
    };

    /** Adds {@code amount} to the counter {@code name} with these tags. */
    void count(String name, Map<String, String> tags, double amount);

    /** Records one duration of the timer {@code name} with these tags. */
    void time(String name, Map<String, String> tags, Duration took);

    /** Adds one. */
    default void count(String name, Map<String, String> tags) {
        count(name, tags, 1);
    }
}
