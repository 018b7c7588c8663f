package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * State and rules of the emulated Telegram (https://core.telegram.org/bots/api): the sandbox's people and group
 * chats, what was said in each chat, the button taps waiting for an answer, the bot's commands, and the updates
 * going to the bot's webhook. The Bot API routes and the control routes both work through it; one lock guards it,
 * and no webhook call is ever waited for while holding it.
 *
 * <p>The bot is {@value #BOT_USERNAME} ({@link #BOT_ID}), in privacy mode: in a group it sees only commands meant
 * for it and messages that mention it (https://core.telegram.org/bots/features#privacy-mode).
 */
public final class TelegramEmulator {
    public static final long BOT_ID = 7_000_000_001L;
    public static final String BOT_USERNAME = "SendSongsSandboxBot";
    public static final String BOT_FIRST_NAME = "Send Songs";
    /** The user Telegram names as the sender of a message a group sends as itself (an anonymous admin, say). */
    static final long GROUP_ANONYMOUS_BOT_ID = 1_087_968_824L;
    /** Telegram's service account, named as the sender of a channel post forwarded to the channel's group. */
    static final long TELEGRAM_SERVICE_USER_ID = 777_000L;
    /** The only token the emulated Bot API accepts: {@code <bot id>:<35 characters>}, like a real one. */
    public static final String BOT_TOKEN = BOT_ID + ":AAHsandbox-telegram-bot-token-00000";
    /** Longest message text, in UTF-16 code units after entity parsing. */
    public static final int MAX_TEXT = 4096;
    /** Longest name of a forum topic (https://core.telegram.org/bots/api#createforumtopic). */
    static final int MAX_TOPIC_NAME = 128;
    /** The first of the colours Telegram lets a topic's icon have (https://core.telegram.org/bots/api#createforumtopic). */
    private static final int TOPIC_ICON_COLOR = 0x6FB9F0;
    static final int MAX_CALLBACK_ANSWER = 200;
    /** How long a button tap waits for {@code answerCallbackQuery} on the sandbox clock. */
    static final Duration CALLBACK_ANSWER_WINDOW = Duration.ofSeconds(15);
    private static final long FIRST_UPDATE_ID = 254_000_001L;
    /** The only links a tap's answer may open: this bot's private chat with a start parameter. */
    private static final Pattern BOT_START_LINK = Pattern.compile("https?://t\\.me/" + BOT_USERNAME
            + "\\?start=[A-Za-z0-9_-]{1,64}", Pattern.CASE_INSENSITIVE);
    private static final long FIRST_CALLBACK_QUERY_ID = 3_011_000_000_000_000_001L;

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

    /** A person's message: where it landed and, unless the bot could not see it, the update and its delivery. */
    /** A topic made in a forum: its thread id, and the delivery of its service message. */
    record TopicMade(long threadId, List<TelegramWebhook.Delivery> deliveries) {
    }

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

    private final ManualClock clock;
    private final TelegramWebhook webhook;
    private final TelegramRateLimits limits;
    private final Map<Long, TelegramUser> users = new HashMap<>();
    private final Map<Long, TelegramGroup> groups = new HashMap<>();
    private final Map<Long, List<TelegramMessage>> chats = new HashMap<>();
    private final Map<String, CallbackQuery> callbackQueries = new HashMap<>();
    private final Map<String, ArrayNode> commands = new HashMap<>();
    private final Map<String, Long> calls = new TreeMap<>();
    private final Map<String, Long> forbidden = new TreeMap<>();
    private final Map<String, Long> badRequests = new TreeMap<>();
    private long nextUpdateId = FIRST_UPDATE_ID;
    private long nextCallbackQueryId = FIRST_CALLBACK_QUERY_ID;
    private long sent;
    private long edited;
    private long callbackAnswers;
    private long rateLimited;

    TelegramEmulator(ManualClock clock) {
        this(clock, new TelegramRateLimits());
    }

    TelegramEmulator(ManualClock clock, TelegramRateLimits limits) {
        this.clock = clock;
        this.webhook = new TelegramWebhook(clock);
        this.limits = limits;
    }

    TelegramWebhook webhook() {
        return webhook;
    }

    /** Stops sending updates to the bot: those it did not take are not sent again. */
    void close() {
        webhook.close();
    }

    // ---------------------------------------------------------------- what people do (control API)

    /**
     * A person writes {@code text} in their private chat with the bot ({@code chatId} null or their own id) or in a
     * group they are in. Their first private message opens the chat, as pressing START does. The future completes
     * once the bot's webhook answered the update (or it was queued).
     */
    CompletableFuture<UserMessage> userSends(long from, Long chatId, String text, Profile profile) {
        return userSends(from, chatId, text, profile, null);
    }

    /**
     * As {@link #userSends(long, Long, String, Profile)}, as a reply to the message {@code replyTo} of the same chat
     * (when not null): the update carries that message as {@code reply_to_message}, and in a group a reply to the
     * bot's own message reaches the bot in privacy mode too.
     */
    CompletableFuture<UserMessage> userSends(long from, Long chatId, String text, Profile profile, Long replyTo) {
        return userSends(from, chatId, text, profile, replyTo, false);
    }

    /**
     * As {@link #userSends(long, Long, String, Profile, Long)}; {@code anonymous}: a group admin with "Remain
     * anonymous" posts as the group, so the update shows {@code from} as Telegram's {@code @GroupAnonymousBot} and
     * {@code sender_chat} as the group (https://core.telegram.org/bots/api#message), never the person.
     */
    CompletableFuture<UserMessage> userSends(long from, Long chatId, String text, Profile profile, Long replyTo,
                                             boolean anonymous) {
        return userSends(from, chatId, text, List.of(), profile, replyTo, anonymous);
    }

    /**
     * As {@link #userSends(long, Long, String, Profile, Long, boolean)}, with links set on words of the text
     * ({@code text_link} entities, as a forwarded channel post has them, or a person sets them in Telegram's editor).
     */
    CompletableFuture<UserMessage> userSends(long from, Long chatId, String text, List<TelegramEntity> hiddenLinks,
                                             Profile profile, Long replyTo, boolean anonymous) {
        return userSends(from, chatId, text, hiddenLinks, profile, replyTo, anonymous, null);
    }

    /**
     * As {@link #userSends(long, Long, String, List, Profile, Long, boolean)}; {@code linkedChannel}: the text is a
     * post of that channel, which Telegram forwards by itself to the group linked to it for discussion. The update
     * shows {@code sender_chat} as the channel and {@code is_automatic_forward}
     * (https://core.telegram.org/bots/api#message), and {@code from} as Telegram's service user 777000, "for backward
     * compatibility" (Bot API 5.0, https://core.telegram.org/bots/api-changelog): a user that is not a bot.
     */
    CompletableFuture<UserMessage> userSends(long from, Long chatId, String text, List<TelegramEntity> hiddenLinks,
                                             Profile profile, Long replyTo, boolean anonymous, Long linkedChannel) {
        return userSends(from, chatId, text, hiddenLinks, profile, replyTo, anonymous, linkedChannel, null);
    }

    /**
     * As {@link #userSends(long, Long, String, List, Profile, Long, boolean, Long)}, in the forum topic {@code topic}
     * (when not null) of a group whose topics are turned on: the update carries the topic as {@code message_thread_id}
     * with {@code is_topic_message} (https://core.telegram.org/bots/api#message). A reply goes to the topic of the
     * message it answers; outside a topic, a reply in a supergroup carries the reply thread as
     * {@code message_thread_id} alone.
     */
    CompletableFuture<UserMessage> userSends(long from, Long chatId, String text, List<TelegramEntity> hiddenLinks,
                                             Profile profile, Long replyTo, boolean anonymous, Long linkedChannel,
                                             Long topic) {
        synchronized (this) {
            if (text == null || text.isBlank()) {
                throw HttpProblem.control(400, "\"text\" must be a non-empty string");
            }
            if (text.length() > MAX_TEXT) {
                throw HttpProblem.control(400, "a Telegram message holds at most " + MAX_TEXT + " characters");
            }
            TelegramUser user = person(from, profile);
            long chat = chatId == null ? from : chatId;
            checkCanWrite(user, chat);
            if (chat == from) {
                user.started = true;
            }
            TelegramMessage replied = replyTo == null ? null : find(chat, replyTo).orElseThrow(() ->
                    HttpProblem.control(404, "no message " + replyTo + " in chat " + chat + " to reply to"));
            Long inTopic = topicOf(chat, from, topic, replied);
            TelegramMessage message = store(chat, from, TelegramUserText.of(text, hiddenLinks), null);
            message.replyTo = replied;
            if (inTopic != null) {
                message.inTopic(inTopic);
            } else if (replied != null && chat <= TelegramGroup.SUPERGROUP_IDS_BELOW) {
                message.threadId = replied.threadId != null ? replied.threadId : replied.messageId;
            }
            boolean toTheBot = replied != null && replied.fromBot();
            if (chat < 0 && !toTheBot && !TelegramUserText.seenInPrivacyMode(message.text, BOT_USERNAME)) {
                return CompletableFuture.completedFuture(new UserMessage(chat, message.messageId, Optional.empty()));
            }
            ObjectNode json = messageJson(message);
            if (anonymous) {
                json.set("from", groupAnonymousBotJson());
                json.set("sender_chat", chatJson(chat));
            }
            if (linkedChannel != null) {
                json.set("from", telegramServiceUserJson());
                json.set("sender_chat", JsonIo.object().put("id", linkedChannel).put("type", "channel")
                        .put("title", "Friday Band news"));
                json.put("is_automatic_forward", true);
            }
            return submit(chat, update("message", json)).thenApply(delivery ->
                    new UserMessage(chat, message.messageId, Optional.of(delivery)));
        }
    }

    /** What a person can send that is no text, by the field of the Message object that holds it. */
    static final Set<String> MEDIA = Set.of("photo", "voice", "audio", "video", "video_note", "document",
            "animation", "location", "venue", "contact", "poll", "sticker");

    /**
     * A person sends a message with no text: {@code kind} is the field of the Message object
     * (https://core.telegram.org/bots/api#message) that holds what they sent, with an object of its type as Telegram
     * fills it: {@code photo} (an array of PhotoSize), {@code voice}, {@code audio}, {@code video}, {@code video_note},
     * {@code document}, {@code animation} (a GIF, which also sets {@code document}, "for backward compatibility"),
     * {@code location}, {@code venue} (which also sets {@code location}), {@code contact}, {@code poll}, or
     * {@code sticker} with its {@code emoji}. In a group the bot, in privacy mode, does not see it: it is no command,
     * mention or reply to the bot.
     */
    CompletableFuture<UserMessage> userSendsMedia(long from, Long chatId, String kind, String emoji, Profile profile) {
        synchronized (this) {
            if (!MEDIA.contains(kind)) {
                throw HttpProblem.control(400, "\"media\" must be one of " + new TreeSet<>(MEDIA));
            }
            TelegramUser user = person(from, profile);
            long chat = chatId == null ? from : chatId;
            checkCanWrite(user, chat);
            if (chat == from) {
                user.started = true;
            }
            TelegramMessage message = store(chat, from, new TelegramFormattedText("", List.of()), null);
            message.media = kind;
            message.mediaEmoji = emoji == null || emoji.isBlank() ? "😂" : emoji;
            if (chat < 0) {
                return CompletableFuture.completedFuture(new UserMessage(chat, message.messageId, Optional.empty()));
            }
            ObjectNode json = messageJson(message);
            json.remove("text");
            TelegramMedia.fill(json, kind, message.mediaEmoji, message.messageId);
            return submit(chat, update("message", json)).thenApply(delivery ->
                    new UserMessage(chat, message.messageId, Optional.of(delivery)));
        }
    }

    /**
     * A person opens a link to the bot, {@code https://t.me/<bot>?start=<parameter>} ({@link TelegramBotLink}):
     * their app shows the bot's chat with a START button, even when they started the bot before, and pressing it sends
     * the bot {@code /start <parameter>} from them (https://core.telegram.org/bots/features#deep-linking). A parameter
     * the app does not take as one (characters outside base64url) is dropped: the link opens the chat only, and START,
     * shown only to someone who never started the bot, sends {@code /start}. Empty when nothing reaches the bot.
     */
    CompletableFuture<Optional<UserMessage>> userOpensLink(long from, String url, Profile profile) {
        synchronized (this) {
            TelegramBotLink link = TelegramBotLink.parse(url).orElseThrow(() -> HttpProblem.control(400,
                    "not a link to a bot's chat: https://t.me/<bot username>?start=<parameter>"));
            if (!link.username().equalsIgnoreCase(BOT_USERNAME)) {
                throw HttpProblem.control(404, "USERNAME_NOT_OCCUPIED: the sandbox has one bot, @" + BOT_USERNAME);
            }
            if (link.startIsBase64url() && link.start().get().length() > TelegramBotLink.MAX_START) {
                throw HttpProblem.control(400, "START_PARAM_TOO_LONG: Telegram refuses a start parameter over "
                        + TelegramBotLink.MAX_START + " characters, so nothing reached the bot");
            }
            TelegramUser user = users.get(from);
            boolean startedBefore = user != null && user.started;
            if (!link.startIsBase64url() && startedBefore) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            String parameter = link.startIsBase64url() ? link.start().get() : "";
            String text = parameter.isEmpty() ? "/start" : "/start " + parameter;
            return userSends(from, null, text, profile).thenApply(Optional::of);
        }
    }

    /** A person taps the inline button carrying {@code data} under the bot's message {@code messageId}. */
    CompletableFuture<Tap> userPresses(long from, Long chatId, long messageId, String data) {
        synchronized (this) {
            TelegramUser user = users.get(from);
            if (user == null) {
                throw HttpProblem.control(404, "unknown Telegram user " + from);
            }
            long chat = chatId == null ? from : chatId;
            checkCanWrite(user, chat);
            TelegramMessage message = find(chat, messageId)
                    .orElseThrow(() -> HttpProblem.control(404, "no message " + messageId + " in chat " + chat));
            if (!message.fromBot()) {
                throw HttpProblem.control(400, "message " + messageId + " was not sent by the bot");
            }
            if (!hasButton(message, data)) {
                throw HttpProblem.control(400, "message " + messageId + " has no button with that callback_data");
            }
            String id = Long.toString(nextCallbackQueryId++);
            callbackQueries.put(id, new CallbackQuery(id, from, chat, messageId, data, clock.instant(), false,
                    null, false, null));
            ObjectNode query = JsonIo.object();
            query.put("id", id);
            query.set("from", user.toJson());
            query.set("message", messageJson(message));
            query.put("chat_instance", chatInstance(chat));
            query.put("data", data);
            return submit(chat, update("callback_query", query)).thenApply(delivery -> new Tap(id, delivery));
        }
    }

    /** A group chat with the bot in it; the first member is its creator and added the bot. */
    CompletableFuture<List<TelegramWebhook.Delivery>> createGroup(long id, String title, List<Long> members) {
        return createGroup(id, title, members, false);
    }

    /** As {@link #createGroup(long, String, List)}; {@code forum}: a supergroup with topics turned on. */
    CompletableFuture<List<TelegramWebhook.Delivery>> createGroup(long id, String title, List<Long> members,
                                                                  boolean forum) {
        synchronized (this) {
            if (forum && id > TelegramGroup.SUPERGROUP_IDS_BELOW) {
                throw HttpProblem.control(400, "only a supergroup (an id at or below "
                        + TelegramGroup.SUPERGROUP_IDS_BELOW + ") has topics");
            }
            if (id >= 0) {
                throw HttpProblem.control(400, "a group chat id is negative");
            }
            if (groups.containsKey(id)) {
                throw HttpProblem.control(409, "group chat " + id + " already exists");
            }
            if (members.isEmpty()) {
                throw HttpProblem.control(400, "a group chat needs at least one member");
            }
            TelegramGroup group = new TelegramGroup(id, title, members.get(0));
            group.forum = forum;
            members.forEach(member -> group.members.add(person(member, Profile.NONE).id));
            groups.put(id, group);
            TelegramUser creator = users.get(group.creator);
            ObjectNode botJoined = serviceMessage(group, creator);
            botJoined.putArray("new_chat_members").add(botJson());
            botJoined.set("new_chat_member", botJson());
            botJoined.set("new_chat_participant", botJson());
            return submitAll(id, List.of(
                    update("my_chat_member", memberChange(group.toJson(), creator, "left", "member")),
                    update("message", botJoined)));
        }
    }

    /** {@code user} joins ({@code joins}) or leaves the group: the bot sees the service message. */
    CompletableFuture<List<TelegramWebhook.Delivery>> changeMembership(long groupId, long userId, boolean joins) {
        synchronized (this) {
            TelegramGroup group = groups.get(groupId);
            if (group == null) {
                throw HttpProblem.control(404, "unknown group chat " + groupId);
            }
            TelegramUser user = person(userId, Profile.NONE);
            if (group.members.contains(userId) == joins) {
                throw HttpProblem.control(409, "user " + userId + (joins ? " is already" : " is not") + " a member");
            }
            ObjectNode service = serviceMessage(group, user);
            if (joins) {
                group.members.add(userId);
                service.putArray("new_chat_members").add(user.toJson());
                service.set("new_chat_member", user.toJson());
                service.set("new_chat_participant", user.toJson());
            } else {
                group.members.remove(userId);
                service.set("left_chat_member", user.toJson());
                service.set("left_chat_participant", user.toJson());
            }
            return submitAll(groupId, List.of(update("message", service)));
        }
    }

    /**
     * {@code by} makes a topic named {@code name} in the forum {@code groupId}
     * (https://core.telegram.org/bots/api#createforumtopic): its {@code message_thread_id} is the id of the service
     * message that made it, which carries {@code forum_topic_created} and reaches the bot as service messages do.
     */
    CompletableFuture<TopicMade> createTopic(long groupId, long by, String name) {
        synchronized (this) {
            TelegramGroup group = forumActedOnBy(groupId, by);
            if (name == null || name.isBlank() || name.length() > MAX_TOPIC_NAME) {
                throw HttpProblem.control(400, "a topic's name is 1-" + MAX_TOPIC_NAME + " characters");
            }
            ObjectNode made = serviceMessage(group, users.get(by));
            long threadId = made.path("message_id").asLong();
            TelegramGroup.Topic topic = new TelegramGroup.Topic(threadId, name, by, clock.instant());
            group.topics.put(threadId, topic);
            chats.get(groupId).getLast().inTopic(threadId);
            made.put("message_thread_id", threadId);
            made.put("is_topic_message", true);
            made.set("forum_topic_created", topicCreated(topic));
            return submitAll(groupId, List.of(update("message", made)))
                    .thenApply(deliveries -> new TopicMade(threadId, deliveries));
        }
    }

    /**
     * {@code by} deletes the topic {@code threadId} of the forum {@code groupId}
     * (https://core.telegram.org/bots/api#deleteforumtopic): nothing can be sent there any more (400
     * {@code message thread not found}); the sandbox keeps its messages for the control API to read.
     */
    synchronized void deleteTopic(long groupId, long by, long threadId) {
        TelegramGroup group = forumActedOnBy(groupId, by);
        if (group.topics.remove(threadId) == null) {
            throw HttpProblem.control(404, "no topic " + threadId + " in chat " + groupId);
        }
        group.closedTopics.remove(threadId);
    }

    /**
     * {@code by} closes ({@code closed}) or reopens the topic {@code threadId} of the forum {@code groupId}
     * (https://core.telegram.org/bots/api#closeforumtopic, #reopenforumtopic): the topic's maker or the group's
     * creator may. The bot gets the service message, {@code forum_topic_closed} or {@code forum_topic_reopened}
     * (https://core.telegram.org/bots/api#forumtopicclosed), in the topic. While closed, only they may write there;
     * the bot, which has no {@code can_manage_topics} right, is refused 400 {@code TOPIC_CLOSED}, in the words of
     * Telegram's Bot API server (https://github.com/rteixeirax/qbittorrent_telegram_notification/issues/12). Its
     * messages there can still be edited: an edit posts nothing new, and {@code TOPIC_CLOSED} is among the errors of
     * sending (https://core.telegram.org/method/messages.sendMessage), not of editing
     * (https://core.telegram.org/method/messages.editMessage).
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> closeTopic(long groupId, long by, long threadId,
                                                                 boolean closed) {
        synchronized (this) {
            TelegramGroup group = forumActedOnBy(groupId, by);
            TelegramGroup.Topic topic = group.topics.get(threadId);
            if (topic == null) {
                throw HttpProblem.control(404, "no topic " + threadId + " in chat " + groupId);
            }
            if (by != topic.creator() && by != group.creator) {
                throw HttpProblem.control(403, "user " + by + " neither made the topic nor created the group");
            }
            if (closed == group.closedTopics.contains(threadId)) {
                throw HttpProblem.control(409, "topic " + threadId + " is " + (closed ? "closed" : "open")
                        + " already");
            }
            if (closed) {
                group.closedTopics.add(threadId);
            } else {
                group.closedTopics.remove(threadId);
            }
            ObjectNode service = serviceMessage(group, users.get(by));
            chats.get(groupId).getLast().inTopic(threadId);
            service.put("message_thread_id", threadId);
            service.put("is_topic_message", true);
            service.putObject(closed ? "forum_topic_closed" : "forum_topic_reopened");
            return submitAll(groupId, List.of(update("message", service)));
        }
    }

    private TelegramGroup forumActedOnBy(long groupId, long by) {
        TelegramGroup group = groupActedOnBy(groupId, by);
        if (!group.forum) {
            throw HttpProblem.control(409, "group chat " + groupId + " has no topics (it is not a forum)");
        }
        return group;
    }

    /** The topic a person's message goes to: the one named, else the one of the message it answers; null for none. */
    private Long topicOf(long chat, long from, Long topic, TelegramMessage replied) {
        Long repliedTopic = replied != null && replied.topicMessage ? replied.threadId : null;
        if (topic == null) {
            checkMayWriteIn(chat, from, repliedTopic);
            return repliedTopic;
        }
        TelegramGroup group = groups.get(chat);
        if (group == null || !group.forum) {
            throw HttpProblem.control(400, "\"topic\" is for a group whose topics are turned on (a forum)");
        }
        if (!group.topics.containsKey(topic)) {
            throw HttpProblem.control(404, "no topic " + topic + " in chat " + chat);
        }
        if (replied != null && !topic.equals(repliedTopic)) {
            throw HttpProblem.control(400, "a reply goes to the topic of the message it answers");
        }
        checkMayWriteIn(chat, from, topic);
        return topic;
    }

    /** A closed topic takes messages only from its maker and the group's creator (see {@link #closeTopic}). */
    private void checkMayWriteIn(long chat, long from, Long topic) {
        TelegramGroup group = groups.get(chat);
        TelegramGroup.Topic there = topic == null || group == null ? null : group.topics.get(topic);
        if (there != null && !group.mayWriteIn(there, from)) {
            throw HttpProblem.control(409, "topic " + topic + " is closed: only its maker and the group's creator "
                    + "write there");
        }
    }

    /** https://core.telegram.org/bots/api#forumtopiccreated */
    private static ObjectNode topicCreated(TelegramGroup.Topic topic) {
        return JsonIo.object().put("name", topic.name()).put("icon_color", TOPIC_ICON_COLOR);
    }

    /**
     * {@code by} upgrades the basic group {@code id} to the supergroup {@code to}, as Telegram does when an admin turns
     * on topics or visible history, gives the group a public link, or it outgrows a basic group: the supergroup is a
     * new chat with a new id, the same title and members, and the bot in it. The bot gets a service message in the old
     * chat carrying {@code migrate_to_chat_id}, from {@code by}, and one in the new chat carrying
     * {@code migrate_from_chat_id}, from the group itself (https://core.telegram.org/bots/api#message). From then on
     * every call about the old chat is {@code group chat was upgraded to a supergroup chat} with
     * {@code parameters.migrate_to_chat_id} (https://core.telegram.org/bots/api#responseparameters).
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> upgradeGroup(long id, long to, long by) {
        synchronized (this) {
            TelegramGroup group = groupActedOnBy(id, by);
            if (!group.isBasicGroup()) {
                throw HttpProblem.control(409, "group chat " + id + " is a supergroup already");
            }
            if (to > TelegramGroup.SUPERGROUP_IDS_BELOW || groups.containsKey(to) || users.containsKey(-to)) {
                throw HttpProblem.control(400, "\"to\" must be an unused supergroup id, at or below "
                        + TelegramGroup.SUPERGROUP_IDS_BELOW);
            }
            TelegramGroup supergroup = new TelegramGroup(to, group.title, group.creator);
            supergroup.members.addAll(group.members);
            groups.put(to, supergroup);
            group.migratedTo = to;
            ObjectNode left = serviceMessage(group, users.get(by));
            left.put("migrate_to_chat_id", to);
            ObjectNode arrived = serviceMessage(supergroup, users.get(by));
            arrived.set("from", groupAnonymousBotJson());
            arrived.set("sender_chat", supergroup.toJson());
            arrived.put("migrate_from_chat_id", id);
            return submitAll(id, List.of(update("message", left))).thenCombine(
                    submitAll(to, List.of(update("message", arrived))), (a, b) -> {
                        List<TelegramWebhook.Delivery> all = new ArrayList<>(a);
                        all.addAll(b);
                        return all;
                    });
        }
    }

    /** The group {@code id}, which {@code by} may act in (404 for no such group, as {@link #checkCanWrite} else). */
    private TelegramGroup groupActedOnBy(long id, long by) {
        TelegramGroup group = groups.get(id);
        if (group == null) {
            throw HttpProblem.control(404, "unknown group chat " + id);
        }
        TelegramUser user = users.get(by);
        checkCanWrite(user == null ? person(by, Profile.NONE) : user, id);
        return group;
    }

    /**
     * {@code by} adds the bot back to the group it was removed from: as when a group is made with the bot, the bot gets
     * a {@code my_chat_member} update (kicked to member) and the service message naming it among
     * {@code new_chat_members} (https://core.telegram.org/bots/api#chatmemberupdated), and the group takes its calls
     * again.
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> addBotBack(long id, long by) {
        synchronized (this) {
            TelegramGroup group = groups.get(id);
            if (group == null) {
                throw HttpProblem.control(404, "unknown group chat " + id);
            }
            if (!group.botRemoved) {
                throw HttpProblem.control(409, "the bot is in group chat " + id);
            }
            if (!group.members.contains(by)) {
                throw HttpProblem.control(403, "user " + by + " is not a member of group chat " + id);
            }
            group.botRemoved = false;
            TelegramUser adder = users.get(by);
            ObjectNode botJoined = serviceMessage(group, adder);
            botJoined.putArray("new_chat_members").add(botJson());
            botJoined.set("new_chat_member", botJson());
            botJoined.set("new_chat_participant", botJson());
            return submitAll(id, List.of(
                    update("my_chat_member", memberChange(group.toJson(), adder, "kicked", "member")),
                    update("message", botJoined)));
        }
    }

    /**
     * {@code by} removes the bot from the group: the bot gets a {@code my_chat_member} update (member to kicked), and
     * from then on every call about the group is 403 {@code bot was kicked from the group chat} (or the supergroup
     * chat), as Telegram's Bot API server words it (https://github.com/tdlib/telegram-bot-api).
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> removeBot(long id, long by) {
        synchronized (this) {
            TelegramGroup group = groupActedOnBy(id, by);
            group.botRemoved = true;
            return submitAll(id, List.of(update("my_chat_member",
                    memberChange(group.toJson(), users.get(by), "member", "kicked"))));
        }
    }

    /**
     * The person blocks ({@code blocks}) or unblocks the bot; the bot gets a {@code my_chat_member} update for their
     * private chat, the bot going from {@code member} to {@code kicked} or back, as Telegram sends it: "For private
     * chats, this update is received only when the bot is blocked or unblocked by the user"
     * (https://core.telegram.org/bots/api#update, and ChatMemberUpdated there).
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> changeBlock(long userId, boolean blocks) {
        synchronized (this) {
            TelegramUser user = users.get(userId);
            if (user == null) {
                throw HttpProblem.control(404, "unknown Telegram user " + userId);
            }
            if (user.blocked == blocks) {
                return CompletableFuture.completedFuture(List.of());
            }
            user.blocked = blocks;
            ObjectNode change = memberChange(user.privateChatJson(), user, blocks ? "member" : "kicked",
                    blocks ? "kicked" : "member");
            return submitAll(userId, List.of(update("my_chat_member", change)));
        }
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
            TelegramUser user = users.computeIfAbsent(userId, key -> new TelegramUser(key, "User " + key));
            if (!user.blocked) {
                user.started = true;
            }
        }
    }

    private TelegramUser person(long id, Profile profile) {
        if (id <= 0) {
            throw HttpProblem.control(400, "a Telegram user id is a positive integer");
        }
        if (id == BOT_ID) {
            throw HttpProblem.control(400, "that id is the bot's own");
        }
        TelegramUser user = users.computeIfAbsent(id, key -> new TelegramUser(key, "User " + key));
        if (profile.firstName() != null && !profile.firstName().isBlank()) {
            user.firstName = profile.firstName();
        }
        if (profile.lastName() != null) {
            user.lastName = profile.lastName().isBlank() ? null : profile.lastName();
        }
        if (profile.username() != null) {
            user.username = profile.username().isBlank() ? null : profile.username();
        }
        return user;
    }

    private void checkCanWrite(TelegramUser user, long chat) {
        if (chat > 0 && chat != user.id) {
            throw HttpProblem.control(400, "a person writes in their own private chat with the bot (its id is "
                    + "theirs) or in a group chat");
        }
        if (chat == user.id && user.blocked) {
            throw HttpProblem.control(409, "user " + user.id + " has blocked the bot; unblock it first");
        }
        if (chat < 0) {
            TelegramGroup group = groups.get(chat);
            if (group == null) {
                throw HttpProblem.control(404, "unknown group chat " + chat);
            }
            if (!group.members.contains(user.id)) {
                throw HttpProblem.control(403, "user " + user.id + " is not a member of group chat " + chat);
            }
            if (group.migratedTo != null) {
                throw HttpProblem.control(409, "group chat " + chat + " was upgraded to the supergroup "
                        + group.migratedTo + ": its people write there now");
            }
            if (group.botRemoved) {
                throw HttpProblem.control(409, "the bot was removed from group chat " + chat);
            }
        }
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

    // ---------------------------------------------------------------- the Bot API methods

    /** {@code sendMessage}: checks in Telegram's order, then stores the message; answers its JSON. */
    synchronized ObjectNode sendMessage(String chatIdParam, TelegramFormattedText text, ObjectNode keyboard,
                                        Optional<String> preview, boolean paidBroadcast) {
        return sendMessage(chatIdParam, "", text, keyboard, preview, paidBroadcast);
    }

    /**
     * As {@link #sendMessage(String, TelegramFormattedText, ObjectNode, Optional, boolean)}, in the forum topic
     * {@code threadParam} ({@code message_thread_id}) when it is not empty: a topic the chat does not have (never
     * made, deleted, General's own id 1, or a chat without topics) is 400 {@code message thread not found}, in the
     * words of Telegram's Bot API server (https://github.com/tdlib/telegram-bot-api/issues/472).
     */
    synchronized ObjectNode sendMessage(String chatIdParam, String threadParam, TelegramFormattedText text,
                                        ObjectNode keyboard, Optional<String> preview, boolean paidBroadcast) {
        long chat = chatId(chatIdParam);
        checkNotUpgraded(chat);
        checkBotMayWrite(chat);
        Long topic = threadParam.isEmpty() ? null : topic(chat, threadParam);
        checkLength(text);
        TelegramKeyboard.validate(keyboard);
        takeRate(chat, paidBroadcast);
        TelegramMessage message = store(chat, BOT_ID, text, keyboard);
        if (topic != null) {
            message.inTopic(topic);
        }
        message.linkPreview = preview.orElse(null);
        sent++;
        return messageJson(message);
    }

    /**
     * {@code editMessageText} of one of the bot's messages (https://core.telegram.org/bots/api#editmessagetext); the
     * keyboard is replaced (removed when null). An edit that would leave the message exactly as it is (the same text,
     * entities and keyboard) is refused, as Telegram refuses it: 400 {@code Bad Request: message is not modified: ...},
     * in the words of Telegram's Bot API server (https://github.com/tdlib/telegram-bot-api).
     */
    synchronized ObjectNode editMessageText(String chatIdParam, String messageIdParam, TelegramFormattedText text,
                                            ObjectNode keyboard, Optional<String> preview) {
        long chat = chatId(chatIdParam);
        checkNotUpgraded(chat);
        checkBotMayWrite(chat);
        TelegramMessage message = editable(chat, messageIdParam);
        checkLength(text);
        TelegramKeyboard.validate(keyboard);
        if (message.text.equals(text) && Objects.equals(message.keyboard, keyboard)) {
            throw notModified();
        }
        takeRate(chat);
        message.text = text;
        message.linkPreview = preview.orElse(null);
        return edited(message, keyboard);
    }

    /**
     * {@code editMessageReplyMarkup} of one of the bot's messages
     * (https://core.telegram.org/bots/api#editmessagereplymarkup): the inline keyboard is replaced, or removed when the
     * call gives none (or an empty one); the text stays. Refused as {@link #editMessageText} is, the same keyboard
     * included: 400 {@code message is not modified}; a message the chat does not have is {@code message to edit not
     * found}, a person's message {@code message can't be edited}. Answers the edited message.
     */
    synchronized ObjectNode editMessageReplyMarkup(String chatIdParam, String messageIdParam, ObjectNode keyboard) {
        long chat = chatId(chatIdParam);
        checkNotUpgraded(chat);
        checkBotMayWrite(chat);
        TelegramMessage message = editable(chat, messageIdParam);
        TelegramKeyboard.validate(keyboard);
        if (Objects.equals(message.keyboard, keyboard)) {
            throw notModified();
        }
        takeRate(chat);
        return edited(message, keyboard);
    }

    /**
     * The forum topic {@code threadParam} names in the chat; 400 {@code message thread not found} for none there,
     * {@code TOPIC_CLOSED} for one closed (see {@link #closeTopic}).
     */
    private Long topic(long chat, String threadParam) {
        long thread = parseLong(threadParam);
        TelegramGroup group = groups.get(chat);
        if (group == null || !group.forum || !group.topics.containsKey(thread)) {
            throw TelegramErrors.badRequest("message thread not found");
        }
        if (group.closedTopics.contains(thread)) {
            throw TelegramErrors.badRequest("TOPIC_CLOSED");
        }
        return thread;
    }

    private TelegramMessage editable(long chat, String messageIdParam) {
        TelegramMessage message = find(chat, parseLong(messageIdParam))
                .orElseThrow(() -> TelegramErrors.badRequest("message to edit not found"));
        if (!message.fromBot()) {
            throw TelegramErrors.badRequest("message can't be edited");
        }
        return message;
    }

    private ObjectNode edited(TelegramMessage message, ObjectNode keyboard) {
        message.keyboard = keyboard;
        message.editDate = clock.instant();
        edited++;
        return messageJson(message);
    }

    /** In the words of Telegram's Bot API server (https://github.com/tdlib/telegram-bot-api). */
    private static HttpProblem notModified() {
        return TelegramErrors.badRequest("message is not modified: specified new message content and reply markup "
                + "are exactly the same as a current content and reply markup of the message");
    }

    /**
     * {@code answerCallbackQuery}: once per tap, within {@link #CALLBACK_ANSWER_WINDOW}. A {@code url} for a button
     * that is not a game's may only open this bot with a start parameter ({@code https://t.me/<bot>?start=...}):
     * https://core.telegram.org/bots/api#answercallbackquery
     */
    synchronized void answerCallbackQuery(String id, String text, boolean showAlert, String url) {
        CallbackQuery query = callbackQueries.get(id);
        if (query == null || query.answered()
                || clock.instant().isAfter(query.at().plus(CALLBACK_ANSWER_WINDOW))) {
            throw TelegramErrors.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        if (text.length() > MAX_CALLBACK_ANSWER) {
            throw TelegramErrors.badRequest("MESSAGE_TOO_LONG");
        }
        if (!url.isEmpty() && !BOT_START_LINK.matcher(url).matches()) {
            throw TelegramErrors.badRequest("URL_INVALID");
        }
        callbackQueries.put(id, query.answer(text, showAlert, url.isEmpty() ? null : url));
        callbackAnswers++;
    }

    /**
     * {@code getChat} (https://core.telegram.org/bots/api#getchat): the chat as a {@code ChatFullInfo}, for a private
     * chat the person's names and username. A chat the bot never shared with anyone is {@code chat not found}.
     */
    synchronized ObjectNode chat(String chatIdParam) {
        long chat = chatId(chatIdParam);
        ObjectNode info = chatJson(chat);
        info.put("accent_color_id", Math.floorMod(chat, 7));
        info.put("max_reaction_count", 11);
        return info;
    }

    /** {@code getChatMember}: https://core.telegram.org/bots/api#chatmember */
    synchronized ObjectNode chatMember(String chatIdParam, String userIdParam) {
        long chat = chatId(chatIdParam);
        checkNotUpgraded(chat);
        long userId = Math.max(0, parseLong(userIdParam));
        if (userId == 0) {
            throw TelegramErrors.badRequest("invalid user_id specified");
        }
        ObjectNode member = JsonIo.object();
        if (userId == BOT_ID) {
            member.set("user", botJson());
            member.put("status", "member");
            return member;
        }
        TelegramUser user = users.get(userId);
        if (user == null) {
            throw TelegramErrors.badRequest("user not found");
        }
        member.set("user", user.toJson());
        String status = chat > 0 ? (chat == userId ? "member" : "left") : groups.get(chat).statusOf(userId);
        member.put("status", status);
        if (status.equals("creator")) {
            member.put("is_anonymous", false);
        }
        return member;
    }

    synchronized void setCommands(String scopeKey, ArrayNode list) {
        commands.put(scopeKey, list);
    }

    synchronized ArrayNode commands(String scopeKey) {
        ArrayNode list = commands.get(scopeKey);
        return list == null ? JsonIo.MAPPER.createArrayNode() : list.deepCopy();
    }

    synchronized void countCall(String method) {
        calls.merge(method, 1L, Long::sum);
    }

    /** A call answered 400: Telegram refused it as a bad request. */
    synchronized void countBadRequest(String method) {
        badRequests.merge(method, 1L, Long::sum);
    }

    /** A call answered 403: the person blocked the bot, or the group removed it. */
    synchronized void countForbidden(String method) {
        forbidden.merge(method, 1L, Long::sum);
    }

    private long chatId(String param) {
        if (param.isEmpty()) {
            throw TelegramErrors.badRequest("chat_id is empty");
        }
        long id = parseLong(param);
        boolean known = id > 0 ? users.containsKey(id) : groups.containsKey(id);
        if (!known) {
            throw TelegramErrors.badRequest("chat not found");
        }
        return id;
    }

    /** A basic group upgraded to a supergroup takes no more calls: the bot is told the supergroup's id. */
    private void checkNotUpgraded(long chat) {
        TelegramGroup group = chat < 0 ? groups.get(chat) : null;
        if (group != null && group.migratedTo != null) {
            throw TelegramErrors.groupUpgraded(group.migratedTo);
        }
        if (group != null && group.botRemoved) {
            throw TelegramErrors.forbidden("bot was kicked from the " + group.type() + " chat");
        }
    }

    private void checkBotMayWrite(long chat) {
        if (chat < 0) {
            return;
        }
        TelegramUser user = users.get(chat);
        if (user.blocked) {
            throw TelegramErrors.forbidden("bot was blocked by the user");
        }
        if (!user.started) {
            throw TelegramErrors.forbidden("bot can't initiate conversation with a user");
        }
    }

    private static void checkLength(TelegramFormattedText text) {
        if (text.text().length() > MAX_TEXT) {
            throw TelegramErrors.badRequest("message is too long");
        }
    }

    private void takeRate(long chat) {
        takeRate(chat, false);
    }

    private void takeRate(long chat, boolean paidBroadcast) {
        OptionalInt wait = limits.take(chat, paidBroadcast);
        if (wait.isPresent()) {
            rateLimited++;
            throw TelegramErrors.tooManyRequests(wait.getAsInt());
        }
    }

    /** A number as Telegram's server reads one: anything unreadable is 0. */
    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- what the control API reads

    /** Every chat's texts of the bot's messages, oldest first, edits applied, by chat id: what a load test reconciles. */
    synchronized ObjectNode botTextsByChat() {
        ObjectNode all = JsonIo.object();
        chats.forEach((chat, log) -> {
            ArrayNode texts = JsonIo.MAPPER.createArrayNode();
            log.stream().filter(TelegramMessage::fromBot).forEach(m -> texts.add(m.text.text()));
            if (!texts.isEmpty()) {
                all.set(Long.toString(chat), texts);
            }
        });
        return all;
    }

    /** The bot's messages in the chat, oldest first, edits applied. */
    synchronized List<ObjectNode> botMessages(long chat) {
        return chats.getOrDefault(chat, List.of()).stream().filter(TelegramMessage::fromBot)
                .map(TelegramEmulator::shown).toList();
    }

    /**
     * Everything said in the chat as its members see it, oldest first: people's messages with {@code from} (id and
     * first name) and the message they replied to ({@code reply_to}), and the bot's; a message without text (a photo,
     * a sticker...) with the field of its kind instead; service messages left out.
     */
    synchronized List<ObjectNode> allMessages(long chat) {
        List<ObjectNode> messages = new ArrayList<>();
        for (TelegramMessage m : chats.getOrDefault(chat, List.of())) {
            if (m.text.text().isEmpty() && m.media == null) {
                continue;
            }
            ObjectNode node = shown(m);
            if (m.media != null) {
                node.remove("text");
                TelegramMedia.fill(node, m.media, m.mediaEmoji, m.messageId);
            }
            ObjectNode from = node.putObject("from");
            from.put("id", m.fromId);
            from.put("first_name", m.fromBot() ? BOT_FIRST_NAME : users.get(m.fromId).firstName);
            from.put("is_bot", m.fromBot());
            if (m.replyTo != null) {
                node.put("reply_to", m.replyTo.messageId);
            }
            messages.add(node);
        }
        return messages;
    }

    /** A message as the chat shows it now. */
    private static ObjectNode shown(TelegramMessage m) {
        ObjectNode node = JsonIo.object();
        node.put("message_id", m.messageId);
        node.put("date", m.date.getEpochSecond());
        node.put("text", m.text.text());
        if (!m.text.entities().isEmpty()) {
            node.set("entities", m.text.entitiesJson());
        }
        if (m.keyboard != null) {
            node.set("reply_markup", m.keyboard.deepCopy());
        }
        if (m.linkPreview != null) {
            node.put("link_preview", m.linkPreview);
        }
        if (m.editDate != null) {
            node.put("edit_date", m.editDate.getEpochSecond());
        }
        if (m.topicMessage) {
            node.put("message_thread_id", m.threadId);
        }
        return node;
    }

    synchronized Optional<CallbackQuery> callbackQuery(String id) {
        return Optional.ofNullable(callbackQueries.get(id));
    }

    synchronized ObjectNode stats() {
        ObjectNode stats = JsonIo.object();
        stats.put("sent", sent);
        stats.put("edited", edited);
        stats.put("callback_answers", callbackAnswers);
        stats.put("rate_limited", rateLimited);
        stats.put("updates_delivered", webhook.deliveredCount());
        stats.put("updates_pending", webhook.pendingCount());
        stats.set("calls", JsonIo.MAPPER.valueToTree(calls));
        stats.set("forbidden", JsonIo.MAPPER.valueToTree(forbidden));
        stats.set("bad_requests", JsonIo.MAPPER.valueToTree(badRequests));
        return stats;
    }

    // ---------------------------------------------------------------- shapes and plumbing

    private TelegramMessage store(long chat, long from, TelegramFormattedText text, ObjectNode keyboard) {
        List<TelegramMessage> log = chats.computeIfAbsent(chat, id -> new ArrayList<>());
        TelegramMessage message = new TelegramMessage(chat, log.size() + 1L, from, clock.instant(), text, keyboard);
        log.add(message);
        return message;
    }

    private Optional<TelegramMessage> find(long chat, long messageId) {
        List<TelegramMessage> log = chats.getOrDefault(chat, List.of());
        return messageId >= 1 && messageId <= log.size() ? Optional.of(log.get((int) messageId - 1))
                : Optional.empty();
    }

    private ObjectNode messageJson(TelegramMessage message) {
        ObjectNode from = message.fromBot() ? botJson() : users.get(message.fromId).toJson();
        ObjectNode json = message.toJson(from, chatJson(message.chatId));
        TelegramGroup group = groups.get(message.chatId);
        if (message.replyTo == null && message.topicMessage && group != null
                && group.topics.containsKey(message.threadId) && message.messageId != message.threadId) {
            // In a topic, a message that answers none answers the service message that made the topic, as Telegram
            // sends it (https://github.com/tdlib/telegram-bot-api/issues/356)
            json.set("reply_to_message", topicCreatedMessage(group, group.topics.get(message.threadId)));
        }
        if (message.replyTo != null) {
            // Telegram does not nest replies further: the replied message comes without its own reply_to_message
            TelegramMessage replied = message.replyTo;
            ObjectNode repliedFrom = replied.fromBot() ? botJson() : users.get(replied.fromId).toJson();
            json.set("reply_to_message", replied.toJson(repliedFrom, chatJson(replied.chatId)));
        }
        return json;
    }

    private ObjectNode topicCreatedMessage(TelegramGroup group, TelegramGroup.Topic topic) {
        ObjectNode node = JsonIo.object();
        node.put("message_id", topic.threadId());
        node.set("from", users.get(topic.creator()).toJson());
        node.set("chat", group.toJson());
        node.put("date", topic.createdAt().getEpochSecond());
        node.put("message_thread_id", topic.threadId());
        node.put("is_topic_message", true);
        node.set("forum_topic_created", topicCreated(topic));
        return node;
    }

    private ObjectNode chatJson(long chat) {
        return chat > 0 ? users.get(chat).privateChatJson() : groups.get(chat).toJson();
    }

    /** A message without text from {@code by} in the group: the base of a service message. */
    private ObjectNode serviceMessage(TelegramGroup group, TelegramUser by) {
        List<TelegramMessage> log = chats.computeIfAbsent(group.id, id -> new ArrayList<>());
        TelegramMessage placeholder = new TelegramMessage(group.id, log.size() + 1L, by.id, clock.instant(),
                new TelegramFormattedText("", List.of()), null);
        log.add(placeholder);
        ObjectNode node = JsonIo.object();
        node.put("message_id", placeholder.messageId);
        node.set("from", by.toJson());
        node.set("chat", group.toJson());
        node.put("date", clock.instant().getEpochSecond());
        return node;
    }

    /** https://core.telegram.org/bots/api#chatmemberupdated for the bot itself. */
    private ObjectNode memberChange(ObjectNode chat, TelegramUser by, String oldStatus, String newStatus) {
        ObjectNode change = JsonIo.object();
        change.set("chat", chat);
        change.set("from", by.toJson());
        change.put("date", clock.instant().getEpochSecond());
        change.putObject("old_chat_member").put("status", oldStatus).set("user", botJson());
        change.putObject("new_chat_member").put("status", newStatus).set("user", botJson());
        return change;
    }

    /** The sender Telegram shows for what a group says as itself (https://core.telegram.org/bots/api#message). */
    /** Telegram's own account, the {@code from} of a channel post forwarded to its discussion group. */
    private static ObjectNode telegramServiceUserJson() {
        ObjectNode user = JsonIo.object();
        user.put("id", TELEGRAM_SERVICE_USER_ID);
        user.put("is_bot", false);
        user.put("first_name", "Telegram");
        return user;
    }

    static ObjectNode groupAnonymousBotJson() {
        ObjectNode bot = JsonIo.object();
        bot.put("id", GROUP_ANONYMOUS_BOT_ID);
        bot.put("is_bot", true);
        bot.put("first_name", "Group");
        bot.put("username", "GroupAnonymousBot");
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

    /** https://core.telegram.org/bots/api#update: a fresh {@code update_id} and one field named by its type. */
    private record Update(long id, String type, ObjectNode json) {
    }

    private Update update(String type, ObjectNode content) {
        ObjectNode json = JsonIo.object();
        long id = nextUpdateId++;
        json.put("update_id", id);
        json.set(type, content);
        return new Update(id, type, json);
    }

    private CompletableFuture<TelegramWebhook.Delivery> submit(long chat, Update update) {
        return webhook.submit(chat, update.id(), update.type(), update.json());
    }

    private CompletableFuture<List<TelegramWebhook.Delivery>> submitAll(long chat, List<Update> updates) {
        List<CompletableFuture<TelegramWebhook.Delivery>> deliveries = new ArrayList<>();
        for (Update update : updates) {
            deliveries.add(submit(chat, update));
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
                .thenApply(done -> deliveries.stream().map(CompletableFuture::join).toList());
    }

    /** A stable opaque string per chat, as Telegram's {@code chat_instance}. */
    private static String chatInstance(long chat) {
        return Long.toString(Long.rotateLeft(chat * 0x9E3779B97F4A7C15L, 17));
    }
}
