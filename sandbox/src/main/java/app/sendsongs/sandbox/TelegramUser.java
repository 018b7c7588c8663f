package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Telegram account of the sandbox, as the bot sees it. Guarded by the {@link TelegramEmulator}'s lock. */
final class TelegramUser {
    final long id;
    String firstName;
    String lastName;
    String username;
    /** Has opened a private chat with the bot (sent it a message); only then may the bot write to them. */
    boolean started;
    /** Has blocked the bot: the bot can no longer write to them. */
    boolean blocked;

    TelegramUser(long id, String firstName) {
        this.id = id;
        this.firstName = firstName;
    }

    /** https://core.telegram.org/bots/api#user */
    ObjectNode toJson() {
        ObjectNode node = JsonIo.object();
        node.put("id", id);
        node.put("is_bot", false);
        putNames(node);
        node.put("language_code", "en");
        return node;
    }

    /** The private chat with this user (https://core.telegram.org/bots/api#chat): its id is the user's. */
    ObjectNode privateChatJson() {
        ObjectNode node = JsonIo.object();
        node.put("id", id);
        putNames(node);
        node.put("type", "private");
        return node;
    }

    private void putNames(ObjectNode node) {
        node.put("first_name", firstName);
        if (lastName != null) {
            node.put("last_name", lastName);
        }
        if (username != null) {
            node.put("username", username);
        }
    }
}
