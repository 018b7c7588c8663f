package app.sendsongs.core.chat;

import app.sendsongs.core.shared.AtOnce;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Checkpoint;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends the bot's messages through the receiver's chat platform, each one held in the store first
 * and released once the platform took it, so nothing is lost and nothing goes twice:
 *
 * <ul>
 * <li><b>Held first.</b> A message gets an id derived from its cause (the event being handled, see
 * {@link Cause}; the share it delivers; the share whose play it tells) and is held under that id
 * before it is sent. The same cause done again after a crash finds it held, or remembered as sent,
 * and does not send it again. A long text is held in parts, each sent and released on its own, so
 * a part that went is not sent again.</li>
 * <li><b>Leased while sent.</b> Whoever sends a held message takes it for {@code sendLease} first; if
 * that worker dies, the message is retried when the lease ends. The platform may have taken it just
 * before: the message's id goes with it, and a platform that echoes its messages back (Messenger)
 * lets {@link #confirmSent} release it before the lease ends, so it is not sent again. The lease is
 * long enough for that echo to arrive.</li>
 * <li><b>In order.</b> While a person's message waits (a platform rule against messaging them now,
 * such as Messenger's 24-hour window, or a passing failure), their later messages wait behind it;
 * they go out oldest first when the person next writes or a retry is due.</li>
 * <li><b>Bounded.</b> A message the platform refuses for good (a bad request, a person it cannot
 * reach) stops holding back later ones and is given up after {@value #MOST_REFUSALS} refusals; a
 * message still waiting its hold limit (14 days unless configured) after it was held is given up too. A song given up tells
 * the share's listener, which tells the sender.</li>
 * </ul>
 */
public final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    /** How many refusals for good a message gets before it is given up. */
    public static final int MOST_REFUSALS = 3;
    /**
     * By default, how long a message may wait for its person (who has not written to the bot since) before it is
     * given up.
     */
    public static final Duration HOLD_LIMIT = Duration.ofDays(14);

    private final ChatPlatforms chats;
    private final OutboxStore store;
    private final Clock clock;
    /** Longer than a send can take plus the time its echo takes to come back, so a message is never sent twice. */
    private final Duration sendLease;
    /** How long the id of a message that left is remembered, so the same cause cannot hold it again. */
    private final Duration remember;
    private final Duration holdLimit;
    private final RetryTimes retryTimes;
    /** When this run began to wait for the echoes of earlier runs' messages, and until when ({@link #waitForEchoesOfEarlierRuns}). */
    private volatile Instant runStarted = Instant.MIN;
    private volatile Instant earlierRunsWaitUntil = Instant.MIN;
    private volatile BiConsumer<String, Instant> shareDelivered = (shareId, at) -> { };
    private volatile BiConsumer<String, GivenUp> shareGivenUp = (shareId, why) -> { };

    /**
     * @param sendLease how long a worker holds a message it sends (see the class comment)
     * @param remember  how long ids of messages that left are remembered: longer than a cause can be done
     *                  again (the inbound events' dedupe window)
     */
    public Outbox(ChatPlatforms chats, OutboxStore store, Clock clock, Duration sendLease, Duration remember) {
        this(chats, store, clock, sendLease, remember, HOLD_LIMIT);
    }

    /** @param holdLimit how long a message may wait for its person before it is given up */
    public Outbox(ChatPlatforms chats, OutboxStore store, Clock clock, Duration sendLease, Duration remember,
                  Duration holdLimit) {
        if (!holdLimit.isPositive()) {
            throw new IllegalArgumentException("a message must be allowed to wait for its person");
        }
        this.chats = chats;
        this.store = store;
        this.clock = clock;
        this.sendLease = sendLease;
        this.remember = remember;
        this.holdLimit = holdLimit;
        this.retryTimes = new RetryTimes(clock);
    }

    /**
     * For a process that takes over the store from an earlier one (a server started again after a crash): the messages
     * held before now that wait for a retry time, among them those the earlier process was sending when it died, are
     * sent again no sooner than one send lease from now. A platform that echoes the bot's messages (Messenger) could
     * not deliver the echoes of those it took while no process answered; it delivers them again once one does, and
     * they release the messages before anyone sends them twice. Without the wait, a message whose lease ended while
     * the server was down would be sent again at once, before its echo came. Messages held from now on are not held
     * back.
     */
    public void waitForEchoesOfEarlierRuns() {
        Instant now = clock.instant();
        runStarted = now;
        earlierRunsWaitUntil = now.plus(sendLease);
    }

    /** How long a message may wait for its person before it is given up. */
    public Duration holdLimit() {
        return holdLimit;
    }

    /** Told the share id and the time whenever a song delivery actually reaches its receiver. */
    public void onShareDelivered(BiConsumer<String, Instant> listener) {
        this.shareDelivered = listener;
    }

    /** Told the share id when a song delivery is given up, and why. */
    public void onShareGivenUp(BiConsumer<String, GivenUp> listener) {
        this.shareGivenUp = listener;
    }

    /** Answers something the person just wrote: the one answer of the event being handled. */
    public Delivery reply(ChatAddress to, Message message) {
        return send(to, message, MessageKind.RESPONSE, Cause.id("reply"), Optional.empty(), List.of());
    }

    /** Tells the person something they did not just ask for, naming nobody else. */
    public Delivery notify(ChatAddress to, Message message) {
        return notify(to, message, List.of());
    }

    /**
     * Tells the person something they did not just ask for that names the people {@code about}; its
     * id is the next of the current cause's notices to them.
     */
    public Delivery notify(ChatAddress to, Message message, List<ChatAddress> about) {
        return send(to, message, MessageKind.UPDATE, Cause.nextId("notice to " + to.key()), Optional.empty(), about);
    }

    /**
     * Tells the person something that happens once for a thing ({@code id}, a name-based id such as
     * {@code StableIds.of("played", shareId)}): telling it again does nothing.
     */
    public Delivery notifyOnce(String id, ChatAddress to, Message message, List<ChatAddress> about) {
        return send(to, message, MessageKind.UPDATE, id, Optional.empty(), about);
    }

    /**
     * Delivers a shared song from {@code from}; the share's delivery listener runs when it really goes out.
     * Delivering one share again does nothing.
     */
    public Delivery deliverShare(ChatAddress to, Message message, String shareId, ChatAddress from) {
        return deliverShare(to, message, shareId, from, List.of());
    }

    /** As {@link #deliverShare(ChatAddress, Message, String, ChatAddress)}, for a song naming {@code others} too. */
    public Delivery deliverShare(ChatAddress to, Message message, String shareId, ChatAddress from,
                                 List<ChatAddress> others) {
        List<ChatAddress> about = new ArrayList<>(List.of(from));
        about.addAll(others);
        return send(to, message, MessageKind.UPDATE, deliveryId(shareId), Optional.of(shareId), about);
    }

    /**
     * The shares whose songs still wait to reach {@code to} and name {@code person} besides their sender (who may be
     * {@code person}): the ids of the shares, in the order they are held.
     */
    public List<String> heldSongsNaming(ChatAddress to, ChatAddress person) {
        return store.heldMessagesFor(to).stream().filter(held -> held.about().contains(person))
                .flatMap(held -> held.shareId().stream()).toList();
    }

    /**
     * Holds a song still waiting for {@code to} again as {@code message}, in place of what it first said (which named
     * someone who is gone), about its sender alone. The new wording is held before the first is taken back: cut
     * short in between, the song waits in both, and doing this again takes the first back; never in neither.
     */
    public void rewordShare(ChatAddress to, String shareId, Message message, ChatAddress from) {
        List<HeldMessage> first = heldParts(to, deliveryId(shareId));
        if (first.isEmpty()) {
            return;
        }
        send(to, message, MessageKind.UPDATE, rewordedId(shareId), Optional.of(shareId), List.of(from));
        first.forEach(part -> store.releaseHeldMessage(part, keepUntil()));
        nextIsDue(to, clock.instant());
    }

    /**
     * Posts {@code message} in a group chat, once for {@code id} (a name-based id, as for {@link #notifyOnce}), in
     * that chat's queue like any message to a person; {@link #sentAs} tells the platform's id of the post once it
     * went out. The message must fit in one part (see {@link ChatPlatforms#parts}).
     */
    public Delivery post(ChatAddress chat, Message message, String id, List<ChatAddress> about) {
        return send(chat, message, MessageKind.UPDATE, id, Optional.empty(), about);
    }

    /**
     * The platform's id of the message held under {@code id} (a post to edit later), once it went out and while its
     * id is remembered; empty while it waits, and for a message given up, withdrawn, or sent where the platform gives
     * no id.
     */
    public Optional<String> sentAs(String id) {
        return store.sentAs(id);
    }

    /** Whether the message held under {@code id} (a name-based id, as for {@link #notifyOnce}) has still to go out. */
    public boolean holds(String id) {
        return !store.heldMessages(List.of(id, partId(id, 0, 2))).isEmpty();
    }

    /**
     * Takes back a song delivery that is still held (the share was cancelled): every part of it, since only the last
     * part carries the share's id, and a text left behind would announce a song that never comes.
     */
    public void withdrawShare(ChatAddress to, String shareId) {
        List<HeldMessage> parts = new ArrayList<>(heldParts(to, deliveryId(shareId)));
        parts.addAll(heldParts(to, rewordedId(shareId)));
        parts.forEach(part -> store.releaseHeldMessage(part, keepUntil()));
        if (!parts.isEmpty()) {
            // What waited behind the song (for its retry) would otherwise wait until the person writes.
            nextIsDue(to, clock.instant());
        }
    }

    /**
     * Takes back the messages still held for {@code to} that name {@code person} and are of one kind, which
     * {@code kind} tells by the id a message was held under and its text (that of its parts still held, in order);
     * returns how many parts.
     */
    public int withdrawHeld(ChatAddress to, ChatAddress person, BiPredicate<String, String> kind) {
        List<HeldMessage> taken = heldNaming(to, person).entrySet().stream()
                .filter(message -> kind.test(message.getKey(), wholeText(message.getValue())))
                .flatMap(message -> message.getValue().stream()).toList();
        return release(to, taken);
    }

    /**
     * The messages still held for {@code to} that name {@code person} and are of the kind {@code kind} tells (as for
     * {@link #withdrawHeld}): the id each was held under, with its text, in the order they are held.
     */
    public Map<String, String> heldOfKind(ChatAddress to, ChatAddress person, BiPredicate<String, String> kind) {
        Map<String, String> texts = new LinkedHashMap<>();
        heldNaming(to, person).forEach((id, parts) -> {
            String text = wholeText(parts);
            if (kind.test(id, text)) {
                texts.put(id, text);
            }
        });
        return texts;
    }

    /** The parts still held for {@code to} that name {@code person}, by the id of the message they are parts of. */
    private Map<String, List<HeldMessage>> heldNaming(ChatAddress to, ChatAddress person) {
        return store.heldMessagesFor(to).stream().filter(held -> held.about().contains(person))
                .collect(Collectors.groupingBy(held -> messageId(held.id()), LinkedHashMap::new, Collectors.toList()));
    }

    private static String wholeText(List<HeldMessage> parts) {
        return parts.stream().map(part -> part.message().text()).collect(Collectors.joining("\n"));
    }

    /**
     * Those of {@code ids} (name-based, as for {@link #notifyOnce}) under which a message, or a part of one, is still
     * held for {@code to}.
     */
    public Set<String> heldAmong(ChatAddress to, Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return store.heldMessagesFor(to).stream().map(held -> messageId(held.id())).filter(wanted::contains)
                .collect(Collectors.toSet());
    }

    /** Takes back every part still held for {@code to} of the messages held under {@code ids}; returns how many. */
    public int withdraw(ChatAddress to, Collection<String> ids) {
        Set<String> taken = Set.copyOf(ids);
        return release(to, store.heldMessagesFor(to).stream().filter(held -> taken.contains(messageId(held.id())))
                .toList());
    }

    /** Releases these parts held for {@code to}, taken back; returns how many. */
    private int release(ChatAddress to, List<HeldMessage> parts) {
        parts.forEach(part -> store.releaseHeldMessage(part, keepUntil()));
        if (!parts.isEmpty()) {
            // What waited behind them would otherwise wait until the person writes.
            nextIsDue(to, clock.instant());
        }
        return parts.size();
    }

    /** Every part still held for {@code to} of the message held under {@code id}. */
    private List<HeldMessage> heldParts(ChatAddress to, String id) {
        return store.heldMessagesFor(to).stream()
                .filter(held -> held.id().equals(id) || held.id().startsWith(id + "#"))
                .toList();
    }

    /** Takes back every message not sent yet, to anyone, that carries the person's name; returns how many. */
    public int withdrawAbout(ChatAddress person) {
        return store.withdrawAbout(person, keepUntil());
    }

    /**
     * The platform echoed these ids (of messages it delivered): those still held went out, maybe from a
     * worker that died before it could release them. They are released without being sent again.
     */
    public void confirmSent(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (HeldMessage sent : store.heldMessages(ids)) {
            sent.shareId().ifPresent(id -> shareDelivered.accept(id, now));
            store.releaseHeldMessage(sent, keepUntil());
            nextIsDue(sent.to(), now);
        }
    }

    /**
     * The message that held back the person's queue left without its worker (it died after the platform
     * took it): the next one, which waited behind it, is made due now, so the tick sends it and what follows.
     * Conditional as a lease is: one another worker took meanwhile is left alone.
     */
    private void nextIsDue(ChatAddress person, Instant now) {
        head(store.heldMessagesFor(person))
                .filter(next -> next.retryAt().isEmpty())
                .ifPresent(next -> store.leaseHeldMessage(next, now, now));
    }

    /**
     * The person can be reached again without having written (they unblocked the bot): their held messages may go out
     * now, oldest first, as updates (a platform's window, such as Messenger's, stays as it was).
     */
    public void personReachable(ChatAddress person) {
        sendInOrder(store.heldMessagesFor(person), MessageKind.UPDATE);
    }

    /** The person wrote to the bot: their held messages may go out now, oldest first. */
    public void personWrote(ChatAddress person) {
        personWrote(store.heldMessagesFor(person));
    }

    /** As {@link #personWrote(ChatAddress)}, with their held messages as {@link #heldFor} read them just now. */
    public void personWrote(List<HeldMessage> held) {
        sendInOrder(held, MessageKind.RESPONSE);
    }

    /** The messages held for the person, oldest first. */
    public List<HeldMessage> heldFor(ChatAddress person) {
        return store.heldMessagesFor(person);
    }

    /**
     * Retries held messages whose time has come and gives up those past their expiry. A person's
     * queue is retried from the first message that holds back the others, and what was held behind it
     * follows it when it goes out; a message refused before is retried on its own. People are retried at once
     * (see {@link AtOnce}). Returns how many were due (at most {@code limit}).
     */
    public int retryDue(int limit) {
        Instant now = clock.instant();
        List<HeldMessage> dueMessages = store.heldMessagesToRetry(now, limit);
        // A person's queue may go out at their chat's pace: each person's in turn, all people at once.
        AtOnce.eachKey(dueMessages, HeldMessage::to, due -> retry(due, now));
        return dueMessages.size();
    }

    private void retry(HeldMessage due, Instant now) {
        if (!now.isBefore(due.expiresAt())) {
            expire(due, now);
        } else if (!due.holdsBackLaterMessages()) {
            if (sendHeld(due, MessageKind.UPDATE)) {
                takeAlongWhatQueued(due.to());
            }
        } else {
            List<HeldMessage> queue = store.heldMessagesFor(due.to());
            Optional<HeldMessage> first = head(queue);
            if (first.filter(head -> head.id().equals(due.id())).isPresent()) {
                sendInOrder(queue, MessageKind.UPDATE);
            } else if (first.isPresent()) {
                // It waits behind another message, which takes the queue along when it goes.
                store.holdMessage(due.retryingAt(Optional.empty()), due.retryAt());
            }
        }
    }

    /**
     * A message whose lease ended went out: if it was going out with the queue behind it when its worker died,
     * nothing else would take that queue along, so this does. A queue waiting for a retry or for its person stays.
     */
    private void takeAlongWhatQueued(ChatAddress person) {
        List<HeldMessage> queue = store.heldMessagesFor(person);
        boolean queuedBehindNothing = head(queue).filter(head -> waitingFor(head) == Delivery.QUEUED).isPresent();
        if (queuedBehindNothing) {
            sendInOrder(queue, MessageKind.UPDATE);
        }
    }

    /**
     * As {@link #retryDue}, but only once a retry time this process gave a failed message has come, so that it can be
     * asked every second without a store query each time; {@link #retryDue} (the tick) finds every other message
     * due. Returns how many were due.
     */
    public int retryWaited(int limit) {
        if (!retryTimes.anyCome()) {
            return 0;
        }
        return retryDue(limit);
    }

    private void expire(HeldMessage due, Instant now) {
        if (store.leaseHeldMessage(due, now, now.plus(sendLease))) {
            LOG.info("a message waited " + Texts.duration(holdLimit) + " for its person and was given up");
            giveUp(due, GivenUp.NEVER_WROTE);
        }
    }

    /**
     * Sends a person's queue in order, up to the first message that cannot go now. While a pass sends something,
     * what was held behind those meanwhile (it waited for them) follows in another pass: at a chat's pace a long
     * queue takes a while, and nothing else would take along what joined it.
     */
    private void sendInOrder(List<HeldMessage> queue, MessageKind kind) {
        int sent = sendUntilHeld(queue, kind);
        while (sent > 0) {
            sent = sendUntilHeld(store.heldMessagesFor(queue.getFirst().to()), kind);
        }
    }

    /** How many it sent; -1 when a message that holds back the others could not go. */
    private int sendUntilHeld(List<HeldMessage> queue, MessageKind kind) {
        Instant now = clock.instant();
        int sent = 0;
        for (HeldMessage held : queue) {
            // A message refused before waits for its own retry time; one in its first send is another worker's.
            boolean notOursNow = !held.holdsBackLaterMessages() && held.retryAt().filter(now::isBefore).isPresent();
            if (notOursNow) {
                continue;
            }
            if (sendHeld(held, kind)) {
                sent++;
            } else if (held.holdsBackLaterMessages()) {
                return -1;
            }
        }
        return sent;
    }

    private Delivery send(ChatAddress to, Message message, MessageKind kind, String id, Optional<String> shareId,
                          List<ChatAddress> about) {
        Instant now = clock.instant();
        List<HeldMessage> waiting = store.heldMessagesFor(to);
        Optional<HeldMessage> ahead = head(waiting);
        // Nothing held ahead (a message in its first send, another worker's, holds back nobody): held under
        // this worker's lease and sent now. Else it waits behind the first message ahead, which takes it along
        // when it goes (at its retry, or when the person writes).
        Optional<Instant> retryAt = ahead.isEmpty() ? Optional.of(now.plus(sendLease)) : Optional.empty();
        List<HeldMessage> parts = parts(to, message, id, shareId, about, now, retryAt);
        List<HeldMessage> held = store.holdNew(parts);
        if (held.size() < parts.size()) {
            // An earlier attempt at this cause held it: it goes out (or went) in its turn.
            return statusOfEarlier(parts, store.heldMessagesFor(to));
        }
        if (ahead.isPresent()) {
            return heldBehind(held, kind);
        }
        return sendLeased(held, kind);
    }

    /**
     * Parts just held behind a message ahead of them. That message may have gone out meanwhile, its sender looking for
     * what waited behind it before these were held: then nobody would take them along, so this worker sends the queue
     * if they now come first. Whoever looks last finds them, and the lease lets only one of them send each.
     */
    private Delivery heldBehind(List<HeldMessage> parts, MessageKind kind) {
        List<HeldMessage> queue = store.heldMessagesFor(parts.getFirst().to());
        boolean theyComeFirst = head(queue).filter(head -> head.id().equals(parts.getFirst().id())).isPresent();
        if (!theyComeFirst) {
            return status(queue);
        }
        sendInOrder(queue, kind);
        return statusOfEarlier(parts, store.heldMessagesFor(parts.getFirst().to()));
    }

    private List<HeldMessage> parts(ChatAddress to, Message message, String id, Optional<String> shareId,
                                    List<ChatAddress> about, Instant now, Optional<Instant> retryAt) {
        List<Message> texts = chats.parts(to, message);
        List<HeldMessage> parts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1;
            parts.add(new HeldMessage(partId(id, i, texts.size()), to, texts.get(i), now, retryAt,
                    last ? shareId : Optional.empty(), 0, 0, now.plus(holdLimit), about));
        }
        return parts;
    }

    /** The id of part {@code index} (from 0) of a message of {@code parts} parts held under {@code id}. */
    private static String partId(String id, int index, int parts) {
        return parts == 1 ? id : id + "#" + (index + 1);
    }

    /** The id a message was held under, from the id of one of its parts ({@link #partId}). */
    private static String messageId(String partId) {
        int number = partId.lastIndexOf('#');
        return number < 0 ? partId : partId.substring(0, number);
    }

    /** Sends parts this worker has just held and leased, in order; the first that cannot go keeps the rest. */
    private Delivery sendLeased(List<HeldMessage> parts, MessageKind kind) {
        Delivery delivery = Delivery.SENT;
        for (int i = 0; i < parts.size(); i++) {
            HeldMessage part = parts.get(i);
            SendOutcome outcome = sendNow(part, kind);
            if (settle(part, outcome)) {
                continue;
            }
            if (outcome instanceof SendOutcome.OutsideWindow || outcome instanceof SendOutcome.Failed) {
                // The rest wait behind this part: no longer leased, they follow it when it goes.
                parts.subList(i + 1, parts.size())
                        .forEach(rest -> store.holdMessage(rest.retryingAt(Optional.empty()), rest.retryAt()));
                return outcome instanceof SendOutcome.Failed ? Delivery.RETRYING : Delivery.WAITING_FOR_PERSON;
            }
            delivery = Delivery.WAITING_FOR_PERSON; // refused: the parts after it go on
        }
        return delivery;
    }

    /**
     * Sends a held message unless another worker (another server, or the tick beside the webhook) is
     * sending it, or it waits for a retry time still to come: the lease makes sure only one worker
     * sends it. False when it was not sent now.
     */
    private boolean sendHeld(HeldMessage held, MessageKind kind) {
        Instant now = clock.instant();
        if (waitsForItsEcho(held, now)) {
            return false;
        }
        Instant leaseUntil = now.plus(sendLease);
        Optional<HeldMessage> leased = lease(held, now, leaseUntil);
        return leased.isPresent() && settle(leased.get(), sendNow(leased.get(), kind));
    }

    /**
     * Leases {@code held} as it was read, or as it is now when it changed since and its time has come: the echo of
     * the message before it, overtaking that message's release, makes it due at once ({@link #nextIsDue}), and the
     * worker sending the queue is the one to send it, not the next tick.
     */
    private Optional<HeldMessage> lease(HeldMessage held, Instant now, Instant leaseUntil) {
        if (store.leaseHeldMessage(held, now, leaseUntil)) {
            return Optional.of(held.retryingAt(Optional.of(leaseUntil)));
        }
        return store.heldMessages(List.of(held.id())).stream()
                .filter(changed -> !changed.retryAt().equals(held.retryAt()) && !waitsForItsEcho(changed, now))
                .filter(changed -> store.leaseHeldMessage(changed, now, leaseUntil))
                .map(changed -> changed.retryingAt(Optional.of(leaseUntil)))
                .findFirst();
    }

    /** Whether a message an earlier run may have sent still waits for its echo (see {@link #waitForEchoesOfEarlierRuns}). */
    private boolean waitsForItsEcho(HeldMessage held, Instant now) {
        return held.retryAt().isPresent() && held.heldAt().isBefore(runStarted) && now.isBefore(earlierRunsWaitUntil);
    }

    /**
     * Hands one message to its platform, a {@link Checkpoint} first: a send may take a while (the platform's
     * timeout, a chat's pace), and the work it is part of (an event being handled) may keep what it holds. Its times
     * are worded as they read now: a notice may have waited days for the person to write.
     */
    private SendOutcome sendNow(HeldMessage held, MessageKind kind) {
        Checkpoint.passed();
        Message message = held.message();
        return chats.send(held.to(), message.withText(RelativeTime.worded(message.text(), clock.instant())), kind,
                held.id());
    }

    /**
     * Records what became of one attempt of {@code held} (as this worker leased it: its retry time is the lease); true
     * when the message went out. A message held again is held again only while the lease is still this worker's.
     */
    private boolean settle(HeldMessage held, SendOutcome outcome) {
        switch (outcome) {
            case SendOutcome.Sent sent -> {
                // The share first: if the process dies before the release, the message is confirmed or
                // retried, and the share's listener is told again (it acts once).
                held.shareId().ifPresent(id -> shareDelivered.accept(id, clock.instant()));
                store.releaseHeldMessage(held, keepUntil(), sent.messageRef());
                return true;
            }
            case SendOutcome.OutsideWindow outside -> store.holdMessage(held.triedOnce(Optional.empty()), held.retryAt());
            case SendOutcome.Failed failed -> {
                Instant retryAt = retryTimes.retryTime(failed, held);
                retryTimes.given(retryAt);
                store.holdMessage(held.triedOnce(Optional.of(retryAt)), held.retryAt());
            }
            case SendOutcome.Unreachable unreachable -> refused(held, unreachable.reason(), Optional.empty());
            case SendOutcome.Refused refused -> refused(held, refused.reason(), Optional.of(retryTimes.refusalRetryTime(held)));
        }
        LOG.fine(() -> "message held: " + outcome.getClass().getSimpleName());
        return false;
    }

    /** Refused for good: tried again later (or when the person writes), given up after the last refusal. */
    private void refused(HeldMessage held, String reason, Optional<Instant> retryAt) {
        if (held.refusals() + 1 >= MOST_REFUSALS) {
            LOG.warning("a message was refused " + MOST_REFUSALS + " times and is given up: " + reason);
            giveUp(held, GivenUp.REFUSED);
        } else {
            store.holdMessage(held.refusedOnce(retryAt.map(at -> at.isAfter(held.expiresAt()) ? held.expiresAt() : at)),
                    held.retryAt());
        }
    }

    private void giveUp(HeldMessage held, GivenUp why) {
        held.shareId().ifPresent(id -> shareGivenUp.accept(id, why));
        store.releaseHeldMessage(held, keepUntil());
    }

    private Instant keepUntil() {
        return clock.instant().plus(remember);
    }

    /** What became of a message an earlier attempt at its cause held: still held, or gone (sent). */
    private static Delivery statusOfEarlier(List<HeldMessage> parts, List<HeldMessage> waiting) {
        List<String> ids = parts.stream().map(HeldMessage::id).toList();
        return waiting.stream().filter(held -> ids.contains(held.id())).findFirst()
                .map(Outbox::waitingFor)
                .orElse(Delivery.SENT);
    }

    private static Delivery status(List<HeldMessage> waiting) {
        return head(waiting).map(Outbox::waitingFor).orElse(Delivery.WAITING_FOR_PERSON);
    }

    /** The first message of a person's queue that holds back the ones after it, if any. */
    private static Optional<HeldMessage> head(List<HeldMessage> queue) {
        return queue.stream().filter(HeldMessage::holdsBackLaterMessages).findFirst();
    }

    /**
     * What a held message, or a queue with it first, waits for: the end of its first send (a send still under way,
     * or one a run cut short began); its retry time; the person (the platform would not take it); or, never tried,
     * only the messages ahead of it going out now.
     */
    private static Delivery waitingFor(HeldMessage held) {
        if (held.retryAt().isPresent()) {
            return held.tries() == 0 && held.refusals() == 0 ? Delivery.SENDING : Delivery.RETRYING;
        }
        return held.tries() == 0 && held.refusals() == 0 ? Delivery.QUEUED : Delivery.WAITING_FOR_PERSON;
    }

    /** The id under which a share's song is held and sent: one delivery per share. */
    static String deliveryId(String shareId) {
        return StableIds.of("delivery", shareId);
    }

    /** The id under which a share's song is held again in other words ({@link #rewordShare}). */
    private static String rewordedId(String shareId) {
        return StableIds.of("delivery reworded", shareId);
    }

    /** Whether a message went out now, and if not, what it waits for. */
    public enum Delivery {
        SENT,
        /**
         * In its first send, under way or begun by a run that was cut short: it went (its echo, where the platform
         * echoes, says so) or it goes again when that send's lease ends. Nothing failed.
         */
        SENDING,
        /** Held until the person next writes (their platform's rules forbid it now, or they cannot be reached). */
        WAITING_FOR_PERSON,
        /** Held after a passing failure; retried automatically. */
        RETRYING,
        /** Held behind the person's messages going out now (at their chat's pace); it follows them. */
        QUEUED
    }

    /** Why a message was given up. */
    public enum GivenUp {
        /** The platform refused it {@value #MOST_REFUSALS} times (a bad request, a person it cannot reach). */
        REFUSED,
        /** Its person did not write to the bot within the hold limit, so it could never go. */
        NEVER_WROTE
    }
}
