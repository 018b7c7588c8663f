package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What people do to the sandbox's group chats: make one with the bot, join and leave, upgrade a basic group to a
 * supergroup, remove the bot and add it back. Guarded by the {@link TelegramEmulator}'s lock.
 */
final class TelegramGroupAdmin {
    private final TelegramChats chats;
    private final TelegramChatLogs logs;
    private final TelegramUpdates updates;

    TelegramGroupAdmin(TelegramChats chats, TelegramChatLogs logs, TelegramUpdates updates) {
        this.chats = chats;
        this.logs = logs;
        this.updates = updates;
    }

    /**
     * A group chat with the bot in it; the first member is its creator and added the bot. {@code forum}: a supergroup
     * with topics turned on.
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> create(long id, String title, List<Long> members,
                                                             boolean forum) {
        checkNewGroup(id, members, forum);
        TelegramGroup group = new TelegramGroup(id, title, members.get(0));
        group.forum = forum;
        members.forEach(member -> group.members.add(chats.person(member, TelegramEmulator.Profile.NONE).id));
        chats.add(group);
        return botJoins(group, chats.user(group.creator), "left");
    }

    private void checkNewGroup(long id, List<Long> members, boolean forum) {
        if (forum && id > TelegramGroup.SUPERGROUP_IDS_BELOW) {
            throw HttpProblem.control(400, "only a supergroup (an id at or below "
                    + TelegramGroup.SUPERGROUP_IDS_BELOW + ") has topics");
        }
        if (id >= 0) {
            throw HttpProblem.control(400, "a group chat id is negative");
        }
        if (chats.hasGroup(id)) {
            throw HttpProblem.control(409, "group chat " + id + " already exists");
        }
        if (members.isEmpty()) {
            throw HttpProblem.control(400, "a group chat needs at least one member");
        }
    }

    /** {@code user} joins ({@code joins}) or leaves the group: the bot sees the service message. */
    CompletableFuture<List<TelegramWebhook.Delivery>> changeMembership(long groupId, long userId, boolean joins) {
        TelegramGroup group = chats.knownGroup(groupId);
        TelegramUser user = chats.person(userId, TelegramEmulator.Profile.NONE);
        if (group.members.contains(userId) == joins) {
            throw HttpProblem.control(409, "user " + userId + (joins ? " is already" : " is not") + " a member");
        }
        ObjectNode service = logs.serviceMessage(group, user);
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
        return updates.submitMessage(groupId, service);
    }

    /**
     * {@code by} upgrades the basic group {@code id} to the supergroup {@code to}, as Telegram does when an admin turns
     * on topics or visible history, gives the group a public link, or it outgrows a basic group: the supergroup is a
     * new chat with a new id, the same title and members, and the bot in it. The bot gets a service message in the old
     * chat carrying {@code migrate_to_chat_id}, from {@code by}, and one in the new chat carrying
     * {@code migrate_from_chat_id}, from the group itself (https://core.telegram.org/bots/api#message). From then on
     * every call about the old chat is {@code group chat was upgraded to a supergroup chat} with
     * {@code parameters.migrate_to_chat_id} (https://core.telegram.org/bots/api#responseparameters). A group the bot
     * was removed from is upgraded too (nobody needs the bot for that): the bot, out of both, gets no update, and
     * can be added to the supergroup ({@link #addBotBack}); the old id answers as above.
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> upgrade(long id, long to, long by) {
        TelegramGroup group = chats.knownGroup(id);
        boolean botAway = group.botRemoved && group.migratedTo == null;
        if (botAway && !group.members.contains(by)) {
            throw HttpProblem.control(403, "user " + by + " is not a member of group chat " + id);
        }
        if (!botAway) {
            chats.groupActedOnBy(id, by);
        }
        checkUpgrade(group, to);
        TelegramGroup supergroup = new TelegramGroup(to, group.title, group.creator);
        supergroup.members.addAll(group.members);
        supergroup.botRemoved = botAway;
        chats.add(supergroup);
        group.migratedTo = to;
        if (botAway) {
            return CompletableFuture.completedFuture(List.of());
        }
        ObjectNode left = logs.serviceMessage(group, chats.user(by));
        left.put("migrate_to_chat_id", to);
        ObjectNode arrived = logs.serviceMessage(supergroup, chats.user(by));
        arrived.set("from", TelegramEmulator.groupAnonymousBotJson());
        arrived.set("sender_chat", supergroup.toJson());
        arrived.put("migrate_from_chat_id", id);
        return updates.submitMessage(id, left).thenCombine(updates.submitMessage(to, arrived), (a, b) -> {
            List<TelegramWebhook.Delivery> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    private void checkUpgrade(TelegramGroup group, long to) {
        if (!group.isBasicGroup()) {
            throw HttpProblem.control(409, "group chat " + group.id + " is a supergroup already");
        }
        if (to > TelegramGroup.SUPERGROUP_IDS_BELOW || chats.hasGroup(to) || chats.hasUser(-to)) {
            throw HttpProblem.control(400, "\"to\" must be an unused supergroup id, at or below "
                    + TelegramGroup.SUPERGROUP_IDS_BELOW);
        }
    }

    /**
     * {@code by} renames the group: from then on its {@code chat.title} (in every update and in {@code getChat}) is
     * {@code title}, 1 to 128 characters as {@code setChatTitle} allows (https://core.telegram.org/bots/api#setchattitle),
     * and the bot gets the service message carrying {@code new_chat_title} (https://core.telegram.org/bots/api#message),
     * which Telegram sends to a bot in privacy mode too.
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> rename(long id, long by, String title) {
        if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > 128) {
            throw HttpProblem.control(400, "\"title\" must be 1 to 128 characters");
        }
        TelegramGroup group = chats.groupActedOnBy(id, by);
        group.title = title;
        ObjectNode service = logs.serviceMessage(group, chats.user(by));
        service.put("new_chat_title", title);
        return updates.submitMessage(id, service);
    }

    /**
     * {@code by} adds the bot back to the group it was removed from: as when a group is made with the bot, the bot gets
     * a {@code my_chat_member} update (kicked to member) and the service message naming it among
     * {@code new_chat_members} (https://core.telegram.org/bots/api#chatmemberupdated), and the group takes its calls
     * again.
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> addBotBack(long id, long by) {
        TelegramGroup group = chats.knownGroup(id);
        if (!group.botRemoved) {
            throw HttpProblem.control(409, "the bot is in group chat " + id);
        }
        if (!group.members.contains(by)) {
            throw HttpProblem.control(403, "user " + by + " is not a member of group chat " + id);
        }
        group.botRemoved = false;
        return botJoins(group, chats.user(by), "kicked");
    }

    /**
     * {@code by} removes the bot from the group: the bot gets a {@code my_chat_member} update (member to kicked), and
     * from then on every call about the group is 403 {@code bot was kicked from the group chat} (or the supergroup
     * chat), as Telegram's Bot API server words it (https://github.com/tdlib/telegram-bot-api).
     */
    CompletableFuture<List<TelegramWebhook.Delivery>> removeBot(long id, long by) {
        TelegramGroup group = chats.groupActedOnBy(id, by);
        group.botRemoved = true;
        return updates.submitAll(id, List.of(updates.update("my_chat_member",
                updates.memberChange(group.toJson(), chats.user(by), "member", "kicked"))));
    }

    /** {@code adder} puts the bot in the group: its {@code my_chat_member} update, then the service message. */
    private CompletableFuture<List<TelegramWebhook.Delivery>> botJoins(TelegramGroup group, TelegramUser adder,
                                                                       String botWas) {
        ObjectNode botJoined = logs.serviceMessage(group, adder);
        botJoined.putArray("new_chat_members").add(TelegramEmulator.botJson());
        botJoined.set("new_chat_member", TelegramEmulator.botJson());
        botJoined.set("new_chat_participant", TelegramEmulator.botJson());
        return updates.submitAll(group.id, List.of(
                updates.update("my_chat_member", updates.memberChange(group.toJson(), adder, botWas, "member")),
                updates.update("message", botJoined)));
    }
}
