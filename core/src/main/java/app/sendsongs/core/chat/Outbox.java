package app.sendsongs.core.chat;

import app.sendsongs.core.shared.AtOnce;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.StableIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

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
    /** How many refusals for good a message gets before it is given up. */
    public static final int MOST_REFUSALS = 3;
    /**
     * By default, how long a message may wait for its person (who has not written to the bot since) before it is
     * given up.
     */
    public static final Duration HOLD_LIMIT = Duration.ofDays(14);

    private final OutboxStore store;
    private final Duration holdLimit;
    private final RetryTimes retryTimes;
    private final LeasedSend leasedSend;
    private final InOrderSending inOrder;
    private final Withdrawals withdrawals;

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
        this.store = store;
        this.holdLimit = holdLimit;
        this.retryTimes = new RetryTimes(clock);
        this.leasedSend = new LeasedSend(chats, store, clock, sendLease, remember, retryTimes);
        this.inOrder = new InOrderSending(chats, store, clock, sendLease, holdLimit, leasedSend);
        this.withdrawals = new Withdrawals(store, clock, leasedSend, inOrder);
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
        leasedSend.waitForEchoesOfEarlierRuns();
    }

    /** How long a message may wait for its person before it is given up. */
    public Duration holdLimit() {
        return holdLimit;
    }

    /** Told the share id and the time whenever a song delivery actually reaches its receiver. */
    public void onShareDelivered(BiConsumer<String, Instant> listener) {
        leasedSend.onShareDelivered(listener);
    }

    /** Told the share id when a song delivery is given up, and why. */
    public void onShareGivenUp(BiConsumer<String, GivenUp> listener) {
        leasedSend.onShareGivenUp(listener);
    }

    /** Answers something the person just wrote: the one answer of the event being handled. */
    public Delivery reply(ChatAddress to, Message message) {
        return inOrder.send(to, message, MessageKind.RESPONSE, Cause.id("reply"), Optional.empty(), List.of());
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
        return inOrder.send(to, message, MessageKind.UPDATE, Cause.nextId("notice to " + to.key()), Optional.empty(),
                about);
    }

    /**
     * Tells the person something that happens once for a thing ({@code id}, a name-based id such as
     * {@code StableIds.of("played", shareId)}): telling it again does nothing.
     */
    public Delivery notifyOnce(String id, ChatAddress to, Message message, List<ChatAddress> about) {
        return inOrder.send(to, message, MessageKind.UPDATE, id, Optional.empty(), about);
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
        return inOrder.send(to, message, MessageKind.UPDATE, deliveryId(shareId), Optional.of(shareId), about);
    }

    /**
     * The shares whose songs still wait to reach {@code to} and name {@code person} besides their sender (who may be
     * {@code person}): the ids of the shares, in the order they are held.
     */
    public List<String> heldSongsNaming(ChatAddress to, ChatAddress person) {
        return withdrawals.heldSongsNaming(to, person);
    }

    /**
     * Holds a song still waiting for {@code to} again as {@code message}, in place of what it first said (which named
     * someone who is gone), about its sender alone. The new wording is held before the first is taken back: cut
     * short in between, the song waits in both, and doing this again takes the first back; never in neither.
     */
    public void rewordShare(ChatAddress to, String shareId, Message message, ChatAddress from) {
        withdrawals.rewordShare(to, shareId, message, from);
    }

    /**
     * Posts {@code message} in a group chat, once for {@code id} (a name-based id, as for {@link #notifyOnce}), in
     * that chat's queue like any message to a person; {@link #sentAs} tells the platform's id of the post once it
     * went out. The message must fit in one part (see {@link ChatPlatforms#parts}).
     */
    public Delivery post(ChatAddress chat, Message message, String id, List<ChatAddress> about) {
        return inOrder.send(chat, message, MessageKind.UPDATE, id, Optional.empty(), about);
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
        return withdrawals.holds(id);
    }

    /**
     * Takes back a song delivery that is still held (the share was cancelled): every part of it, since only the last
     * part carries the share's id, and a text left behind would announce a song that never comes.
     */
    public void withdrawShare(ChatAddress to, String shareId) {
        withdrawals.withdrawShare(to, shareId);
    }

    /**
     * Takes back the messages still held for {@code to} that name {@code person} and are of one kind, which
     * {@code kind} tells by the id a message was held under and its text (that of its parts still held, in order);
     * returns how many parts.
     */
    public int withdrawHeld(ChatAddress to, ChatAddress person, BiPredicate<String, String> kind) {
        return withdrawals.withdrawHeld(to, person, kind);
    }

    /**
     * The messages still held for {@code to} that name {@code person} and are of the kind {@code kind} tells (as for
     * {@link #withdrawHeld}): the id each was held under, with its text, in the order they are held.
     */
    public Map<String, String> heldOfKind(ChatAddress to, ChatAddress person, BiPredicate<String, String> kind) {
        return withdrawals.heldOfKind(to, person, kind);
    }

    /**
     * Those of {@code ids} (name-based, as for {@link #notifyOnce}) under which a message, or a part of one, is still
     * held for {@code to}.
     */
    public Set<String> heldAmong(ChatAddress to, Collection<String> ids) {
        return withdrawals.heldAmong(to, ids);
    }

    /** Takes back every part still held for {@code to} of the messages held under {@code ids}; returns how many. */
    public int withdraw(ChatAddress to, Collection<String> ids) {
        return withdrawals.withdraw(to, ids);
    }

    /** Takes back every message not sent yet, to anyone, that carries the person's name; returns how many. */
    public int withdrawAbout(ChatAddress person) {
        return withdrawals.withdrawAbout(person);
    }

    /**
     * The platform echoed these ids (of messages it delivered): those still held went out, maybe from a
     * worker that died before it could release them. They are released without being sent again.
     */
    public void confirmSent(List<String> ids) {
        leasedSend.confirmSent(ids);
    }

    /**
     * The person can be reached again without having written (they unblocked the bot): their held messages may go out
     * now, oldest first, as updates (a platform's window, such as Messenger's, stays as it was).
     */
    public void personReachable(ChatAddress person) {
        inOrder.sendInOrder(store.heldMessagesFor(person), MessageKind.UPDATE);
    }

    /** The person wrote to the bot: their held messages may go out now, oldest first. */
    public void personWrote(ChatAddress person) {
        personWrote(store.heldMessagesFor(person));
    }

    /** As {@link #personWrote(ChatAddress)}, with their held messages as {@link #heldFor} read them just now. */
    public void personWrote(List<HeldMessage> held) {
        inOrder.sendInOrder(held, MessageKind.RESPONSE);
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
        return inOrder.retryDue(limit);
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

    /** The id under which a share's song is held and sent: one delivery per share. */
    static String deliveryId(String shareId) {
        return StableIds.of("delivery", shareId);
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
