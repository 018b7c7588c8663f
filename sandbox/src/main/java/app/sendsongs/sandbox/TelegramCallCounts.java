package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Bot API calls the bot made, and those Telegram refused, by method. Guarded by the {@link TelegramEmulator}'s
 * lock.
 */
final class TelegramCallCounts {
    private final Map<String, Long> calls = new TreeMap<>();
    private final Map<String, Long> forbidden = new TreeMap<>();
    private final Map<String, Long> badRequests = new TreeMap<>();

    void countCall(String method) {
        calls.merge(method, 1L, Long::sum);
    }

    /** A call answered 400: Telegram refused it as a bad request. */
    void countBadRequest(String method) {
        badRequests.merge(method, 1L, Long::sum);
    }

    /** A call answered 403: the person blocked the bot, or the group removed it. */
    void countForbidden(String method) {
        forbidden.merge(method, 1L, Long::sum);
    }

    /** Puts the counts in the emulator's stats: {@code calls}, {@code forbidden} and {@code bad_requests}. */
    void putInto(ObjectNode stats) {
        stats.set("calls", JsonIo.MAPPER.valueToTree(calls));
        stats.set("forbidden", JsonIo.MAPPER.valueToTree(forbidden));
        stats.set("bad_requests", JsonIo.MAPPER.valueToTree(badRequests));
    }
}
