package app.sendsongs.telegram;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the bot's messages within Telegram's limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about one message a second in a chat (short bursts allowed), 20 a minute in a group, about 30 a
 * second in all, or up to 1,000 a second for a bot with paid broadcasts
 * (https://core.telegram.org/bots/api#sendmessage, {@code allow_paid_broadcast}). One limiter serves every call of a
 * {@link TelegramBotApi}; thread-safe.
 *
 * <p>A message takes the next free slot of its chat (and group) and waits for it, when the wait is at most
 * {@code maxWait}; a longer wait is answered instead of taken, so that the caller can hold the message and try later.
 * The overall pace is taken when the chat's slot has come, so that a chat waiting its turn does not hold up others. A
 * 429 holds its chat for the {@code retry_after} Telegram gave. The pace is a little under Telegram's (bursts of
 * {@value #CHAT_BURST} in a chat, a minute of 61 s for groups, 28 a second in all by default) so that network jitter
 * cannot make it look faster on arrival.
 */
public final class TelegramRateLimiter {
    static final Duration CHAT_INTERVAL = Duration.ofSeconds(1);
    /** One under the burst of three Telegram lets pass: a first call slowed by its connection must not look early. */
    static final int CHAT_BURST = 2;
    static final int GROUP_MESSAGES = 20;
    static final Duration GROUP_WINDOW = Duration.ofSeconds(61);
    /** Messages a second in all, a little under Telegram's free 30. */
    public static final int DEFAULT_PER_SECOND = 28;
    /** The most with paid broadcasts, a little under Telegram's 1,000. */
    public static final int MOST_PER_SECOND = 950;
    private static final int PRUNE_ABOVE = 10_000;

    /** Waits; a test's sleeper moves its clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final InstantSource time;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final int perSecond;
    private final Duration globalInterval;
    /** Per chat, the theoretical arrival time of its pace (a GCRA with a burst of {@link #CHAT_BURST}). */
    private final Map<Long, Instant> chatNext = new HashMap<>();
    private final Map<Long, Instant> chatHeld = new HashMap<>();
    private final Map<Long, Deque<Instant>> groupSlots = new HashMap<>();
    /** The theoretical arrival time of the overall pace (a GCRA with a burst of a second's messages). */
    private Instant globalTat = Instant.EPOCH;

    public TelegramRateLimiter(InstantSource time, Sleeper sleeper, Duration maxWait) {
        this(time, sleeper, maxWait, DEFAULT_PER_SECOND);
    }

    /** @param perSecond messages a second in all, from 1 to {@value #MOST_PER_SECOND} */
    public TelegramRateLimiter(InstantSource time, Sleeper sleeper, Duration maxWait, int perSecond) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        if (perSecond < 1 || perSecond > MOST_PER_SECOND) {
            throw new IllegalArgumentException("a bot sends 1 to " + MOST_PER_SECOND + " messages a second");
        }
        this.time = time;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.perSecond = perSecond;
        this.globalInterval = Duration.ofNanos(1_000_000_000L / perSecond);
    }

    /** The longest a send waits for its chat's slot before it is held and retried later. */
    public static final Duration MOST_WAIT = Duration.ofSeconds(3);

    /** Real time, {@link Thread#sleep}, waiting up to {@link #MOST_WAIT}, at Telegram's free pace. */
    public static TelegramRateLimiter realTime() {
        return realTime(DEFAULT_PER_SECOND);
    }

    /** As {@link #realTime()}, at {@code perSecond} messages a second in all. */
    public static TelegramRateLimiter realTime(int perSecond) {
        return new TelegramRateLimiter(InstantSource.system(), Thread::sleep, MOST_WAIT, perSecond);
    }

    /** Messages a second in all: above Telegram's free 30, the bot pays for each message over it. */
    public int perSecond() {
        return perSecond;
    }

    /**
     * Waits until one more message to {@code chatId} may go; answers empty then. When that would take longer than
     * {@code maxWait}, answers the wait at once and takes nothing.
     *
     * @throws InterruptedException while waiting; the slot stays taken
     */
    public Optional<Duration> acquire(long chatId) throws InterruptedException {
        Instant slot;
        synchronized (this) {
            Instant now = time.instant();
            slot = chatSlot(chatId, now);
            Duration wait = Duration.between(now, slot);
            if (wait.compareTo(maxWait) > 0) {
                return Optional.of(wait);
            }
            take(chatId, slot);
            prune(now);
        }
        sleepUntil(slot);
        Instant paced;
        synchronized (this) {
            Instant now = time.instant();
            paced = max(now, globalTat.minus(globalInterval.multipliedBy(perSecond - 1L)));
            globalTat = max(globalTat, paced).plus(globalInterval);
        }
        sleepUntil(paced);
        return Optional.empty();
    }

    /** Telegram answered 429 for {@code chatId}: nothing goes there for {@code retryAfter}. */
    public synchronized void hold(long chatId, Duration retryAfter) {
        Instant until = time.instant().plus(retryAfter);
        chatHeld.merge(chatId, until, TelegramRateLimiter::max);
    }

    /** The earliest instant the chat's limits allow. */
    private Instant chatSlot(long chatId, Instant now) {
        Instant slot = max(now, chatNext.getOrDefault(chatId, now).minus(CHAT_INTERVAL.multipliedBy(CHAT_BURST - 1)));
        slot = max(slot, chatHeld.getOrDefault(chatId, now));
        Deque<Instant> group = groupSlots.get(chatId);
        if (chatId < 0 && group != null && group.size() >= GROUP_MESSAGES) {
            slot = max(slot, group.peekFirst().plus(GROUP_WINDOW));
        }
        return slot;
    }

    private void take(long chatId, Instant slot) {
        chatNext.put(chatId, max(chatNext.getOrDefault(chatId, slot), slot).plus(CHAT_INTERVAL));
        if (chatId < 0) {
            Deque<Instant> group = groupSlots.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            group.addLast(slot);
            while (group.size() > GROUP_MESSAGES) {
                group.pollFirst();
            }
        }
    }

    /** Forgets chats whose limits no longer hold anything back, so that the maps do not grow without end. */
    private void prune(Instant now) {
        if (chatNext.size() + chatHeld.size() + groupSlots.size() <= PRUNE_ABOVE) {
            return;
        }
        chatNext.values().removeIf(next -> !next.isAfter(now));
        chatHeld.values().removeIf(until -> !until.isAfter(now));
        Iterator<Deque<Instant>> groups = groupSlots.values().iterator();
        while (groups.hasNext()) {
            Deque<Instant> slots = groups.next();
            if (!slots.peekLast().plus(GROUP_WINDOW).isAfter(now)) {
                groups.remove();
            }
        }
    }

    private void sleepUntil(Instant at) throws InterruptedException {
        Duration wait = Duration.between(time.instant(), at);
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
