package app.sendsongs.telegram;

import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.shared.Graphemes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's group chats for the core ({@link GroupChatPlatform}): a group's id is its (negative) chat id, a message's
 * reference its {@code message_id}. The bot's posts in a group are sent as every message is ({@link TelegramChat#send}
 * to the group's id, through the outbox), which answers the {@code message_id}; edits go through the client's one rate
 * limiter, as posts do, which keeps a group within Telegram's 20 messages a minute (an edit counts as one); a wait it
 * will not take now is {@link Outcome.RetryLater}; one in a group the bot was removed from is {@link Outcome.OutOfChat}
 * (its messages there can be edited again, however old, once it is added back). An edit that changes nothing is {@link Outcome.Posted}: Telegram
 * answers it 400 "message is not modified", which is no failure. The bot cannot list a group's members, so whether a person is in it is asked one person
 * at a time ({@code getChatMember}). A tap is answered with {@code answerCallbackQuery}, whose notice only the tapper
 * sees, and whose {@code url} may open the bot's private chat ({@code https://t.me/<bot>?start=<ref>}).
 */
public final class TelegramGroupChats implements GroupChatPlatform {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramGroupChats.class);
    /** Telegram's limit on the notice of a tap's answer. */
    static final int MAX_NOTICE = 200;

    private final TelegramBotApi api;
    private final Supplier<String> botUsername;

    public TelegramGroupChats(TelegramBotApi api, Supplier<String> botUsername) {
        this.api = api;
        this.botUsername = botUsername;
    }

    /** Edits the message to the first part of {@code message} (the core's chat messages are one part). */
    @Override
    public Outcome edit(String chatId, String messageRef, Message message) {
        Optional<Long> chat = TelegramIds.parse(chatId);
        Optional<Long> messageId = TelegramIds.parse(messageRef);
        if (chat.isEmpty() || messageId.isEmpty()) {
            return new Outcome.Gone("not a Telegram chat or message id");
        }
        List<OutgoingText> parts = TelegramMessages.render(message);
        return switch (api.editMessageText(chat.get(), messageId.get(), parts.getFirst())) {
            case EditResult.Edited edited -> new Outcome.Posted(messageRef);
            case EditResult.Unchanged unchanged -> new Outcome.Posted(messageRef);
            case TelegramFailure failure -> outcome(failure);
        };
    }

    /** The group's title, from {@code getChat}; empty when Telegram does not give it now (the bot removed, say). */
    @Override
    public Optional<String> title(String chatId) {
        Optional<Long> chat = TelegramIds.parse(chatId);
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        try {
            return api.getChat(chat.get()).title();
        } catch (TelegramApiException e) {
            LOG.info("Telegram did not give a group's title: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The supergroup a basic group was upgraded to, as Telegram answers {@code getChat} about the group. */
    @Override
    public Optional<String> movedTo(String chatId) {
        return TelegramIds.parse(chatId).flatMap(api::upgradedTo).map(String::valueOf);
    }

    @Override
    public Membership membership(String chatId, String personId) {
        Optional<Long> chat = TelegramIds.parse(chatId);
        Optional<Long> person = TelegramIds.parse(personId);
        if (chat.isEmpty() || person.isEmpty()) {
            return Membership.OUT;
        }
        try {
            return api.getChatMember(chat.get(), person.get()).member() ? Membership.IN : Membership.OUT;
        } catch (TelegramApiException e) {
            LOG.info("Telegram did not say whether someone is in a group: {}", e.getMessage());
            return e.errorCode() == 400 && e.getMessage().contains("user not found") ? Membership.OUT
                    : Membership.UNKNOWN;
        }
    }

    @Override
    public void answerTap(String tapId, String notice, Optional<URI> open) {
        if (api.answerCallbackQuery(tapId, Optional.of(Graphemes.fit(notice, MAX_NOTICE)), open) instanceof TelegramFailure failure) {
            LOG.info("a tap could not be answered: {}", failure);
        }
    }

    /** {@code https://t.me/<bot>?start=<ref>}: Telegram opens the bot and sends it {@code /start <ref>}. */
    @Override
    public URI privateChatLink(String ref) {
        return StartLink.to(botUsername.get(), ref);
    }

    /**
     * Whether Telegram refused because the bot is not in the chat now: "Forbidden: bot was kicked from the group chat",
     * "... bot is not a member of the supergroup chat", as its Bot API server words it
     * (https://github.com/tdlib/telegram-bot-api). Someone may add it back.
     */
    private static boolean outOfChat(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return lower.contains("bot was kicked") || lower.contains("bot is not a member");
    }

    private static Outcome outcome(TelegramFailure failure) {
        return switch (failure) {
            case TelegramFailure.Unreachable unreachable -> outOfChat(unreachable.reason())
                    ? new Outcome.OutOfChat(unreachable.reason()) : new Outcome.Gone(unreachable.reason());
            case TelegramFailure.Refused refused -> new Outcome.Gone("Telegram refused it: " + refused.description());
            case TelegramFailure.RetryLater later -> new Outcome.RetryLater(later.reason(), later.retryAfter());
        };
    }
}
