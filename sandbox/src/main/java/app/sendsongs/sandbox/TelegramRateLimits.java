package app.sendsongs.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Telegram's flood limits on what a bot sends (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * in one chat about one message a second, short bursts allowed; at most 20 messages a minute in one group; about 30
 * messages a second in all, or up to 1,000 for messages sent as paid broadcasts ({@code allow_paid_broadcast},
 * https://core.telegram.org/bots/api#sendmessage). Over a limit the call fails with 429 and the seconds to wait.
 * Counted in real time (the sandbox clock only moves when told to, while a flood is a matter of real seconds).
 */
final class TelegramRateLimits {
    static final int CHAT_BURST = 3;
    static final double CHAT_PER_SECOND = 1.0;
    static final int GROUP_PER_MINUTE = 20;
    static final int GLOBAL_PER_SECOND = 30;
    static final int PAID_PER_SECOND = 1000;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    /** A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
    private static final class Bucket {
        final double capacity;
        final double perSecond;
        double tokens;
        long at;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.at = now;
        }

        /** Nanoseconds until a token is there; 0 when there is one now. */
        long nanosUntilToken(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perSecond / SECOND);
            at = now;
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * SECOND / perSecond);
        }

        void take() {
            tokens -= 1;
        }
    }

    private final LongSupplier nanoTime;
    private final Map<Long, Bucket> chats = new HashMap<>();
    private final Map<Long, Deque<Long>> groupSends = new HashMap<>();
    private final Bucket global;
    private final Bucket paid;

    TelegramRateLimits() {
        this(System::nanoTime);
    }

    TelegramRateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.global = new Bucket(GLOBAL_PER_SECOND, GLOBAL_PER_SECOND, nanoTime.getAsLong());
        this.paid = new Bucket(PAID_PER_SECOND, PAID_PER_SECOND, nanoTime.getAsLong());
    }

    /**
     * Counts one message to {@code chatId} when every limit allows it; otherwise counts nothing and answers the whole
     * seconds to wait (at least 1), as Telegram's {@code retry_after}.
     */
    synchronized OptionalInt take(long chatId) {
        return take(chatId, false);
    }

    /** As {@link #take(long)}; a paid broadcast counts against the paid limit instead of the free one. */
    synchronized OptionalInt take(long chatId, boolean paidBroadcast) {
        long now = nanoTime.getAsLong();
        Bucket chat = chats.computeIfAbsent(chatId, id -> new Bucket(CHAT_BURST, CHAT_PER_SECOND, now));
        Deque<Long> group = chatId < 0 ? groupSends.computeIfAbsent(chatId, id -> new ArrayDeque<>()) : null;
        Bucket overall = paidBroadcast ? paid : global;
        long wait = Math.max(Math.max(chat.nanosUntilToken(now), overall.nanosUntilToken(now)), groupWait(group, now));
        if (wait > 0) {
            return OptionalInt.of((int) Math.max(1, (wait + SECOND - 1) / SECOND));
        }
        chat.take();
        overall.take();
        if (group != null) {
            group.addLast(now);
        }
        return OptionalInt.empty();
    }

    private static long groupWait(Deque<Long> sends, long now) {
        if (sends == null) {
            return 0;
        }
        while (!sends.isEmpty() && now - sends.peekFirst() >= MINUTE) {
            sends.pollFirst();
        }
        return sends.size() < GROUP_PER_MINUTE ? 0 : sends.peekFirst() + MINUTE - now;
    }
}
