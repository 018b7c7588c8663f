package app.sendsongs.telegram;

import app.sendsongs.core.chat.InProcessPace;
import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.PaceRules;
import app.sendsongs.core.chat.SendPacer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Keeps the bot's messages within Telegram's limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about one message a second in a chat (short bursts allowed), 20 a minute in a group, about 30 a
 * second in all, or up to 1,000 a second for a bot with paid broadcasts
 * (https://core.telegram.org/bots/api#sendmessage, {@code allow_paid_broadcast}). One limiter serves every call of a
 * {@link TelegramBotApi}; thread-safe. Its pace is kept by a {@link PaceLedger}: in the process, or shared by every
 * process that sends as the bot.
 *
 * <p>A message takes the next free slot of its chat (and group) and waits for it, when the wait is at most
 * {@code maxWait}; a longer wait is answered instead of taken, so that the caller can hold the message and try later
 * ({@link SendPacer}). A 429 holds its chat for the {@code retry_after} Telegram gave. The pace is a little under
 * Telegram's (bursts of {@value #CHAT_BURST} in a chat, a minute of 61 s for groups, 28 a second in all by default) so
 * that network jitter cannot make it look faster on arrival.
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
    /**
     * The name Telegram's pace is kept under where several processes share it (a DynamoDB table's {@code PACE#telegram}
     * items): the same in every runtime, so that servers and Lambda functions on one table keep one pace.
     */
    public static final String SHARED_PACE_NAME = "telegram";

    /** Waits; a test's sleeper moves its clock instead. */
    @FunctionalInterface
    public interface Sleeper extends SendPacer.Sleeper {
    }

    private final SendPacer pacer;

    public TelegramRateLimiter(InstantSource time, Sleeper sleeper, Duration maxWait) {
        this(time, sleeper, maxWait, DEFAULT_PER_SECOND);
    }

    /** Paced in this process alone, at {@code perSecond} messages a second in all, from 1 to {@value #MOST_PER_SECOND}. */
    public TelegramRateLimiter(InstantSource time, Sleeper sleeper, Duration maxWait, int perSecond) {
        this(new InProcessPace(rules(perSecond)), time, sleeper, maxWait);
    }

    /** Paced on {@code pace}, whose rules are {@link #rules(int) Telegram's}. */
    public TelegramRateLimiter(PaceLedger pace, InstantSource time, Sleeper sleeper, Duration maxWait) {
        this.pacer = new SendPacer(pace, time, sleeper, maxWait);
    }

    /** Telegram's limits at {@code perSecond} messages a second in all, from 1 to {@value #MOST_PER_SECOND}. */
    public static PaceRules rules(int perSecond) {
        if (perSecond < 1 || perSecond > MOST_PER_SECOND) {
            throw new IllegalArgumentException("a bot sends 1 to " + MOST_PER_SECOND + " messages a second");
        }
        return new PaceRules(CHAT_INTERVAL, CHAT_BURST, GROUP_MESSAGES, GROUP_WINDOW, perSecond);
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

    /** As {@link #realTime()}, on {@code pace}, shared with every other sender on it. */
    public static TelegramRateLimiter realTime(PaceLedger pace) {
        return new TelegramRateLimiter(pace, InstantSource.system(), Thread::sleep, MOST_WAIT);
    }

    /** Messages a second in all: above Telegram's free 30, the bot pays for each message over it. */
    public int perSecond() {
        return pacer.rules().perSecond();
    }

    /**
     * Waits until one more message to {@code chatId} may go; answers empty then. When that would take longer than
     * {@code maxWait}, or the shared pace cannot be told, answers how long to wait at once and takes nothing.
     *
     * @throws InterruptedException while waiting; the slot stays taken
     */
    public Optional<Duration> acquire(long chatId) throws InterruptedException {
        return pacer.acquire(chatId, chatId < 0);
    }

    /** Telegram answered 429 for {@code chatId}: nothing goes there for {@code retryAfter}. */
    public void hold(long chatId, Duration retryAfter) {
        pacer.hold(chatId, retryAfter);
    }
}
