package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A group chat of the sandbox with the bot in it. Ids at or below -1000000000000 are supergroups (Telegram's
 * {@code -100...} ids), other negative ids basic groups. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramGroup {
    static final long SUPERGROUP_IDS_BELOW = -1_000_000_000_000L;

    final long id;
    String title;
    final long creator;
    final Set<Long> members = new LinkedHashSet<>();
    /** The supergroup this basic group was upgraded to; null while it was not. */
    Long migratedTo;
    /** The bot was removed from the group and takes no part in it any more. */
    boolean botRemoved;
    /**
     * Topics are turned on: the supergroup is a forum (https://core.telegram.org/bots/api#chat {@code is_forum}),
     * whose messages outside a topic go to its General topic.
     */
    boolean forum;
    /** The forum's topics that are there now, by their {@code message_thread_id}. */
    final Map<Long, Topic> topics = new LinkedHashMap<>();
    /** The thread ids of the forum's topics closed now (https://core.telegram.org/bots/api#closeforumtopic). */
    final Set<Long> closedTopics = new HashSet<>();

    /**
     * A forum topic: its thread id is the id of the service message that made it ({@code forum_topic_created}),
     * https://core.telegram.org/bots/api#forumtopiccreated.
     */
    record Topic(long threadId, String name, long creator, Instant createdAt) {
    }

    TelegramGroup(long id, String title, long creator) {
        this.id = id;
        this.title = title;
        this.creator = creator;
    }

    boolean isBasicGroup() {
        return id > SUPERGROUP_IDS_BELOW;
    }

    String type() {
        return id <= SUPERGROUP_IDS_BELOW ? "supergroup" : "group";
    }

    /** https://core.telegram.org/bots/api#chat */
    ObjectNode toJson() {
        ObjectNode node = JsonIo.object();
        node.put("id", id);
        node.put("title", title);
        node.put("type", type());
        if (forum) {
            node.put("is_forum", true);
        }
        return node;
    }

    /**
     * Whether {@code userId} may write in the topic: any member while it is open; once closed, only the topic's maker
     * and the group's creator (an administrator with every right, {@code can_manage_topics} among them), as
     * https://core.telegram.org/bots/api#closeforumtopic has it.
     */
    boolean mayWriteIn(Topic topic, long userId) {
        return !closedTopics.contains(topic.threadId()) || userId == topic.creator() || userId == creator;
    }

    /** The status {@code getChatMember} reports for a user this sandbox knows. */
    String statusOf(long userId) {
        if (!members.contains(userId)) {
            return "left";
        }
        return userId == creator ? "creator" : "member";
    }
}
