package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The inline button taps sent to the bot, and the bot's answers to them ({@code answerCallbackQuery}). Guarded by the
 * {@link TelegramEmulator}'s lock.
 */
final class TelegramCallbackQueries {
    static final int MAX_CALLBACK_ANSWER = 200;
    /** How long a button tap waits for {@code answerCallbackQuery} on the sandbox clock. */
    static final Duration CALLBACK_ANSWER_WINDOW = Duration.ofSeconds(15);
    private static final long FIRST_CALLBACK_QUERY_ID = 3_011_000_000_000_000_001L;
    /** The only links a tap's answer may open: this bot's private chat with a start parameter. */
    private static final Pattern BOT_START_LINK = Pattern.compile("https?://t\\.me/" + TelegramEmulator.BOT_USERNAME
            + "\\?start=[A-Za-z0-9_-]{1,64}", Pattern.CASE_INSENSITIVE);

    private final ManualClock clock;
    private final Map<String, TelegramEmulator.CallbackQuery> queries = new HashMap<>();
    private long nextId = FIRST_CALLBACK_QUERY_ID;
    private long answers;

    TelegramCallbackQueries(ManualClock clock) {
        this.clock = clock;
    }

    /** A tap of {@code from} on the button carrying {@code data} under the message: the new query's id. */
    String open(long from, long chat, long messageId, String data) {
        String id = Long.toString(nextId++);
        queries.put(id, new TelegramEmulator.CallbackQuery(id, from, chat, messageId, data, clock.instant(), false,
                null, false, null));
        return id;
    }

    /**
     * {@code answerCallbackQuery}: once per tap, within {@link #CALLBACK_ANSWER_WINDOW}. A {@code url} for a button
     * that is not a game's may only open this bot with a start parameter ({@code https://t.me/<bot>?start=...}):
     * https://core.telegram.org/bots/api#answercallbackquery
     */
    void answer(String id, String text, boolean showAlert, String url) {
        TelegramEmulator.CallbackQuery query = queries.get(id);
        if (query == null || query.answered()
                || clock.instant().isAfter(query.at().plus(CALLBACK_ANSWER_WINDOW))) {
            throw TelegramErrors.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        if (text.length() > MAX_CALLBACK_ANSWER) {
            throw TelegramErrors.badRequest("MESSAGE_TOO_LONG");
        }
        if (!url.isEmpty() && !BOT_START_LINK.matcher(url).matches()) {
            throw TelegramErrors.badRequest("URL_INVALID");
        }
        queries.put(id, query.answer(text, showAlert, url.isEmpty() ? null : url));
        answers++;
    }

    Optional<TelegramEmulator.CallbackQuery> find(String id) {
        return Optional.ofNullable(queries.get(id));
    }

    long answers() {
        return answers;
    }

    /** A stable opaque string per chat, as Telegram's {@code chat_instance}. */
    static String chatInstance(long chat) {
        return Long.toString(Long.rotateLeft(chat * 0x9E3779B97F4A7C15L, 17));
    }
}
