package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Bot API {@code MessageEntity}: a span of the message text, in UTF-16 code units, with its type
 * (https://core.telegram.org/bots/api#messageentity). {@code argument} is the URL of a {@code text_link}, the
 * language of a {@code pre} block or the id of a {@code custom_emoji}; null otherwise.
 */
record TelegramEntity(String type, int offset, int length, String argument) {

    TelegramEntity(String type, int offset, int length) {
        this(type, offset, length, null);
    }

    TelegramEntity shifted(int by) {
        return new TelegramEntity(type, offset + by, length, argument);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonIo.object();
        node.put("offset", offset);
        node.put("length", length);
        node.put("type", type);
        if (argument != null) {
            switch (type) {
                case "text_link" -> node.put("url", argument);
                case "pre" -> node.put("language", argument);
                case "custom_emoji" -> node.put("custom_emoji_id", argument);
                default -> {
                }
            }
        }
        return node;
    }
}
