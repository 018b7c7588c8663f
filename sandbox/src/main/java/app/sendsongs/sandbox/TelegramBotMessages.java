package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the bot sends and edits through the Bot API, checked in Telegram's order, and the counts of it. Guarded by the
 * {@link TelegramEmulator}'s lock.
 */
final class TelegramBotMessages {
    private final ManualClock clock;
    private final TelegramChats chats;
    private final TelegramChatLogs logs;
    private final TelegramForumTopics topics;
    private final TelegramRateLimits limits;
    private long sent;
    private long edited;
    private long rateLimited;

    TelegramBotMessages(ManualClock clock, TelegramChats chats, TelegramChatLogs logs, TelegramForumTopics topics,
                        TelegramRateLimits limits) {
        this.clock = clock;
        this.chats = chats;
        this.logs = logs;
        this.topics = topics;
        this.limits = limits;
    }

    /**
     * {@code sendMessage}: checks in Telegram's order, then stores the message; answers its JSON. In the forum topic
     * {@code threadParam} ({@code message_thread_id}) when it is not empty: a topic the chat does not have (never
     * made, deleted, General's own id 1, or a chat without topics) is 400 {@code message thread not found}, in the
     * words of Telegram's Bot API server (https://github.com/tdlib/telegram-bot-api/issues/472).
     */
    ObjectNode send(String chatIdParam, String threadParam, TelegramFormattedText text, ObjectNode keyboard,
                    Optional<String> preview, boolean paidBroadcast) {
        long chat = writableChat(chatIdParam);
        Long topic = threadParam.isEmpty() ? null : topics.topicForBot(chat, threadParam);
        checkLength(text);
        TelegramKeyboard.validate(keyboard);
        takeRate(chat, paidBroadcast);
        TelegramMessage message = logs.store(chat, TelegramEmulator.BOT_ID, text, keyboard);
        if (topic != null) {
            message.inTopic(topic);
        }
        message.linkPreview = preview.orElse(null);
        sent++;
        return logs.messageJson(message);
    }

    /**
     * {@code editMessageText} of one of the bot's messages (https://core.telegram.org/bots/api#editmessagetext); the
     * keyboard is replaced (removed when null). An edit that would leave the message exactly as it is (the same text,
     * entities and keyboard) is refused, as Telegram refuses it: 400 {@code Bad Request: message is not modified: ...},
     * in the words of Telegram's Bot API server (https://github.com/tdlib/telegram-bot-api).
     */
    ObjectNode editText(String chatIdParam, String messageIdParam, TelegramFormattedText text, ObjectNode keyboard,
                        Optional<String> preview) {
        long chat = writableChat(chatIdParam);
        TelegramMessage message = editable(chat, messageIdParam);
        checkLength(text);
        TelegramKeyboard.validate(keyboard);
        if (message.text.equals(text) && Objects.equals(message.keyboard, keyboard)) {
            throw notModified();
        }
        takeRate(chat, false);
        message.text = text;
        message.linkPreview = preview.orElse(null);
        return edited(message, keyboard);
    }

    /**
     * {@code editMessageReplyMarkup} of one of the bot's messages
     * (https://core.telegram.org/bots/api#editmessagereplymarkup): the inline keyboard is replaced, or removed when the
     * call gives none (or an empty one); the text stays. Refused as {@link #editText} is, the same keyboard
     * included: 400 {@code message is not modified}; a message the chat does not have is {@code message to edit not
     * found}, a person's message {@code message can't be edited}. Answers the edited message.
     */
    ObjectNode editReplyMarkup(String chatIdParam, String messageIdParam, ObjectNode keyboard) {
        long chat = writableChat(chatIdParam);
        TelegramMessage message = editable(chat, messageIdParam);
        TelegramKeyboard.validate(keyboard);
        if (Objects.equals(message.keyboard, keyboard)) {
            throw notModified();
        }
        takeRate(chat, false);
        return edited(message, keyboard);
    }

    long sent() {
        return sent;
    }

    long edited() {
        return edited;
    }

    long rateLimited() {
        return rateLimited;
    }

    /** The chat {@code chat_id} names, where the bot may write. */
    private long writableChat(String chatIdParam) {
        long chat = chats.chatId(chatIdParam);
        chats.checkNotUpgraded(chat);
        chats.checkBotMayWrite(chat);
        return chat;
    }

    private TelegramMessage editable(long chat, String messageIdParam) {
        TelegramMessage message = logs.find(chat, TelegramParams.parseLong(messageIdParam))
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
        return logs.messageJson(message);
    }

    private static void checkLength(TelegramFormattedText text) {
        if (text.text().length() > TelegramEmulator.MAX_TEXT) {
            throw TelegramErrors.badRequest("message is too long");
        }
    }

    private void takeRate(long chat, boolean paidBroadcast) {
        OptionalInt wait = limits.take(chat, paidBroadcast);
        if (wait.isPresent()) {
            rateLimited++;
            throw TelegramErrors.tooManyRequests(wait.getAsInt());
        }
    }

    /** In the words of Telegram's Bot API server (https://github.com/tdlib/telegram-bot-api). */
    private static HttpProblem notModified() {
        return TelegramErrors.badRequest("message is not modified: specified new message content and reply markup "
                + "are exactly the same as a current content and reply markup of the message");
    }
}
