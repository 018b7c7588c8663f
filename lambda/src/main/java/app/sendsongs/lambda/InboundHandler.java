package app.sendsongs.lambda;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.metrics.Intake;
import app.sendsongs.metrics.Meters;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's handling of the chat platforms' events (Messenger's and Telegram's), triggered by the intake queue's event source mapping (FIFO, partial
 * batch responses): each record's event goes to {@code Bot.handle}, in the order SQS handed them over. A record
 * that fails is reported back, with every later record of its message group (the same person) untried, so SQS gives
 * them again in the same order; other people's records go on. The people whose records were received most often go
 * first. Failed records come back after a growing delay
 * ({@link Retries}). One that fails on the queue's last receive is given up alone: it moves to the dead-letter queue,
 * and the later records of its group are handled. Records not started for want of time go back to be received again
 * at once; a sender's records of which one is on its last receive, which SQS would move to the dead-letter queue on the
 * next receive, untried, are put back on the queue as new messages instead ({@link LastReceiveRequeue}).
 *
 * <p>SQS delivers at least once and drops duplicates only within five minutes, so an event may be handed over more
 * than once; the bot recognises an event it has seen by its delivery key.
 */
public final class InboundHandler implements RequestStreamHandler {
    /** Every environment variable this function reads. */
    public static final List<Setting> SETTINGS = List.of(Setting.DYNAMODB_TABLE, Setting.PUBLIC_BASE_URL,
            Setting.SPOTIFY_CLIENT_ID, Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER,
            Setting.SPOTIFY_CLIENT_SECRET_PARAMETER, Setting.TOKEN_ENCRYPTION_KEY_PARAMETER,
            Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER, Setting.INBOUND_QUEUE_URL,
            Setting.LASTFM_API_KEY, Setting.LASTFM_SHARED_SECRET_PARAMETER, Setting.WATCH_SCHEDULE,
            Setting.WATCH_GRACE, Setting.MESSENGER_GRAPH_BASE_URL, Setting.MESSENGER_GRAPH_VERSION,
            Setting.MESSENGER_PAGE,
            Setting.TELEGRAM_BOT_TOKEN_PARAMETER, Setting.TELEGRAM_API_BASE_URL, Setting.SPOTIFY_ACCOUNTS_BASE_URL,
            Setting.SPOTIFY_API_BASE_URL, Setting.LASTFM_WEB_BASE_URL, Setting.LASTFM_API_BASE_URL,
            Setting.LISTENBRAINZ_API_BASE_URL,
            Setting.SEND_LIMIT_PER_HOUR, Setting.SEND_LIMIT_PER_FRIEND_PER_DAY, Setting.SEND_LIMIT_OPEN_INVITES,
            Setting.HELD_MESSAGE_DAYS, Setting.LEASE_SECONDS, Setting.TELEGRAM_MESSAGES_PER_SECOND);

    /**
     * The time an invocation must have left to start another event: a share's Spotify lookup and its two Send API
     * calls, each at its 10-second timeout. Lambda kills an invocation at the function's timeout (60 s); the event in
     * progress would be cut short and the whole batch, handled or not, would come back only when the queue's
     * visibility timeout ends (six minutes). So the events not started by then go back at once instead.
     */
    static final Duration TIME_TO_START_AN_EVENT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    private record Parts(SendSongs app, Retries retries, LastReceiveRequeue requeue) {
    }

    private final Lazy<Parts> parts;
    private final EmbeddedMetrics metrics = new EmbeddedMetrics();
    private final InvocationTime time = new InvocationTime();
    private final Surroundings surroundings;

    /** Used by Lambda: reads and checks the environment, and nothing else until the first batch. */
    public InboundHandler() {
        this(Surroundings.lambda());
    }

    public InboundHandler(Surroundings surroundings) {
        Settings settings = Settings.read(surroundings.environment(), SETTINGS);
        this.surroundings = surroundings;
        this.parts = new Lazy<>(() -> {
            Wiring wiring = Wiring.load(settings, surroundings);
            return new Parts(wiring.app(wiring.chatPlatforms(metrics, time), metrics), wiring.retries(),
                    wiring.lastReceiveRequeue());
        });
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<SqsMessage> messages = SqsMessage.read(ApiGateway.read(input));
        Map<SqsMessage, Duration> failed;
        time.begin(context);
        try {
            Parts parts = this.parts.get();
            failed = handle(parts, messages, metrics, context);
            if (!failed.isEmpty()) {
                parts.retries().schedule(failed);
            }
        } finally {
            time.end();
            metrics.flush(surroundings.clock().instant(), EmbeddedMetrics.functionName(context, "inbound"),
                    surroundings.metricLines());
        }
        LOG.info("batch {}: {} queued events handled, {} back to the queue", ApiGateway.requestId(context),
                messages.size() - failed.size(), failed.size());
        ApiGateway.JSON.writeValue(output, batchResponse(failed.keySet()));
    }

    /**
     * Handles the messages in order; the failed ones and the untried rest of their groups, with their delays, and
     * those not started for want of time, to be received again at once.
     */
    private static Map<SqsMessage, Duration> handle(Parts parts, List<SqsMessage> given, Meters meters,
                                                    Context context) {
        List<SqsMessage> messages = mostReceivedFirst(given);
        Map<String, Duration> failedGroups = new HashMap<>();
        Map<SqsMessage, Duration> failed = new LinkedHashMap<>();
        for (int index = 0; index < messages.size(); index++) {
            SqsMessage message = messages.get(index);
            if (index > 0 && outOfTime(context)) {
                putBackUnstarted(parts, messages.subList(index, messages.size()), failedGroups, failed);
                break;
            }
            Duration groupFailed = failedGroups.get(message.groupId());
            if (groupFailed != null) {
                failed.put(message, groupFailed);
                continue;
            }
            handleOne(parts, message, meters, failedGroups, failed);
        }
        return failed;
    }

    /** Handles one message; when it fails, notes it (and its group, unless it is given up) as failed. */
    private static void handleOne(Parts parts, SqsMessage message, Meters meters, Map<String, Duration> failedGroups,
                                  Map<SqsMessage, Duration> failed) {
        long started = System.nanoTime();
        Inbound event = null;
        try {
            InboundCodec.Queued queued = InboundCodec.read(message.body());
            event = queued.event();
            queued.seen().ifPresent(parts.app()::handleSeen);
            parts.app().bot().handle(event);
            Intake.handled(meters, event, "handled", Duration.ofNanos(System.nanoTime() - started));
            parts.requeue().release(message);
        } catch (RuntimeException e) {
            if (event != null) {
                Intake.handled(meters, event, "failed", Duration.ofNanos(System.nanoTime() - started));
            }
            noteFailure(parts, message, e, failedGroups, failed);
        }
    }

    /**
     * A message that failed on the queue's last receive is given up alone; any other goes back after a delay, with
     * the rest of its group.
     */
    private static void noteFailure(Parts parts, SqsMessage message, RuntimeException e,
                                    Map<String, Duration> failedGroups, Map<SqsMessage, Duration> failed) {
        if (parts.retries().isLastReceive(message)) {
            LOG.error("queued event {} failed on its last receive ({}); it is given up and moves to the "
                    + "dead-letter queue, and its sender's later events go on", message.messageId(),
                    message.receives(), e);
            if (message.isCopy()) {
                parts.requeue().giveUp(message); // its original moves there instead
            } else {
                failed.put(message, Duration.ZERO);
            }
            return;
        }
        Duration delay = Retries.delayAfter(message.receiveCount());
        LOG.error("queued event {} failed on receive {}; it and its sender's later events are tried again "
                + "in {} s", message.messageId(), message.receiveCount(), delay.toSeconds(), e);
        failedGroups.put(message.groupId(), delay);
        failed.put(message, delay);
    }

    /**
     * The messages not started go back to be received again at once, or with their sender's failed event when it has
     * one (the queue hands out no later message of a group before an earlier one). A sender's messages of which one is
     * on its last receive would reach the dead-letter queue untried on the next: they are put back on the queue as
     * new messages, their originals held back until those are done ({@link LastReceiveRequeue}).
     */
    private static void putBackUnstarted(Parts parts, List<SqsMessage> unstarted, Map<String, Duration> failedGroups,
                                         Map<SqsMessage, Duration> failed) {
        LOG.warn("{} queued events not started: too little of the invocation's time is left; they are received "
                + "again at once", unstarted.size());
        Set<String> lastReceives = unstarted.stream()
                .filter(message -> !failedGroups.containsKey(message.groupId()))
                .filter(message -> parts.retries().isLastReceive(message))
                .map(SqsMessage::groupId).collect(Collectors.toSet());
        Set<SqsMessage> copied = lastReceives.isEmpty() ? Set.of() : parts.requeue().putBack(unstarted.stream()
                .filter(message -> lastReceives.contains(message.groupId())).toList());
        if (!copied.isEmpty()) {
            LOG.warn("{} of them, of senders with an event on its last receive, are put back on the queue as new "
                    + "messages, their senders' later events held behind them", copied.size());
        }
        unstarted.forEach(message -> failed.put(message, copied.contains(message) ? LastReceiveRequeue.HOLD
                : failedGroups.getOrDefault(message.groupId(), Duration.ZERO)));
    }

    /**
     * The messages of the people whose events have been received most often first; the others, and each person's, in
     * the order given (the sort is stable). Every receive counts towards the queue's last, also one in which an event
     * was put back unstarted for want of time; so an event close to the dead-letter queue is started before the
     * others, which have receives to spare.
     */
    private static List<SqsMessage> mostReceivedFirst(List<SqsMessage> messages) {
        Map<String, Integer> mostReceived = new HashMap<>();
        messages.forEach(message -> mostReceived.merge(message.groupId(), message.receives(), Math::max));
        List<SqsMessage> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparingInt((SqsMessage message) -> mostReceived.get(message.groupId())).reversed());
        return ordered;
    }

    /** Whether starting another event risks its being cut short by the function's timeout. */
    private static boolean outOfTime(Context context) {
        return context != null && context.getRemainingTimeInMillis() < TIME_TO_START_AN_EVENT.toMillis();
    }

    /** Lambda's partial batch response: the ids of the messages to leave on the queue; none means all done. */
    private static ObjectNode batchResponse(Iterable<SqsMessage> failed) {
        ObjectNode response = ApiGateway.JSON.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        failed.forEach(message -> failures.addObject().put("itemIdentifier", message.messageId()));
        return response;
    }
}
