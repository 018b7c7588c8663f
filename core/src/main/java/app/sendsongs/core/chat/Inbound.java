package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a person did in the chat, as a platform's adapter reports it. {@code eventId} is the
 * platform's id of the event, the same when the platform delivers it again (Messenger's
 * {@code mid}, Telegram's {@code update_id}); {@link #deliveryKey()} makes it unique across
 * platforms. Taps carry a payload the bot reads exactly as typed text (see {@link Payload}).
 */
public sealed interface Inbound {
    String eventId();

    ChatAddress from();

    Instant at();

    /**
     * How far ahead of the clock an event may be dated. No platform's clock is that far off; an event dated further
     * would keep its handled mark until then, and a date past what a store can write fails the write it is in.
     */
    Duration MOST_AHEAD = Duration.ofDays(1);

    /**
     * Whether the event can be handled exactly once: dated within the dedupe {@code window} before {@code now}
     * (an older one's mark may be forgotten already) and no more than {@link #MOST_AHEAD} after it.
     */
    default boolean datedWithin(Duration window, Instant now) {
        return !at().isBefore(now.minus(window)) && !at().isAfter(now.plus(MOST_AHEAD));
    }

    /** The key under which the event is recorded once: platform id, ':', event id ("messenger:m_1"). */
    default String deliveryKey() {
        return from().platform().id() + ":" + eventId();
    }

    /** A text the person typed. */
    record Text(String eventId, ChatAddress from, Instant at, String text) implements Inbound {
        public Text {
            check(eventId, from, at);
            Objects.requireNonNull(text, "text");
        }
    }

    /** The person tapped one of a message's {@link Choice}s. */
    record ChoiceTapped(String eventId, ChatAddress from, Instant at, String payload, String title)
            implements Inbound {
        public ChoiceTapped {
            check(eventId, from, at);
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(title, "title");
        }
    }

    /** The person tapped a {@link Button.Reply} (on a card, or a platform's menu or "get started" button). */
    record ButtonTapped(String eventId, ChatAddress from, Instant at, String payload, String title)
            implements Inbound {
        public ButtonTapped {
            check(eventId, from, at);
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * The person sent something the bot cannot read: no text and no tap (a photo, a voice message, a sticker...).
     * {@code what} names it as the bot says it back, in the singular, a word or two that reads after "a" and takes a
     * plural with an "s" ("photo", "voice message", "GIF").
     */
    record Unreadable(String eventId, ChatAddress from, Instant at, String what) implements Inbound {
        /** Longest name of what was sent: the names are the bot's own few, never what a person wrote. */
        public static final int MAX_WHAT = 32;

        public Unreadable {
            check(eventId, from, at);
            Objects.requireNonNull(what, "what");
            if (what.isBlank() || what.length() > MAX_WHAT) {
                throw new IllegalArgumentException("what cannot be read needs a short name");
            }
        }
    }

    /**
     * The person edited a message they had sent (Telegram's {@code edited_message}): the bot reads only new messages,
     * so it says the edit changed nothing. {@code eventId} names the message edited, not the edit ({@link
     * #editedMessageId}), so that however many times it is edited, it is answered once.
     */
    record Edited(String eventId, ChatAddress from, Instant at) implements Inbound {
        /** What the bot answers an edit, in the person's chat or in a group chat. */
        public static final String ANSWER = "I only read new messages, so that edit changed nothing. Send the "
                + "corrected message again.";

        public Edited {
            check(eventId, from, at);
        }
    }

    /**
     * The event id of an edit of the message {@code messageId} of the chat {@code chatId}: the same for every edit of
     * that message, and never a platform's id of a new event, so that the handled marks answer one edit per message.
     */
    static String editedMessageId(String chatId, String messageId) {
        return "edited:" + chatId + ":" + messageId;
    }

    /**
     * The person opened the conversation through a link that carries {@code ref} (a Messenger
     * {@code m.me/...?ref=} referral, a Telegram {@code /start} payload); {@code ref} may be empty.
     */
    record OpenedLink(String eventId, ChatAddress from, Instant at, String ref) implements Inbound {
        public OpenedLink {
            check(eventId, from, at);
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * The person blocked the bot (Telegram's {@code my_chat_member} update for their private chat, the bot
     * {@code kicked}): nothing reaches them until they unblock it. Nothing can be answered.
     */
    record BotBlocked(String eventId, ChatAddress from, Instant at) implements Inbound {
        public BotBlocked {
            check(eventId, from, at);
        }
    }

    /**
     * The person lets the bot message them again after blocking it (Telegram's {@code my_chat_member} update for their
     * private chat, the bot a member again). Nothing was typed, so nothing is answered.
     */
    record BotUnblocked(String eventId, ChatAddress from, Instant at) implements Inbound {
        public BotUnblocked {
            check(eventId, from, at);
        }
    }

    /**
     * Something happened in a group chat the bot is in (a Telegram group), rather than in the person's own chat with
     * it: {@code from} is who did it, {@code chat} where.
     */
    record InGroupChat(String eventId, ChatAddress from, Instant at, GroupChat chat, GroupChatAction action)
            implements Inbound {
        public InGroupChat {
            check(eventId, from, at);
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(action, "action");
        }
    }

    private static void check(String eventId, ChatAddress from, Instant at) {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("an inbound event needs the platform's id of it");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(at, "at");
    }
}
