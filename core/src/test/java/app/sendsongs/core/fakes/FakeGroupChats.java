package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Group chats of a made-up platform that keeps what the bot posted in each chat (edits applied), who is in each chat,
 * and how each tap was answered. A chat can be made to hold back the next posts or edits (a rate limit) or be left.
 */
public final class FakeGroupChats implements GroupChatPlatform {
    /** One tap's answer. */
    public record TapAnswer(String notice, Optional<URI> open) {
    }

    private static final Outcome SLOT_NOT_COME = new Outcome.RetryLater("the chat's slot did not come in time",
            Optional.of(Duration.ofSeconds(30)));

    private final Map<String, Map<String, Message>> posted = new HashMap<>();
    /** The topic of each message posted in one, by its ref. */
    private final Map<String, String> topics = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, TapAnswer> answers = new LinkedHashMap<>();
    private final Set<String> botRemovedFrom = new HashSet<>();
    private final Map<String, String> movedTo = new HashMap<>();
    private final Map<String, Integer> heldBack = new HashMap<>();
    private int nextRef;
    private int edits;
    /** Run before each post or edit, outside the lock, as a wait for the chat's slot; false holds it back. */
    private volatile BooleanSupplier slot = () -> true;
    /** Run once, outside the lock, after the next edit refused because the bot is out of the chat. */
    private volatile Runnable afterOutOfChat = () -> { };

    /** The people (their ids) in the chat. */
    public synchronized void chat(String chatId, String... people) {
        members.put(chatId, new HashSet<>(List.of(people)));
    }

    /** The chat is called {@code title} (a chat without one is one whose title the platform cannot say). */
    public synchronized void titled(String chatId, String title) {
        titles.put(chatId, title);
    }

    @Override
    public synchronized Optional<String> title(String chatId) {
        titlesAsked++;
        return Optional.ofNullable(titles.get(chatId));
    }

    private int titlesAsked;

    /** How many times a chat's title was asked of the platform. */
    public synchronized int titlesAsked() {
        return titlesAsked;
    }

    /** Whether {@code id} names one of the chats (rather than a person). */
    public synchronized boolean isChat(String id) {
        return members.containsKey(id);
    }

    public synchronized void leaves(String chatId, String person) {
        members.get(chatId).remove(person);
    }

    /** The next {@code count} posts or edits in the chat are held back for a few seconds. */
    public synchronized void holdBack(String chatId, int count) {
        heldBack.put(chatId, count);
    }

    /** Each post or edit first waits for {@code slot}, as for its chat's turn; when it gives false, it is held back. */
    public void beforeEachPostOrEdit(BooleanSupplier slot) {
        this.slot = slot;
    }

    /**
     * {@code then} runs once, right after the next edit was refused because the bot is out of the chat and before
     * that refusal is answered: what happens in the chat at that moment (the bot added back, say).
     */
    public void afterTheNextRefusalAsOut(Runnable then) {
        afterOutOfChat = then;
    }

    /** The bot is no longer in the chat. */
    public synchronized void removeBot(String chatId) {
        botRemovedFrom.add(chatId);
    }

    /** The bot is in the chat again, its earlier messages there as they were. */
    public synchronized void addBotBack(String chatId) {
        botRemovedFrom.remove(chatId);
    }

    /** Posts in the chat, as a message sent to the chat's id ({@link GroupChattingPlatform#send}). */
    public Outcome post(String chatId, Message message) {
        return post(chatId, Optional.empty(), message);
    }

    /** Posts in the chat's {@code topic} (empty: outside any), as a message sent to the topic's address. */
    public Outcome post(String chatId, Optional<String> topic, Message message) {
        return slot.getAsBoolean() ? postNow(chatId, topic, message) : SLOT_NOT_COME;
    }

    private synchronized Outcome postNow(String chatId, Optional<String> topic, Message message) {
        Optional<Outcome> refused = refusal(chatId);
        if (refused.isPresent()) {
            return refused.get();
        }
        String ref = "m" + ++nextRef;
        posted.computeIfAbsent(chatId, id -> new LinkedHashMap<>()).put(ref, message);
        topic.ifPresent(id -> topics.put(ref, id));
        return new Outcome.Posted(ref);
    }

    /** The topic the chat's message {@code ref} was posted in; empty for one outside any topic. */
    public synchronized Optional<String> topicOf(String ref) {
        return Optional.ofNullable(topics.get(ref));
    }

    /** The refs of the chat's messages, oldest first. */
    public synchronized List<String> refs(String chatId) {
        return List.copyOf(posted.getOrDefault(chatId, Map.of()).keySet());
    }

    @Override
    public Outcome edit(String chatId, String messageRef, Message message) {
        Outcome outcome = slot.getAsBoolean() ? editNow(chatId, messageRef, message) : SLOT_NOT_COME;
        if (outcome instanceof Outcome.OutOfChat) {
            Runnable then = afterOutOfChat;
            afterOutOfChat = () -> { };
            then.run();
        }
        return outcome;
    }

    private synchronized Outcome editNow(String chatId, String messageRef, Message message) {
        Optional<Outcome> refused = refusal(chatId);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Message> chat = posted.get(chatId);
        if (chat == null || !chat.containsKey(messageRef)) {
            throw new AssertionError("an edit of a message that was never posted");
        }
        if (!chat.get(messageRef).equals(message)) {
            edits++;
        }
        chat.put(messageRef, message);
        return new Outcome.Posted(messageRef);
    }

    private Optional<Outcome> refusal(String chatId) {
        if (botRemovedFrom.contains(chatId)) {
            return Optional.of(new Outcome.OutOfChat("the bot was removed"));
        }
        int held = heldBack.getOrDefault(chatId, 0);
        if (held > 0) {
            heldBack.put(chatId, held - 1);
            return Optional.of(new Outcome.RetryLater("rate limited", Optional.of(Duration.ofSeconds(30))));
        }
        return Optional.empty();
    }

    /** The group {@code chatId} became the chat {@code toId} (a new id: a Telegram group upgraded to a supergroup). */
    public synchronized void upgraded(String chatId, String toId) {
        movedTo.put(chatId, toId);
    }

    @Override
    public synchronized Optional<String> movedTo(String chatId) {
        return Optional.ofNullable(movedTo.get(chatId));
    }

    @Override
    public synchronized Membership membership(String chatId, String personId) {
        Set<String> people = members.get(chatId);
        return people == null ? Membership.UNKNOWN : people.contains(personId) ? Membership.IN : Membership.OUT;
    }

    @Override
    public synchronized void answerTap(String tapId, String notice, Optional<URI> open) {
        if (answers.putIfAbsent(tapId, new TapAnswer(notice, open)) != null) {
            throw new AssertionError("a tap was answered twice");
        }
    }

    @Override
    public URI privateChatLink(String ref) {
        return URI.create("https://chat.example/bot?start=" + ref);
    }

    /** The bot's messages in the chat, oldest first, as they read now. */
    public synchronized List<Message> messages(String chatId) {
        return new ArrayList<>(posted.getOrDefault(chatId, Map.of()).values());
    }

    public synchronized List<String> texts(String chatId) {
        return messages(chatId).stream().map(Message::text).toList();
    }

    public synchronized Optional<TapAnswer> answer(String tapId) {
        return Optional.ofNullable(answers.get(tapId));
    }

    /** Edits that changed a message. */
    public synchronized int edits() {
        return edits;
    }
}
