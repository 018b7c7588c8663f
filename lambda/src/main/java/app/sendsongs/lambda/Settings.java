package app.sendsongs.lambda;

import app.sendsongs.core.OperatorSettings;
import app.sendsongs.core.share.SendLimits;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.telegram.TelegramConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one function declared, read from its environment once, when the handler is created. Reading a
 * setting the function did not declare is a programming error, so the declared lists stay the whole truth.
 */
final class Settings {
    /** What the operator's whole numbers come to, each its default unless set. */
    private record Tuning(SendLimits sendLimits, Duration holdLimit, Duration lease, int telegramMessagesPerSecond) {
        /** Read with the server's parsers, so a value is taken or refused as the server takes or refuses it. */
        static Tuning read(Map<Setting, String> values, List<String> problems) {
            Map<String, String> named = new HashMap<>();
            values.forEach((setting, value) -> named.put(setting.name(), value));
            return new Tuning(OperatorSettings.sendLimits(named, problems), OperatorSettings.holdLimit(named, problems),
                    OperatorSettings.lease(named, problems), TelegramConfig.MESSAGES_PER_SECOND.read(named, problems));
        }
    }

    private final List<Setting> declared;
    private final Map<Setting, String> values;
    private final WatchSchedule schedule;
    private final Tuning tuning;

    private Settings(List<Setting> declared, Map<Setting, String> values, WatchSchedule schedule, Tuning tuning) {
        this.declared = declared;
        this.values = values;
        this.schedule = schedule;
        this.tuning = tuning;
    }

    /** Fails with one message naming every missing or malformed variable (never a value). */
    static Settings read(Map<String, String> environment, List<Setting> declared) {
        List<String> problems = new ArrayList<>();
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : declared) {
            String value = environment.get(setting.name());
            if (value != null && !value.isBlank()) {
                values.put(setting, value.strip());
            } else if (setting.required()) {
                problems.add(setting.name() + " is not set");
            }
        }
        if (values.containsKey(Setting.PUBLIC_BASE_URL) && !isHttpUrl(values.get(Setting.PUBLIC_BASE_URL))) {
            problems.add("PUBLIC_BASE_URL must be an absolute http(s) URL such as https://bot.example.com");
        }
        if (values.containsKey(Setting.MESSENGER_PAGE) && !MessengerConfig.isPageName(values.get(Setting.MESSENGER_PAGE))) {
            problems.add("MESSENGER_PAGE must be the page's username or id, as in https://m.me/<page>");
        }
        WatchSchedule schedule = WatchSchedule.standard();
        if (values.containsKey(Setting.WATCH_SCHEDULE)) {
            try {
                schedule = WatchSchedule.parse(values.get(Setting.WATCH_SCHEDULE));
            } catch (IllegalArgumentException e) {
                problems.add("WATCH_SCHEDULE: " + e.getMessage());
            }
        }
        if (values.containsKey(Setting.WATCH_GRACE)) {
            try {
                schedule = schedule.withGrace(WatchSchedule.parseDuration(values.get(Setting.WATCH_GRACE)));
            } catch (IllegalArgumentException e) {
                problems.add("WATCH_GRACE: " + e.getMessage());
            }
        }
        if (values.containsKey(Setting.LASTFM_API_KEY) && declared.contains(Setting.LASTFM_SHARED_SECRET_PARAMETER)
                && !values.containsKey(Setting.LASTFM_SHARED_SECRET_PARAMETER)) {
            problems.add("LASTFM_API_KEY is set but LASTFM_SHARED_SECRET_PARAMETER is not: Last.fm needs both");
        }
        Tuning tuning = Tuning.read(values, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Configuration problems: " + String.join("; ", problems));
        }
        return new Settings(List.copyOf(declared), values, schedule, tuning);
    }

    /** As the server checks it: the links people are given start with it. */
    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A required setting's value. */
    String get(Setting setting) {
        check(setting);
        String value = values.get(setting);
        if (value == null) {
            throw new IllegalStateException(setting.name() + " is optional; read it with optional()");
        }
        return value;
    }

    /** An optional setting's value, empty when unset (the adapters then use their defaults). */
    Optional<String> optional(Setting setting) {
        check(setting);
        return Optional.ofNullable(values.get(setting));
    }

    WatchSchedule schedule() {
        check(Setting.WATCH_SCHEDULE);
        return schedule;
    }

    SendLimits sendLimits() {
        check(Setting.SEND_LIMIT_PER_HOUR);
        check(Setting.SEND_LIMIT_PER_FRIEND_PER_DAY);
        check(Setting.SEND_LIMIT_OPEN_INVITES);
        return tuning.sendLimits();
    }

    /** How long a message may wait for its person before it is given up. */
    Duration holdLimit() {
        check(Setting.HELD_MESSAGE_DAYS);
        return tuning.holdLimit();
    }

    Duration lease() {
        check(Setting.LEASE_SECONDS);
        return tuning.lease();
    }

    /** Telegram's pace in all, for this execution's limiter. */
    int telegramMessagesPerSecond() {
        check(Setting.TELEGRAM_MESSAGES_PER_SECOND);
        return tuning.telegramMessagesPerSecond();
    }

    /**
     * The declared settings that name SSM parameters and are set; the Last.fm secret only when Last.fm is offered
     * (LASTFM_API_KEY set).
     */
    List<Setting> parameters() {
        return declared.stream().filter(Setting::namesParameter).filter(values::containsKey)
                .filter(setting -> setting != Setting.LASTFM_SHARED_SECRET_PARAMETER
                        || values.containsKey(Setting.LASTFM_API_KEY))
                .toList();
    }

    /** Whether Last.fm is offered: its API key is set (and with it, the parameter of its secret). */
    boolean offersLastfm() {
        return declared.contains(Setting.LASTFM_API_KEY) && values.containsKey(Setting.LASTFM_API_KEY);
    }

    private void check(Setting setting) {
        if (!declared.contains(setting)) {
            throw new IllegalStateException(setting.name() + " is not among this function's settings");
        }
    }

    @Override
    public String toString() {
        return "Settings" + values;
    }
}
