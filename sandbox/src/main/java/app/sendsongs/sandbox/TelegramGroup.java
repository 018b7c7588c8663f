package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A group chat of the sandbox with the bot in it. Ids at or below -1000000000000 are supergroups (Telegram's
 * {@code -100...} ids), other negative ids basic groups. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramGroup {
    static final long SUPERGROUP_IDS_BELOW = -1_000_000_000_000L;

    final long id;
    final String title;
    final long creator;
    final Set<Long> members = new LinkedHashSet<>();
    /** The supergroup this basic group was upgraded to; null while it was not. */
    Long migratedTo;
    /** The bot was removed from the group and takes no part in it any more. */
    boolean botRemoved;

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
        return node;
    }

    /** The status {@code getChatMember} reports for a user this sandbox knows. */
    String statusOf(long userId) {
        if (!members.contains(userId)) {
            return "left";
        }
        return userId == creator ? "creator" : "member";
    }
}
