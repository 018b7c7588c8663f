package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's Telegram people and group chats, who may write where, and how the Bot API names a chat. Guarded by
 * the {@link TelegramEmulator}'s lock.
 */
final class TelegramChats {
    private final Map<Long, TelegramUser> users = new HashMap<>();
    private final Map<Long, TelegramGroup> groups = new HashMap<>();

    /** The person {@code id}, known from now on, with the names the profile brings. */
    TelegramUser person(long id, TelegramEmulator.Profile profile) {
        if (id <= 0) {
            throw HttpProblem.control(400, "a Telegram user id is a positive integer");
        }
        if (id == TelegramEmulator.BOT_ID) {
            throw HttpProblem.control(400, "that id is the bot's own");
        }
        refuseUsernameHeldByAnother(id, profile.username());
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

    /**
     * A username belongs to one person at a time, letters in any case alike, and a bot's (this bot's, GroupAnonymousBot)
     * to nobody else; one freed (its holder changed or removed theirs) may be taken by anyone. Telegram refuses another's with 400 {@code USERNAME_OCCUPIED}
     * (https://core.telegram.org/method/account.updateUsername), as does the control API, before anything changes.
     */
    private void refuseUsernameHeldByAnother(long id, String username) {
        if (username == null || username.isBlank()) {
            return;
        }
        for (String bot : List.of(TelegramEmulator.BOT_USERNAME, TelegramEmulator.GROUP_ANONYMOUS_BOT_USERNAME)) {
            if (username.equalsIgnoreCase(bot)) {
                throw HttpProblem.control(400, "USERNAME_OCCUPIED: @" + username + " is a bot's");
            }
        }
        for (TelegramUser other : users.values()) {
            if (other.id != id && username.equalsIgnoreCase(other.username)) {
                throw HttpProblem.control(400, "USERNAME_OCCUPIED: @" + username + " is user " + other.id
                        + "'s; it is free once they change theirs");
            }
        }
    }

    /** The person {@code id}; null when the sandbox does not know them. */
    TelegramUser user(long id) {
        return users.get(id);
    }

    /** The person {@code id}, 404 when the sandbox does not know them. */
    TelegramUser knownUser(long id) {
        TelegramUser user = users.get(id);
        if (user == null) {
            throw HttpProblem.control(404, "unknown Telegram user " + id);
        }
        return user;
    }

    /** The group chat {@code id}; null when there is none. */
    TelegramGroup group(long id) {
        return groups.get(id);
    }

    /** The group chat {@code id}, 404 when there is none. */
    TelegramGroup knownGroup(long id) {
        TelegramGroup group = groups.get(id);
        if (group == null) {
            throw HttpProblem.control(404, "unknown group chat " + id);
        }
        return group;
    }

    boolean hasGroup(long id) {
        return groups.containsKey(id);
    }

    boolean hasUser(long id) {
        return users.containsKey(id);
    }

    void add(TelegramGroup group) {
        groups.put(group.id, group);
    }

    /**
     * A person's update from their private chat that reached the bot without the emulator posting it: as their first
     * message does, it opens their private chat (unless they blocked the bot).
     */
    void openedElsewhere(long userId) {
        TelegramUser user = users.computeIfAbsent(userId, key -> new TelegramUser(key, "User " + key));
        if (!user.blocked) {
            user.started = true;
        }
    }

    void checkCanWrite(TelegramUser user, long chat) {
        if (chat > 0 && chat != user.id) {
            throw HttpProblem.control(400, "a person writes in their own private chat with the bot (its id is "
                    + "theirs) or in a group chat");
        }
        if (chat == user.id && user.blocked) {
            throw HttpProblem.control(409, "user " + user.id + " has blocked the bot; unblock it first");
        }
        if (chat < 0) {
            checkCanWriteInGroup(user, chat);
        }
    }

    private void checkCanWriteInGroup(TelegramUser user, long chat) {
        TelegramGroup group = knownGroup(chat);
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

    /** The group {@code id}, which {@code by} may act in (404 for no such group, as {@link #checkCanWrite} else). */
    TelegramGroup groupActedOnBy(long id, long by) {
        TelegramGroup group = knownGroup(id);
        TelegramUser user = users.get(by);
        checkCanWrite(user == null ? person(by, TelegramEmulator.Profile.NONE) : user, id);
        return group;
    }

    ObjectNode chatJson(long chat) {
        return chat > 0 ? users.get(chat).privateChatJson() : groups.get(chat).toJson();
    }

    /** The {@code from} of a message: the bot or the person. */
    ObjectNode senderJson(long userId) {
        return userId == TelegramEmulator.BOT_ID ? TelegramEmulator.botJson() : users.get(userId).toJson();
    }

    // ---------------------------------------------------------------- the chat as a Bot API call names it

    /** The chat a call's {@code chat_id} names: {@code chat not found} for one the bot never shared with anyone. */
    long chatId(String param) {
        if (param.isEmpty()) {
            throw TelegramErrors.badRequest("chat_id is empty");
        }
        long id = TelegramParams.parseLong(param);
        boolean known = id > 0 ? users.containsKey(id) : groups.containsKey(id);
        if (!known) {
            throw TelegramErrors.badRequest("chat not found");
        }
        return id;
    }

    /** A basic group upgraded to a supergroup takes no more calls: the bot is told the supergroup's id. */
    void checkNotUpgraded(long chat) {
        TelegramGroup group = chat < 0 ? groups.get(chat) : null;
        if (group != null && group.migratedTo != null) {
            throw TelegramErrors.groupUpgraded(group.migratedTo);
        }
        if (group != null && group.botRemoved) {
            throw TelegramErrors.forbidden("bot was kicked from the " + group.type() + " chat");
        }
    }

    void checkBotMayWrite(long chat) {
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

    /**
     * {@code getChat} (https://core.telegram.org/bots/api#getchat): the chat as a {@code ChatFullInfo}, for a private
     * chat the person's names and username. A chat the bot never shared with anyone is {@code chat not found}; a basic
     * group upgraded since answers as every call about it does ({@link #checkNotUpgraded}: Telegram's Bot API server
     * checks a chat so for each method, https://github.com/tdlib/telegram-bot-api).
     */
    ObjectNode chatInfo(String chatIdParam) {
        long chat = chatId(chatIdParam);
        checkNotUpgraded(chat);
        ObjectNode info = chatJson(chat);
        info.put("accent_color_id", Math.floorMod(chat, 7));
        info.put("max_reaction_count", 11);
        return info;
    }

    /** {@code getChatMember}: https://core.telegram.org/bots/api#chatmember */
    ObjectNode chatMember(String chatIdParam, String userIdParam) {
        long chat = chatId(chatIdParam);
        checkNotUpgraded(chat);
        long userId = Math.max(0, TelegramParams.parseLong(userIdParam));
        if (userId == 0) {
            throw TelegramErrors.badRequest("invalid user_id specified");
        }
        ObjectNode member = JsonIo.object();
        if (userId == TelegramEmulator.BOT_ID) {
            member.set("user", TelegramEmulator.botJson());
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
}
