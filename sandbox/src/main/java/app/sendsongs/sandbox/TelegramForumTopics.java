package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The topics of the sandbox's forums (supergroups with topics turned on): made, closed, reopened and deleted by
 * people, and where a message may go. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramForumTopics {
    /** Longest name of a forum topic (https://core.telegram.org/bots/api#createforumtopic). */
    static final int MAX_TOPIC_NAME = 128;
    /** The first of the colours Telegram lets a topic's icon have (https://core.telegram.org/bots/api#createforumtopic). */
    private static final int TOPIC_ICON_COLOR = 0x6FB9F0;

    private final ManualClock clock;
    private final TelegramChats chats;
    private final TelegramChatLogs logs;
    private final TelegramUpdates updates;

    TelegramForumTopics(ManualClock clock, TelegramChats chats, TelegramChatLogs logs, TelegramUpdates updates) {
        this.clock = clock;
        this.chats = chats;
        this.logs = logs;
        this.updates = updates;
    }

    /**
     * {@code by} makes a topic named {@code name} in the forum {@code groupId}
     * (https://core.telegram.org/bots/api#createforumtopic): its {@code message_thread_id} is the id of the service
     * message that made it, which carries {@code forum_topic_created} and reaches the bot as service messages do.
     */
    CompletableFuture<TelegramEmulator.TopicMade> create(long groupId, long by, String name) {
        TelegramGroup group = forumActedOnBy(groupId, by);
        if (name == null || name.isBlank() || name.length() > MAX_TOPIC_NAME) {
            throw HttpProblem.control(400, "a topic's name is 1-" + MAX_TOPIC_NAME + " characters");
        }
        ObjectNode made = serviceMessageMakingTopic(group, by);
        long threadId = made.path("message_thread_id").asLong();
        TelegramGroup.Topic topic = new TelegramGroup.Topic(threadId, name, by, clock.instant());
        group.topics.put(threadId, topic);
        made.set("forum_topic_created", topicCreated(topic));
        return updates.submitMessage(groupId, made)
                .thenApply(deliveries -> new TelegramEmulator.TopicMade(threadId, deliveries));
    }

    /**
     * {@code by} deletes the topic {@code threadId} of the forum {@code groupId}
     * (https://core.telegram.org/bots/api#deleteforumtopic): nothing can be sent there any more (400
     * {@code message thread not found}); the sandbox keeps its messages for the control API to read.
     */
    void delete(long groupId, long by, long threadId) {
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
    CompletableFuture<List<TelegramWebhook.Delivery>> close(long groupId, long by, long threadId, boolean closed) {
        TelegramGroup group = forumActedOnBy(groupId, by);
        checkMayClose(group, by, threadId, closed);
        if (closed) {
            group.closedTopics.add(threadId);
        } else {
            group.closedTopics.remove(threadId);
        }
        ObjectNode service = serviceMessageInTopic(group, by, threadId);
        service.putObject(closed ? "forum_topic_closed" : "forum_topic_reopened");
        return updates.submitMessage(groupId, service);
    }

    private static void checkMayClose(TelegramGroup group, long by, long threadId, boolean closed) {
        TelegramGroup.Topic topic = group.topics.get(threadId);
        if (topic == null) {
            throw HttpProblem.control(404, "no topic " + threadId + " in chat " + group.id);
        }
        if (by != topic.creator() && by != group.creator) {
            throw HttpProblem.control(403, "user " + by + " neither made the topic nor created the group");
        }
        if (closed == group.closedTopics.contains(threadId)) {
            throw HttpProblem.control(409, "topic " + threadId + " is " + (closed ? "closed" : "open")
                    + " already");
        }
    }

    /** A service message from {@code by} that makes a topic: its own id is the topic's thread id. */
    private ObjectNode serviceMessageMakingTopic(TelegramGroup group, long by) {
        ObjectNode made = logs.serviceMessage(group, chats.user(by));
        return inTopic(group, made, made.path("message_id").asLong());
    }

    private ObjectNode serviceMessageInTopic(TelegramGroup group, long by, long threadId) {
        return inTopic(group, logs.serviceMessage(group, chats.user(by)), threadId);
    }

    private ObjectNode inTopic(TelegramGroup group, ObjectNode service, long threadId) {
        logs.last(group.id).inTopic(threadId);
        service.put("message_thread_id", threadId);
        service.put("is_topic_message", true);
        return service;
    }

    private TelegramGroup forumActedOnBy(long groupId, long by) {
        TelegramGroup group = chats.groupActedOnBy(groupId, by);
        if (!group.forum) {
            throw HttpProblem.control(409, "group chat " + groupId + " has no topics (it is not a forum)");
        }
        return group;
    }

    /** The topic a person's message goes to: the one named, else the one of the message it answers; null for none. */
    Long topicOf(long chat, long from, Long topic, TelegramMessage replied) {
        Long repliedTopic = replied != null && replied.topicMessage ? replied.threadId : null;
        if (topic == null) {
            checkMayWriteIn(chat, from, repliedTopic);
            return repliedTopic;
        }
        TelegramGroup group = chats.group(chat);
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

    /** A closed topic takes messages only from its maker and the group's creator (see {@link #close}). */
    private void checkMayWriteIn(long chat, long from, Long topic) {
        TelegramGroup group = chats.group(chat);
        TelegramGroup.Topic there = topic == null || group == null ? null : group.topics.get(topic);
        if (there != null && !group.mayWriteIn(there, from)) {
            throw HttpProblem.control(409, "topic " + topic + " is closed: only its maker and the group's creator "
                    + "write there");
        }
    }

    /**
     * The forum topic a bot's call names by {@code message_thread_id} in the chat; 400 {@code message thread not
     * found} for none there, {@code TOPIC_CLOSED} for one closed (see {@link #close}).
     */
    long topicForBot(long chat, String threadParam) {
        long thread = TelegramParams.parseLong(threadParam);
        TelegramGroup group = chats.group(chat);
        if (group == null || !group.forum || !group.topics.containsKey(thread)) {
            throw TelegramErrors.badRequest("message thread not found");
        }
        if (group.closedTopics.contains(thread)) {
            throw TelegramErrors.badRequest("TOPIC_CLOSED");
        }
        return thread;
    }

    /** https://core.telegram.org/bots/api#forumtopiccreated */
    static ObjectNode topicCreated(TelegramGroup.Topic topic) {
        return JsonIo.object().put("name", topic.name()).put("icon_color", TOPIC_ICON_COLOR);
    }
}
