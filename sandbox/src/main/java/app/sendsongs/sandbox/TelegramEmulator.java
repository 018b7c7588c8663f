package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * State and rules of the emulated Telegram (https://core.telegram.org/bots/api): the sandbox's people and group
 * chats, what was said in each chat, the button taps waiting for an answer, the bot's commands, and the updates
 * going to the bot's webhook. The Bot API routes and the control routes both work through it; one lock guards it,
 * and no webhook call is ever waited for while holding it. It hands each call to the class that does that part:
 * {@link TelegramChats}, {@link TelegramChatLogs}, {@link TelegramPersonActions}, {@link TelegramGroupAdmin},
 * {@link TelegramForumTopics}, {@link TelegramBotMessages}, {@link TelegramCallbackQueries}.
 *
 * <p>The bot is {@value #BOT_USERNAME} ({@link #BOT_ID}), in privacy mode: in a group it sees only commands meant
 * for it and messages that mention it (https://core.telegram.org/bots/features#privacy-mode).
 */
public final class TelegramEmulator {
    public static final long BOT_ID = 7_000_000_001L;
    public static final String BOT_USERNAME = "SendSongsSandboxBot";
    /** The username of the sender Telegram shows for what a group says as itself. */
    static final String GROUP_ANONYMOUS_BOT_USERNAME = "GroupAnonymousBot";
    public static final String BOT_FIRST_NAME = "Send Songs";
    /** The user Telegram names as the sender of a message a group sends as itself (an anonymous admin, say). */
    static final long GROUP_ANONYMOUS_BOT_ID = 1_087_968_824L;
    /** The only token the emulated Bot API accepts: {@code <bot id>:<35 characters>}, like a real one. */
    public static final String BOT_TOKEN = BOT_ID + ":AAHsandbox-telegram-bot-token-00000";
    /** Longest message text, in UTF-16 code units after entity parsing. */
    public static final int MAX_TEXT = 4096;

    /** A button tap: who, where, which data, and the bot's answer once given. */
    record CallbackQuery(String id, long from, long chatId, long messageId, String data, Instant at, boolean answered,
                         String answerText, boolean showAlert, String url) {
        CallbackQuery answer(String text, boolean alert, String openUrl) {
            return new CallbackQuery(id, from, chatId, messageId, data, at, true, text, alert, openUrl);
        }
    }

    /** A button tap sent to the bot: the callback query's id and its delivery. */
    record Tap(String callbackQueryId, TelegramWebhook.Delivery delivery) {
    }

    /** A topic made in a forum: its thread id, and the delivery of its service message. */
    record TopicMade(long threadId, List<TelegramWebhook.Delivery> deliveries) {
    }

    /** A person's message: where it landed and, unless the bot could not see it, the update and its delivery. */
    record UserMessage(long chatId, long messageId, Optional<TelegramWebhook.Delivery> delivery) {
    }

    /**
     * The optional profile fields a person's message may bring along. A username is one Telegram lets a person set,
     * 5 to 32 of {@code a-z A-Z 0-9 _} (https://core.telegram.org/method/account.updateUsername); a blank one removes
     * theirs.
     */
    record Profile(String firstName, String lastName, String username) {
        static final Profile NONE = new Profile(null, null, null);
        private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{5,32}");

        Profile {
            if (username != null && !username.isBlank() && !USERNAME.matcher(username).matches()) {
                throw HttpProblem.control(400, "\"username\" must be 5 to 32 of a-z, A-Z, 0-9 and _, without the @ "
                        + "(Telegram refuses any other: https://core.telegram.org/method/account.updateUsername); \"\" "
                        + "removes it");
            }
        }
    }

    /** What a person can send that is no text, by the field of the Message object that holds it. */
    static final Set<String> MEDIA = Set.of("photo", "voice", "audio", "video", "video_note", "document",
            "animation", "location", "venue", "contact", "poll", "sticker");

    private final ManualClock clock;
    private final TelegramWebhook webhook;
    private final TelegramChats chats = new TelegramChats();
    private final TelegramChatLogs logs;
    private final TelegramForumTopics topics;
    private final TelegramGroupAdmin groupAdmin;
    private final TelegramPersonActions people;
    private final TelegramBotMessages botMessages;
    private final TelegramCallbackQueries callbackQueries;
    private final Map<String, ArrayNode> commands = new HashMap<>();
    private final TelegramCallCounts callCounts = new TelegramCallCounts();

    TelegramEmulator(ManualClock clock) {
        this(clock, new TelegramRateLimits());
    }

    TelegramEmulator(ManualClock clock, TelegramRateLimits limits) {
        this.clock = clock;
        this.webhook = new TelegramWebhook(clock);
        TelegramUpdates updates = new TelegramUpdates(clock, webhook);
        this.logs = new TelegramChatLogs(clock, chats);
        this.topics = new TelegramForumTopics(clock, chats, logs, updates);
        this.groupAdmin = new TelegramGroupAdmin(chats, logs, updates);
        this.callbackQueries = new TelegramCallbackQueries(clock);
        this.people = new TelegramPersonActions(chats, logs, topics, callbackQueries, updates);
        this.botMessages = new TelegramBotMessages(clock, chats, logs, topics, limits);
    }

    TelegramWebhook webhook() {
        return webhook;
    }

    /** Stops sending updates to the bot: those it did not take are not sent again. */
    void close() {
        webhook.close();
    }

    // ---------------------------------------------------------------- what people do (control API)

    /** See {@link TelegramPersonActions#sends}. */
    synchronized CompletableFuture<UserMessage> userSends(long from, Long chatId, String text,
                                                          List<TelegramEntity> hiddenLinks, Profile profile,
                                                          Long replyTo, boolean anonymous, Long linkedChannel,
                                                          Long topic) {
        return people.sends(from, chatId, text, hiddenLinks, profile, replyTo, anonymous, linkedChannel, topic);
    }

    /** See {@link TelegramPersonActions#edits}. */
    synchronized CompletableFuture<UserMessage> userEdits(long from, Long chatId, long messageId, String text) {
        return people.edits(from, chatId, messageId, text, clock.instant());
    }

    /** See {@link TelegramPersonActions#sendsMedia}. */
    synchronized CompletableFuture<UserMessage> userSendsMedia(long from, Long chatId, String kind, String emoji,
                                                               String caption, List<TelegramEntity> hiddenLinks,
                                                               Profile profile) {
        return people.sendsMedia(from, chatId, kind, emoji, caption, hiddenLinks, profile);
    }

    /** See {@link TelegramPersonActions#opensLink}. */
    synchronized CompletableFuture<Optional<UserMessage>> userOpensLink(long from, String url, Profile profile) {
        return people.opensLink(from, url, profile);
    }

    /** See {@link TelegramPersonActions#presses}. */
    synchronized CompletableFuture<Tap> userPresses(long from, Long chatId, long messageId, String data) {
        return people.presses(from, chatId, messageId, data);
    }

    /** See {@link TelegramPersonActions#changesBlock}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> changeBlock(long userId, boolean blocks) {
        return people.changesBlock(userId, blocks);
    }

    /**
     * A person's update from their private chat that reached the bot without this emulator posting it, such as one a
     * test posted itself with the webhook's secret, playing Telegram: as their first message does, it opens their
     * private chat (unless they blocked the bot), so the bot can answer them there.
     */
    public void deliveredElsewhere(long userId) {
        if (userId <= 0 || userId == BOT_ID) {
            return;
        }
        synchronized (this) {
            chats.openedElsewhere(userId);
        }
    }

    /** See {@link TelegramGroupAdmin#create}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> createGroup(long id, String title,
                                                                               List<Long> members, boolean forum) {
        return groupAdmin.create(id, title, members, forum);
    }

    /** See {@link TelegramGroupAdmin#changeMembership}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> changeMembership(long groupId, long userId,
                                                                                    boolean joins) {
        return groupAdmin.changeMembership(groupId, userId, joins);
    }

    /** See {@link TelegramGroupAdmin#upgrade}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> upgradeGroup(long id, long to, long by) {
        return groupAdmin.upgrade(id, to, by);
    }

    /** See {@link TelegramGroupAdmin#rename}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> renameGroup(long id, long by, String title) {
        return groupAdmin.rename(id, by, title);
    }

    /** See {@link TelegramGroupAdmin#addBotBack}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> addBotBack(long id, long by) {
        return groupAdmin.addBotBack(id, by);
    }

    /** See {@link TelegramGroupAdmin#removeBot}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> removeBot(long id, long by) {
        return groupAdmin.removeBot(id, by);
    }

    /** See {@link TelegramForumTopics#create}. */
    synchronized CompletableFuture<TopicMade> createTopic(long groupId, long by, String name) {
        return topics.create(groupId, by, name);
    }

    /** See {@link TelegramForumTopics#delete}. */
    synchronized void deleteTopic(long groupId, long by, long threadId) {
        topics.delete(groupId, by, threadId);
    }

    /** See {@link TelegramForumTopics#close}. */
    synchronized CompletableFuture<List<TelegramWebhook.Delivery>> closeTopic(long groupId, long by, long threadId,
                                                                              boolean closed) {
        return topics.close(groupId, by, threadId, closed);
    }

    // ---------------------------------------------------------------- the Bot API methods

    /** See {@link TelegramBotMessages#send}. */
    synchronized ObjectNode sendMessage(String chatIdParam, String threadParam, TelegramFormattedText text,
                                        ObjectNode keyboard, Optional<String> preview, boolean paidBroadcast) {
        return botMessages.send(chatIdParam, threadParam, text, keyboard, preview, paidBroadcast);
    }

    /** See {@link TelegramBotMessages#editText}. */
    synchronized ObjectNode editMessageText(String chatIdParam, String messageIdParam, TelegramFormattedText text,
                                            ObjectNode keyboard, Optional<String> preview) {
        return botMessages.editText(chatIdParam, messageIdParam, text, keyboard, preview);
    }

    /** See {@link TelegramBotMessages#editReplyMarkup}. */
    synchronized ObjectNode editMessageReplyMarkup(String chatIdParam, String messageIdParam, ObjectNode keyboard) {
        return botMessages.editReplyMarkup(chatIdParam, messageIdParam, keyboard);
    }

    /** See {@link TelegramCallbackQueries#answer}. */
    synchronized void answerCallbackQuery(String id, String text, boolean showAlert, String url) {
        callbackQueries.answer(id, text, showAlert, url);
    }

    /** See {@link TelegramChats#chatInfo}. */
    synchronized ObjectNode chat(String chatIdParam) {
        return chats.chatInfo(chatIdParam);
    }

    /** See {@link TelegramChats#chatMember}. */
    synchronized ObjectNode chatMember(String chatIdParam, String userIdParam) {
        return chats.chatMember(chatIdParam, userIdParam);
    }

    synchronized void setCommands(String scopeKey, ArrayNode list) {
        commands.put(scopeKey, list);
    }

    synchronized ArrayNode commands(String scopeKey) {
        ArrayNode list = commands.get(scopeKey);
        return list == null ? JsonIo.MAPPER.createArrayNode() : list.deepCopy();
    }

    synchronized void countCall(String method) {
        callCounts.countCall(method);
    }

    /** A call answered 400: Telegram refused it as a bad request. */
    synchronized void countBadRequest(String method) {
        callCounts.countBadRequest(method);
    }

    /** A call answered 403: the person blocked the bot, or the group removed it. */
    synchronized void countForbidden(String method) {
        callCounts.countForbidden(method);
    }

    // ---------------------------------------------------------------- what the control API reads

    /** See {@link TelegramChatLogs#botTextsByChat}. */
    synchronized ObjectNode botTextsByChat() {
        return logs.botTextsByChat();
    }

    /** See {@link TelegramChatLogs#botMessages}. */
    synchronized List<ObjectNode> botMessages(long chat) {
        return logs.botMessages(chat);
    }

    /** See {@link TelegramChatLogs#allMessages}. */
    synchronized List<ObjectNode> allMessages(long chat) {
        return logs.allMessages(chat);
    }

    synchronized Optional<CallbackQuery> callbackQuery(String id) {
        return callbackQueries.find(id);
    }

    synchronized ObjectNode stats() {
        ObjectNode stats = JsonIo.object();
        stats.put("sent", botMessages.sent());
        stats.put("edited", botMessages.edited());
        stats.put("callback_answers", callbackQueries.answers());
        stats.put("rate_limited", botMessages.rateLimited());
        stats.put("updates_delivered", webhook.deliveredCount());
        stats.put("updates_pending", webhook.pendingCount());
        callCounts.putInto(stats);
        return stats;
    }

    // ---------------------------------------------------------------- the bot and the senders Telegram names

    /** The sender Telegram shows for what a group says as itself (https://core.telegram.org/bots/api#message). */
    static ObjectNode groupAnonymousBotJson() {
        ObjectNode bot = JsonIo.object();
        bot.put("id", GROUP_ANONYMOUS_BOT_ID);
        bot.put("is_bot", true);
        bot.put("first_name", "Group");
        bot.put("username", GROUP_ANONYMOUS_BOT_USERNAME);
        return bot;
    }

    static ObjectNode botJson() {
        ObjectNode bot = JsonIo.object();
        bot.put("id", BOT_ID);
        bot.put("is_bot", true);
        bot.put("first_name", BOT_FIRST_NAME);
        bot.put("username", BOT_USERNAME);
        return bot;
    }
}
