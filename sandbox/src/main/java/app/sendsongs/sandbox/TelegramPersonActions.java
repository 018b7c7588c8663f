package app.sendsongs.sandbox;

import app.sendsongs.sandbox.TelegramEmulator.Profile;
import app.sendsongs.sandbox.TelegramEmulator.Tap;
import app.sendsongs.sandbox.TelegramEmulator.UserMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * What a person does in their private chat with the bot or in a group: writes, sends a photo or a sticker, opens a
 * link to the bot, taps a button, blocks the bot. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramPersonActions {
    /** Telegram's service account, named as the sender of a channel post forwarded to the channel's group. */
    static final long TELEGRAM_SERVICE_USER_ID = 777_000L;

    private final TelegramChats chats;
    private final TelegramChatLogs logs;
    private final TelegramForumTopics topics;
    private final TelegramCallbackQueries callbackQueries;
    private final TelegramUpdates updates;

    TelegramPersonActions(TelegramChats chats, TelegramChatLogs logs, TelegramForumTopics topics,
                          TelegramCallbackQueries callbackQueries, TelegramUpdates updates) {
        this.chats = chats;
        this.logs = logs;
        this.topics = topics;
        this.callbackQueries = callbackQueries;
        this.updates = updates;
    }

    /**
     * A person writes {@code text} in their private chat with the bot ({@code chatId} null or their own id) or in a
     * group they are in. Their first private message opens the chat, as pressing START does. The future completes
     * once the bot's webhook answered the update (or it was queued).
     *
     * <p>{@code hiddenLinks}: links set on words of the text ({@code text_link} entities, as a forwarded channel post
     * has them, or a person sets them in Telegram's editor).
     *
     * <p>{@code replyTo} (when not null): the message of the same chat it answers; the update carries that message as
     * {@code reply_to_message}, and in a group a reply to the bot's own message reaches the bot in privacy mode too.
     *
     * <p>{@code anonymous}: a group admin with "Remain anonymous" posts as the group, so the update shows {@code from}
     * as Telegram's {@code @GroupAnonymousBot} and {@code sender_chat} as the group
     * (https://core.telegram.org/bots/api#message), never the person.
     *
     * <p>{@code linkedChannel}: the text is a post of that channel, which Telegram forwards by itself to the group
     * linked to it for discussion. The update shows {@code sender_chat} as the channel and
     * {@code is_automatic_forward} (https://core.telegram.org/bots/api#message), and {@code from} as Telegram's service
     * user 777000, "for backward compatibility" (Bot API 5.0, https://core.telegram.org/bots/api-changelog): a user
     * that is not a bot.
     *
     * <p>{@code topic}: the forum topic (when not null) of a group whose topics are turned on: the update carries the
     * topic as {@code message_thread_id} with {@code is_topic_message} (https://core.telegram.org/bots/api#message). A
     * reply goes to the topic of the message it answers; outside a topic, a reply in a supergroup carries the reply
     * thread as {@code message_thread_id} alone.
     */
    CompletableFuture<UserMessage> sends(long from, Long chatId, String text, List<TelegramEntity> hiddenLinks,
                                         Profile profile, Long replyTo, boolean anonymous, Long linkedChannel,
                                         Long topic) {
        checkText(text);
        long chat = openChat(chats.person(from, profile), chatId);
        TelegramMessage replied = replyTo == null ? null : logs.find(chat, replyTo).orElseThrow(() ->
                HttpProblem.control(404, "no message " + replyTo + " in chat " + chat + " to reply to"));
        Long inTopic = topics.topicOf(chat, from, topic, replied);
        TelegramMessage message = logs.store(chat, from, TelegramUserText.of(text, hiddenLinks), null);
        message.replyTo = replied;
        putInThread(message, inTopic);
        if (chat < 0 && !botSeesInGroup(message)) {
            return CompletableFuture.completedFuture(new UserMessage(chat, message.messageId, Optional.empty()));
        }
        ObjectNode json = logs.messageJson(message);
        if (anonymous) {
            json.set("from", TelegramEmulator.groupAnonymousBotJson());
            json.set("sender_chat", chats.chatJson(chat));
        }
        if (linkedChannel != null) {
            putChannelSender(json, linkedChannel);
        }
        return deliver(message, json);
    }

    /**
     * A person edits the text of a message of theirs ({@code messageId} in their private chat, {@code chatId} null,
     * or in a group): the message now shows {@code text}, its {@code edit_date} set, and the bot gets an {@code
     * edited_message} update, "New version of a message that is known to the bot and was edited", carrying the
     * whole Message with its original {@code date} and the new {@code edit_date}, "Date the message was last edited
     * in Unix time" (https://core.telegram.org/bots/api#update, https://core.telegram.org/bots/api#message). Each edit
     * is an update of its own, with a new {@code update_id}. In a group, in privacy mode, the bot gets the edit only
     * when it would have seen the message as it reads now (a command, a mention of it, a reply to it). Only a text
     * message of the person's own can be edited this way.
     */
    CompletableFuture<UserMessage> edits(long from, Long chatId, long messageId, String text, Instant at) {
        checkText(text);
        TelegramUser user = chats.user(from);
        if (user == null) {
            throw HttpProblem.control(404, "no user " + from);
        }
        long chat = chatId == null ? from : chatId;
        TelegramMessage message = logs.find(chat, messageId).orElseThrow(() ->
                HttpProblem.control(404, "no message " + messageId + " in chat " + chat));
        if (message.fromId != from || message.media != null) {
            throw HttpProblem.control(400, "a person edits only the text of a message they wrote");
        }
        chats.checkCanWrite(user, chat);
        message.text = TelegramUserText.of(text, List.of());
        message.editDate = at;
        if (chat < 0 && !botSeesInGroup(message)) {
            return CompletableFuture.completedFuture(new UserMessage(chat, message.messageId, Optional.empty()));
        }
        return updates.submit(chat, updates.update("edited_message", logs.messageJson(message))).thenApply(
                delivery -> new UserMessage(chat, message.messageId, Optional.of(delivery)));
    }

    /** A caption holds at most 1024 characters (https://core.telegram.org/bots/api#sendphoto, {@code caption}). */
    private static void checkCaption(String caption) {
        if (caption.isBlank() || caption.length() > TelegramMedia.MAX_CAPTION) {
            throw HttpProblem.control(400, "\"caption\" must be 1-" + TelegramMedia.MAX_CAPTION + " characters, not "
                    + "only spaces");
        }
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw HttpProblem.control(400, "\"text\" must be a non-empty string");
        }
        if (text.length() > TelegramEmulator.MAX_TEXT) {
            throw HttpProblem.control(400, "a Telegram message holds at most " + TelegramEmulator.MAX_TEXT
                    + " characters");
        }
    }

    /** The chat {@code user} writes in, their private chat when {@code chatId} is null; writing there opens it. */
    private long openChat(TelegramUser user, Long chatId) {
        long chat = chatId == null ? user.id : chatId;
        chats.checkCanWrite(user, chat);
        if (chat == user.id) {
            user.started = true;
        }
        return chat;
    }

    /** A message in a topic is in its thread; outside one, a reply in a supergroup is in the thread it answers. */
    private static void putInThread(TelegramMessage message, Long topic) {
        TelegramMessage replied = message.replyTo;
        if (topic != null) {
            message.inTopic(topic);
        } else if (replied != null && message.chatId <= TelegramGroup.SUPERGROUP_IDS_BELOW) {
            message.threadId = replied.threadId != null ? replied.threadId : replied.messageId;
        }
    }

    /** In privacy mode the bot sees a group's replies to its messages, its commands and the messages naming it. */
    private static boolean botSeesInGroup(TelegramMessage message) {
        boolean toTheBot = message.replyTo != null && message.replyTo.fromBot();
        return toTheBot || TelegramUserText.seenInPrivacyMode(message.text, TelegramEmulator.BOT_USERNAME);
    }

    private static void putChannelSender(ObjectNode json, long linkedChannel) {
        json.set("from", telegramServiceUserJson());
        json.set("sender_chat", JsonIo.object().put("id", linkedChannel).put("type", "channel")
                .put("title", "Friday Band news"));
        json.put("is_automatic_forward", true);
    }

    private CompletableFuture<UserMessage> deliver(TelegramMessage message, ObjectNode json) {
        long chat = message.chatId;
        return updates.submit(chat, updates.update("message", json)).thenApply(delivery ->
                new UserMessage(chat, message.messageId, Optional.of(delivery)));
    }

    /**
     * A person sends a message with no text: {@code kind} is the field of the Message object
     * (https://core.telegram.org/bots/api#message) that holds what they sent, with an object of its type as Telegram
     * fills it: {@code photo} (an array of PhotoSize), {@code voice}, {@code audio}, {@code video}, {@code video_note},
     * {@code document}, {@code animation} (a GIF, which also sets {@code document}, "for backward compatibility"),
     * {@code location}, {@code venue} (which also sets {@code location}), {@code contact}, {@code poll}, or
     * {@code sticker} with its {@code emoji}. In a group the bot, in privacy mode, does not see it: it is no command,
     * mention or reply to the bot.
     */
    CompletableFuture<UserMessage> sendsMedia(long from, Long chatId, String kind, String emoji, String caption,
                                              List<TelegramEntity> hiddenLinks, Profile profile) {
        if (!TelegramEmulator.MEDIA.contains(kind)) {
            throw HttpProblem.control(400, "\"media\" must be one of " + new TreeSet<>(TelegramEmulator.MEDIA));
        }
        if (caption != null && !TelegramMedia.CAPTIONED.contains(kind)) {
            throw HttpProblem.control(400, "a " + kind + " takes no caption: only " + new TreeSet<>(
                    TelegramMedia.CAPTIONED) + " do");
        }
        if (caption != null) {
            checkCaption(caption);
        }
        long chat = openChat(chats.person(from, profile), chatId);
        TelegramMessage message = logs.store(chat, from, caption == null ? new TelegramFormattedText("", List.of())
                : TelegramUserText.of(caption, hiddenLinks), null);
        message.media = kind;
        message.mediaEmoji = emoji == null || emoji.isBlank() ? "😂" : emoji;
        if (chat < 0) {
            return CompletableFuture.completedFuture(new UserMessage(chat, message.messageId, Optional.empty()));
        }
        ObjectNode json = logs.messageJson(message);
        TelegramMedia.captioned(json);
        TelegramMedia.fill(json, kind, message.mediaEmoji, message.messageId);
        return deliver(message, json);
    }

    /**
     * A person opens a link to the bot, {@code https://t.me/<bot>?start=<parameter>} ({@link TelegramBotLink}):
     * their app shows the bot's chat with a START button, even when they started the bot before, and pressing it sends
     * the bot {@code /start <parameter>} from them (https://core.telegram.org/bots/features#deep-linking). A parameter
     * the app does not take as one (characters outside base64url) is dropped: the link opens the chat only, and START,
     * shown only to someone who never started the bot, sends {@code /start}. Empty when nothing reaches the bot.
     */
    CompletableFuture<Optional<UserMessage>> opensLink(long from, String url, Profile profile) {
        TelegramBotLink link = TelegramBotLink.parse(url).orElseThrow(() -> HttpProblem.control(400,
                "not a link to a bot's chat: https://t.me/<bot username>?start=<parameter>"));
        checkLinkToTheBot(link);
        TelegramUser user = chats.user(from);
        boolean startedBefore = user != null && user.started;
        if (!link.startIsBase64url() && startedBefore) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String parameter = link.startIsBase64url() ? link.start().get() : "";
        String text = parameter.isEmpty() ? "/start" : "/start " + parameter;
        return sends(from, null, text, List.of(), profile, null, false, null, null).thenApply(Optional::of);
    }

    private static void checkLinkToTheBot(TelegramBotLink link) {
        if (!link.username().equalsIgnoreCase(TelegramEmulator.BOT_USERNAME)) {
            throw HttpProblem.control(404, "USERNAME_NOT_OCCUPIED: the sandbox has one bot, @"
                    + TelegramEmulator.BOT_USERNAME);
        }
        if (link.startIsBase64url() && link.start().get().length() > TelegramBotLink.MAX_START) {
            throw HttpProblem.control(400, "START_PARAM_TOO_LONG: Telegram refuses a start parameter over "
                    + TelegramBotLink.MAX_START + " characters, so nothing reached the bot");
        }
    }

    /** A person taps the inline button carrying {@code data} under the bot's message {@code messageId}. */
    CompletableFuture<Tap> presses(long from, Long chatId, long messageId, String data) {
        TelegramUser user = chats.knownUser(from);
        long chat = chatId == null ? from : chatId;
        chats.checkCanWrite(user, chat);
        TelegramMessage message = logs.find(chat, messageId)
                .orElseThrow(() -> HttpProblem.control(404, "no message " + messageId + " in chat " + chat));
        if (!message.fromBot()) {
            throw HttpProblem.control(400, "message " + messageId + " was not sent by the bot");
        }
        if (!hasButton(message, data)) {
            throw HttpProblem.control(400, "message " + messageId + " has no button with that callback_data");
        }
        String id = callbackQueries.open(from, chat, messageId, data);
        ObjectNode query = JsonIo.object();
        query.put("id", id);
        query.set("from", user.toJson());
        query.set("message", logs.messageJson(message));
        query.put("chat_instance", TelegramCallbackQueries.chatInstance(chat));
        query.put("data", data);
        return updates.submit(chat, updates.update("callback_query", query))
                .thenApply(delivery -> new Tap(id, delivery));
    }

    private static boolean hasButton(TelegramMessage message, String data) {
        if (message.keyboard == null) {
            return false;
        }
        for (JsonNode row : message.keyboard.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (data.equals(button.path("callback_data").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The person blocks ({@code blocks}) or unblocks the bot; the bot gets a {@code my_chat_member} update for their
     * private chat, the bot going from {@code member} to {@code kicked} or back, as Telegram sends it: "For private
     * chats, this update is received only when the bot is blocked or unblocked by the user"
     * (https://core.telegram.org/bots/api#update, and ChatMemberUpdated there).
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> changesBlock(long userId, boolean blocks) {
        TelegramUser user = chats.knownUser(userId);
        if (user.blocked == blocks) {
            return CompletableFuture.completedFuture(List.of());
        }
        user.blocked = blocks;
        ObjectNode change = updates.memberChange(user.privateChatJson(), user, blocks ? "member" : "kicked",
                blocks ? "kicked" : "member");
        return updates.submitAll(userId, List.of(updates.update("my_chat_member", change)));
    }

    /** Telegram's own account, the {@code from} of a channel post forwarded to its discussion group. */
    private static ObjectNode telegramServiceUserJson() {
        ObjectNode user = JsonIo.object();
        user.put("id", TELEGRAM_SERVICE_USER_ID);
        user.put("is_bot", false);
        user.put("first_name", "Telegram");
        return user;
    }
}
