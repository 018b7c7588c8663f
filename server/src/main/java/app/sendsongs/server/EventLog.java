package app.sendsongs.server;

import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.metrics.Intake;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per event an operator counts or filters by: on which chat platform, what kind of event, how it
 * ended and how long it took, plus a few numbers (as fields: {@code platform}, {@code kind}, {@code outcome},
 * {@code duration_ms}, ...; top-level fields in JSON, {@code key="value"} in text).
 *
 * <p>An event line never carries an id, a token or a person's text: its text values must be short lowercase
 * words chosen by the code (a command name, an outcome), and anything else is written as {@code ?}.
 *
 * <pre>{@code
 * long started = EventLog.start();
 * ...
 * EventLog.event(Platform.MESSENGER, "webhook").count("messages", 3).info("accepted", started);
 * }</pre>
 */
public final class EventLog {
    /** The logger of event lines, so they can be told apart from other lines (and given their own level). */
    static final String LOGGER = "send-songs.event";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final CommandParser COMMANDS = new CommandParser();
    /** The group chat commands named in event lines; any other word a person typed is {@code invalid}. */
    private static final Set<String> GROUP_COMMANDS = Set.of("send", "send_song", "join", "in", "leave", "out",
            "who", "members", "help", "start");

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private EventLog(Platform platform, String kind) {
        fields.put("platform", platform.id());
        word("kind", kind);
    }

    /** The moment an event starts, for {@link #info} and {@link #warn}. */
    public static long start() {
        return System.nanoTime();
    }

    public static EventLog event(Platform platform, String kind) {
        return new EventLog(platform, kind);
    }

    /** Adds a number, such as how many messages a webhook call carried or the HTTP status answered. */
    public EventLog count(String name, long value) {
        fields.put(name(name), value);
        return this;
    }

    /** Adds a word chosen by the code (a command name, a reason); anything that is not one is written as {@code ?}. */
    public EventLog word(String name, String value) {
        fields.put(name(name), value != null && WORD.matcher(value).matches() ? value : "?");
        return this;
    }

    /** Writes the event at INFO: it ended as expected, with {@code outcome}. */
    public void info(String outcome, long startedNanos) {
        write(Level.INFO, outcome, startedNanos);
    }

    /** Writes the event at WARN: it was refused or failed, with {@code outcome}. */
    public void warn(String outcome, long startedNanos) {
        write(Level.WARN, outcome, startedNanos);
    }

    /**
     * The event line of a person's message or tap, before it is handled: its platform, what it is ({@code input}:
     * {@code text}, {@code choice}, {@code button}, {@code link}, {@code unreadable}, {@code edited}, {@code blocked}, {@code unblocked}, or {@code group}
     * for what happened in a group chat) and the command it asks for (in a group chat, what happened there:
     * {@code send}, {@code tap}, {@code bot_added}...).
     */
    public static EventLog message(Inbound event) {
        EventLog line = event(event.from().platform(), "message").word("input", Intake.inputOf(event));
        return switch (event) {
            case Inbound.Text text -> line.word("command", commandOf(text.text()));
            case Inbound.ChoiceTapped tap -> line.word("command", commandOf(tap.payload()));
            case Inbound.ButtonTapped tap -> line.word("command", commandOf(tap.payload()));
            case Inbound.OpenedLink link -> line;
            case Inbound.Unreadable unreadable -> line.word("what", unreadable.what());
            case Inbound.Edited edited -> line;
            case Inbound.BotBlocked blocked -> line;
            case Inbound.BotUnblocked unblocked -> line;
            case Inbound.InGroupChat inGroup -> line.word("command", groupAction(inGroup));
        };
    }

    private static String groupAction(Inbound.InGroupChat event) {
        return switch (event.action()) {
            case GroupChatAction.Command command -> GROUP_COMMANDS.contains(command.name()) ? command.name()
                    : "invalid";
            case GroupChatAction.Tap tap -> "tap";
            case GroupChatAction.Edited edited -> "edited";
            case GroupChatAction.BotAdded added -> "bot_added";
            case GroupChatAction.BotRemoved removed -> "bot_removed";
            case GroupChatAction.Renamed renamed -> "chat_renamed";
            case GroupChatAction.MemberLeft left -> "member_left";
            case GroupChatAction.Moved moved -> "chat_moved";
        };
    }

    /**
     * The command a message's text asks for, as a word fit for an event ({@code send_song}, {@code help}), or
     * {@code invalid} when it is none: the text itself never goes into the log.
     */
    public static String commandOf(String text) {
        if (COMMANDS.parse(text) instanceof ParseResult.Parsed(Command command)) {
            return CAMEL_HUMP.matcher(command.getClass().getSimpleName()).replaceAll("_").toLowerCase(Locale.ROOT);
        }
        return "invalid";
    }

    private void write(Level level, String outcome, long startedNanos) {
        word("outcome", outcome);
        fields.put("duration_ms", Math.round((System.nanoTime() - startedNanos) / 1e3) / 1e3);
        LoggingEventBuilder line = LOG.atLevel(level);
        fields.forEach(line::addKeyValue);
        line.log("{} {}", fields.get("kind"), fields.get("outcome"));
    }

    private static String name(String name) {
        if (!WORD.matcher(name).matches()) {
            throw new IllegalArgumentException("an event field is named by a lowercase word, not " + name);
        }
        return name;
    }
}
