package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Platform;
import java.util.Optional;

/**
 * Port: one chat platform the bot speaks on (Messenger, Telegram), implemented by that platform's
 * adapter. The core holds one per {@link Platform} in {@link ChatPlatforms} and sends each message
 * through the platform of its receiver's address. The platform's own rules (Messenger's 24-hour
 * window, its message types) belong to the adapter, which reports them as a {@link SendOutcome}.
 */
public interface ChatPlatform {
    /** The platform this adapter sends on: addresses of this platform are sent through it. */
    Platform platform();

    /**
     * The longest text one message may carry, in Java {@code char}s (2000 on Messenger, 4096 on
     * Telegram). Longer texts are split by the core, preferring line and word breaks, so
     * {@link #send} never gets a longer one.
     */
    int maxTextLength();

    /**
     * Whether the platform shows a message's {@link Choice}s and {@link SongCard} itself. When it
     * does not, the core sends only {@link Message#fallbackText()}, as a message of text only.
     */
    boolean showsRichMessages();

    /**
     * Whether the platform shows a text and a card as two messages, sent one after the other (Messenger: two
     * Send API calls). The core then hands the card over as a part of its own, recorded as sent apart from the
     * text, so a crash between the two never sends the text again. Platforms that show them as one message
     * keep the default.
     */
    default boolean sendsCardApart() {
        return false;
    }

    /**
     * Sends one message to {@code recipientId}, the platform's own id of the person
     * ({@link app.sendsongs.core.shared.ChatAddress#id()}). The text is at most
     * {@link #maxTextLength()} long; it is empty only when there is a card. The adapter renders
     * choices and the card the platform's way (one message or several, in this order: text, card,
     * choices with the last one), shortening titles to the platform's limits. Every refusal or
     * failure is an outcome, not an exception.
     *
     * <p>{@code reference} is the core's id of this message. A platform that reports the messages it
     * delivered back to the bot (Messenger's message echoes) attaches it, so that a message the bot
     * sent but could not record as sent (the process died in between) is recognised as sent and not
     * sent again; a platform without such reports ignores it.
     */
    SendOutcome send(String recipientId, Message message, MessageKind kind, String reference);

    /** The platform's group chats, when the bot can take part in them there (Telegram); empty by default. */
    default Optional<GroupChatPlatform> groupChats() {
        return Optional.empty();
    }

    /**
     * A link that opens a conversation with the bot on this platform and tells the bot {@code ref} (Messenger:
     * {@code https://m.me/<page>?ref=<ref>}, which arrives as an {@link Inbound.OpenedLink}); empty when the platform
     * has none or it is not configured. {@code ref} is at most 64 characters of letters, digits, {@code -} and
     * {@code _}.
     */
    default Optional<String> conversationLink(String ref) {
        return Optional.empty();
    }

    /**
     * A link that opens the conversation with the bot on this platform and tells the bot nothing (Messenger:
     * {@code https://m.me/<page>}, Telegram: {@code https://t.me/<bot>}): the way back to the chat from a page of the
     * bot. Empty when the platform has none or it is not configured.
     */
    default Optional<String> chatLink() {
        return Optional.empty();
    }

    /**
     * The name the platform shows for the person {@code recipientId} (on Messenger the User Profile API's first and
     * last name, on Telegram the profile's first and last name): the name friends find them by when they register
     * through a personal link, which they can change. Empty when the platform gives no names or could not answer
     * now; never an exception.
     */
    default Optional<String> displayName(String recipientId) {
        return Optional.empty();
    }

    /**
     * The handle the person {@code recipientId} has chosen on the platform now (Telegram's username, from
     * {@code getChat}), without the '@': another way friends name them (see {@link app.sendsongs.core.shared.Handles}).
     * Empty when the platform has no handles, the person has none, or the platform could not answer now; never an
     * exception.
     */
    default Optional<String> handle(String recipientId) {
        return Optional.empty();
    }
}
