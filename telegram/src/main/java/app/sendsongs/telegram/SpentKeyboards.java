package app.sendsongs.telegram;

import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes spent choices off the bot's messages ({@link SpentChoices}) with {@code editMessageReplyMarkup}, through the
 * client's one rate limiter. It is cosmetic and tried once: an edit Telegram refuses (the message is gone, can no
 * longer be edited, already shows no choices) or that would wait for the chat's turn longer than the limiter takes is
 * logged and dropped, never retried, and nothing else waits for it. A stale tap still gets its answer from the bot.
 */
public final class SpentKeyboards {
    /** Edits under way at once, past which more are dropped: a flood of taps must not pile up threads. */
    static final int MOST_IN_FLIGHT = 64;
    private static final Logger LOG = LoggerFactory.getLogger(SpentKeyboards.class);

    private final TelegramBotApi api;
    private final Semaphore inFlight = new Semaphore(MOST_IN_FLIGHT);

    public SpentKeyboards(TelegramBotApi api) {
        this.api = api;
    }

    /** Edits the message now, on this thread; never throws for what Telegram answers. */
    public void remove(SpentChoices spent) {
        EditResult result = api.editMessageReplyMarkup(spent.chatId(), spent.messageId(), spent.kept());
        if (result instanceof TelegramFailure failure) {
            LOG.info("the choices under a message stay: {}", failure);
        }
    }

    /** Edits the message on a thread of its own, so that the caller (a webhook's answer) does not wait for it. */
    public void removeLater(SpentChoices spent) {
        if (!inFlight.tryAcquire()) {
            LOG.info("the choices under a message stay: {} edits are under way already", MOST_IN_FLIGHT);
            return;
        }
        Thread.ofVirtual().name("spent-keyboard").start(() -> {
            try {
                remove(spent);
            } finally {
                inFlight.release();
            }
        });
    }
}
