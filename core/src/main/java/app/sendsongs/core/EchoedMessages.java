package app.sendsongs.core;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.watch.WatchPlanner;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.core.watch.WatchStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Confirms the bot's messages a platform echoed back, for a runtime whose webhook keeps the echoes apart from the
 * events it leaves to others (the serverless webhook function): the messages still held went out and are not sent
 * again ({@link Outbox#confirmSent}), a song's share counting as delivered from then, as {@link SendSongs} does it.
 * It sends nothing, so it needs no chat platform, and it reads no one's tokens.
 */
public final class EchoedMessages {
    /** The parts of the store confirming reads and writes. */
    public record Parts(OutboxStore outbox, ShareStore shares, WatchStore watches) {
    }

    private final Outbox outbox;

    /** @param lease as the bot's ({@link SendSongs.Settings#lease()}): how long a worker holds what it sends */
    public EchoedMessages(Parts store, Clock clock, WatchSchedule schedule, Duration lease) {
        this.outbox = new Outbox(new ChatPlatforms(List.of()), store.outbox(), clock, lease,
                SendSongs.Settings.DEDUPE_WINDOW);
        outbox.onShareDelivered(new ShareDelivery(store.shares(), new WatchPlanner(store.watches(), schedule, clock,
                lease))::delivered);
    }

    /** The platform echoed these ids of the bot's messages: those still held are released without being sent. */
    public void confirm(List<String> ids) {
        outbox.confirmSent(ids);
    }
}
