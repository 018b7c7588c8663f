package app.sendsongs.telegram;

import app.sendsongs.core.chat.ChatPlace;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram as the bot's chat platform, through the Bot API: a person's address is their Telegram user id, which is
 * also the id of their private chat with the bot. A message is rendered as {@link TelegramMessages} describes (text,
 * a card, an inline keyboard of the choices) and sent with {@code sendMessage}, paced by the client's one rate limiter.
 *
 * <p>What Telegram answers becomes a {@link SendOutcome}: a person who blocked the bot, never started it or whose
 * account is gone is {@link SendOutcome.Unreachable} (Telegram has no time window: only the person can change that);
 * a 429 with its {@code retry_after}, an outage or no answer is {@link SendOutcome.Failed} with the wait Telegram
 * asked for; a request Telegram refused is {@link SendOutcome.Failed} too, and logged, since the core renders within
 * Telegram's limits.
 */
public final class TelegramChat implements ChatPlatform {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChat.class);

    private final TelegramBotApi api;
    private final Supplier<String> botUsername;
    private final TelegramGroupChats groupChats;

    /** @param botUsername the bot's username (see {@link BotUsername}), for links to its private chat */
    public TelegramChat(TelegramBotApi api, Supplier<String> botUsername) {
        this.api = api;
        this.botUsername = botUsername;
        this.groupChats = new TelegramGroupChats(api, botUsername);
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public int maxTextLength() {
        return TelegramBotApi.MAX_TEXT;
    }

    /** Choices and cards are rendered as inline keyboards and linked titles. */
    @Override
    public boolean showsRichMessages() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A text and card too long for one Telegram message go as several; their outcome is the first that is not
     * {@link SendOutcome.Sent}, the parts after it not tried (the core then sends the whole message again later, so a
     * part may show twice but none is lost). Sent, it carries the {@code message_id} of the last part, by which a post
     * in a group chat (whose id is the {@code recipientId}) is edited later.
     *
     * <p>A recipient that is a forum topic's address ({@link ChatPlace}: the group's id, '/', the topic's
     * {@code message_thread_id}) is sent to in that topic, or to the group itself once the topic is gone.
     *
     * <p>Telegram reports nothing back about the messages a bot sent (there are no echoes), so {@code reference}, the
     * outbox's id of the message, is not sent along: a message Telegram accepted just before the process died, before
     * the outbox recorded it sent, is sent once more when its lease ends.
     */
    @Override
    public SendOutcome send(String recipientId, Message message, MessageKind kind, String reference) {
        ChatPlace place = ChatPlace.of(new ChatAddress(Platform.TELEGRAM, recipientId));
        Optional<Long> chat = TelegramIds.parse(place.chat().id());
        Optional<Long> topic = place.topic().flatMap(TelegramIds::parse);
        if (chat.isEmpty() || topic.isEmpty() != place.topic().isEmpty()) {
            return new SendOutcome.Unreachable("not a Telegram chat id");
        }
        OptionalLong thread = topic.map(OptionalLong::of).orElse(OptionalLong.empty());
        List<OutgoingText> parts = TelegramMessages.render(message);
        SendOutcome outcome = new SendOutcome.Sent();
        for (OutgoingText part : parts) {
            outcome = outcome(api.sendMessage(chat.get(), thread, part));
            if (!(outcome instanceof SendOutcome.Sent)) {
                return outcome;
            }
        }
        return outcome;
    }

    /** The bot takes part in Telegram groups: see {@link TelegramGroupChats}. */
    @Override
    public Optional<GroupChatPlatform> groupChats() {
        return Optional.of(groupChats);
    }

    /**
     * {@code https://t.me/<bot>?start=<ref>} (see {@link StartLink}): whoever opens it and presses START sends the bot
     * {@code /start <ref>}, which arrives as an {@code OpenedLink}. Empty while Telegram cannot tell the bot's username
     * (it is asked once, with {@code getMe}).
     */
    @Override
    public Optional<String> conversationLink(String ref) {
        try {
            return Optional.of(StartLink.to(botUsername.get(), ref).toString());
        } catch (IllegalStateException e) {
            LOG.info("no link to the bot's chat for now: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@inheritDoc} <p>{@code https://t.me/<bot>}; empty while Telegram cannot tell the bot's username. */
    @Override
    public Optional<String> chatLink() {
        try {
            return Optional.of(StartLink.toChat(botUsername.get()).toString());
        } catch (IllegalStateException e) {
            LOG.info("no link to the bot's chat for now: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The name the person shows on Telegram (first and last name, from {@code getChat}); empty when Telegram does not
     * know the chat or cannot be asked now.
     */
    @Override
    public Optional<String> displayName(String recipientId) {
        return profile(recipientId).flatMap(ChatProfile::personName);
    }

    /** The person's Telegram username, without the '@'; empty when they have none or Telegram cannot be asked now. */
    @Override
    public Optional<String> handle(String recipientId) {
        return profile(recipientId).flatMap(ChatProfile::username);
    }

    private Optional<ChatProfile> profile(String recipientId) {
        Optional<Long> chat = TelegramIds.parse(recipientId);
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(api.getChat(chat.get()));
        } catch (TelegramApiException e) {
            LOG.info("Telegram did not tell a person's profile: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static SendOutcome outcome(SendResult result) {
        return switch (result) {
            case SendResult.Sent sent -> new SendOutcome.Sent(Optional.of(Long.toString(sent.messageId())));
            case TelegramFailure.Unreachable unreachable -> new SendOutcome.Unreachable(unreachable.reason());
            case TelegramFailure.Refused refused -> new SendOutcome.Failed("Telegram refused the message: "
                    + refused.description());
            case TelegramFailure.RetryLater later -> new SendOutcome.Failed(later.reason(), later.retryAfter());
        };
    }
}
