package app.sendsongs.telegram;

import static app.sendsongs.telegram.MessageTexts.MAX_TEXT;
import static app.sendsongs.telegram.MessageTexts.replied;
import static app.sendsongs.telegram.MessageTexts.thumbSticker;
import static app.sendsongs.telegram.MessageTexts.unreadable;
import static app.sendsongs.telegram.MessageTexts.withHiddenLinks;
import static app.sendsongs.telegram.UpdateFields.MAX_NAME;
import static app.sendsongs.telegram.UpdateFields.NOT_THEIR_CHAT;
import static app.sendsongs.telegram.UpdateFields.chatOf;
import static app.sendsongs.telegram.UpdateFields.clip;
import static app.sendsongs.telegram.UpdateFields.sender;
import static app.sendsongs.telegram.UpdateFields.text;
import static app.sendsongs.telegram.UpdateFields.theirs;

import app.sendsongs.core.shared.UserText;
import app.sendsongs.telegram.MessageTexts.Replied;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a webhook body into a {@link TelegramUpdate} (https://core.telegram.org/bots/api#update). What the bot uses:
 * text messages (or a caption, and the links hidden under words), commands ({@code /name@Bot args}, with the text of the message they reply to and its author), mentions of the bot in a group (the same way), {@code /start
 * <payload>}, button taps, the bot's own membership of a chat changing (added to a group, removed, blocked), people
 * leaving a group, and a group upgraded to a supergroup (a new chat id), in a private chat a message without text
 * the bot names to say it cannot read it (a photo, a voice message, a sticker but a thumbs-up or down...), and the
 * edit of a text ({@code edited_message}), in a group only of one meant for the bot. Everything
 * else a well-formed update may carry (other edits, channel posts and their edits, other service messages, messages
 * without text in a group, commands for other bots, messages from bots) is
 * {@link TelegramUpdate.Ignored}, to be answered 200 so
 * that Telegram does not send it again. Only a body that is no update at all is refused. Bodies are bounded: at most
 * {@value #MAX_BODY_BYTES} bytes, nesting and strings capped while reading, names clipped to Telegram's limits. A chat's title, which the bot shows
 * in its sentences (privately too: "Alice shared a song in Friday Band"), is read on one line and without the
 * characters that turn the reading direction ({@link UserText#oneLine}).
 */
public final class UpdateParser {
    public static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Pattern COMMAND = Pattern.compile(
            "/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?", Pattern.DOTALL);
    private static final List<String> SERVICE_FIELDS = List.of("new_chat_members", "left_chat_member",
            "new_chat_title", "new_chat_photo", "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
            "migrate_to_chat_id", "migrate_from_chat_id", "pinned_message");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(65_536).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Supplier<String> botUsername;
    private final Clock clock;
    private final ButtonPresses buttonPresses;
    private final ChatMembershipUpdates membership;

    /**
     * @param botUsername the bot's username (from {@code getMe}), to tell its commands from other bots'
     * @param clock       dates button taps, which carry no date
     */
    public UpdateParser(String botUsername, Clock clock) {
        this(checked(botUsername), clock);
    }

    /**
     * As {@link #UpdateParser(String, Clock)}, with the username asked for only when a command names a bot
     * ({@code /send@SomeBot}): see {@link BotUsername}. When it cannot be told then, the parse fails with the
     * supplier's exception, and the update should be delivered again.
     */
    public UpdateParser(Supplier<String> botUsername, Clock clock) {
        this.botUsername = botUsername;
        this.clock = clock;
        this.buttonPresses = new ButtonPresses(clock);
        this.membership = new ChatMembershipUpdates(clock);
    }

    private static Supplier<String> checked(String botUsername) {
        if (botUsername == null || botUsername.isBlank()) {
            throw new IllegalArgumentException("the bot's username is needed to read group commands");
        }
        String bare = botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
        return () -> bare;
    }

    /** @throws MalformedUpdateException when the body is empty, too large, not a JSON object or has no update_id */
    public TelegramUpdate parse(byte[] body) {
        JsonNode root = readTree(body);
        JsonNode id = root.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 0) {
            throw new MalformedUpdateException("the update has no update_id");
        }
        long updateId = id.asLong();
        if (root.has("message")) {
            return message(updateId, root.get("message"));
        }
        if (root.has("edited_message")) {
            return edited(updateId, root.get("edited_message"));
        }
        if (root.has("callback_query")) {
            return buttonPresses.read(updateId, root.get("callback_query"));
        }
        if (root.has("my_chat_member")) {
            return membership.botMembership(updateId, root.get("my_chat_member"));
        }
        return new TelegramUpdate.Ignored(updateId, clip(kind(root), MAX_NAME) + " updates are not used");
    }

    /**
     * An edit of a message: the bot reads only new messages, so it is only told the person edited one, to say so. The
     * update carries the whole message as it reads now, with its {@code edit_date}
     * (https://core.telegram.org/bots/api#message), and is read as a message would be: in a private chat any text or
     * command is an edit, in a group only a command for this bot or a mention of it (never an ordinary message, nor
     * a reply to the bot without either). Anything else edited (a caption the bot does not read...) is ignored.
     */
    private TelegramUpdate edited(long updateId, JsonNode message) {
        Instant at = message.has("edit_date") ? UpdateFields.date(message, "edit_date", clock) : date(message);
        return switch (message(updateId, message)) {
            case TelegramUpdate.TextMessage text when !text.chat().isGroup() ->
                    new TelegramUpdate.Edited(updateId, text.messageId(), text.from(), text.chat(), at);
            case TelegramUpdate.Command command ->
                    new TelegramUpdate.Edited(updateId, command.messageId(), command.from(), command.chat(), at);
            case TelegramUpdate.Start start ->
                    new TelegramUpdate.Edited(updateId, start.messageId(), start.from(), start.chat(), at);
            case TelegramUpdate.Mention mention ->
                    new TelegramUpdate.Edited(updateId, mention.messageId(), mention.from(), mention.chat(), at);
            default -> new TelegramUpdate.Ignored(updateId, "an edit of a message not meant for the bot");
        };
    }

    /** The update's type: its one field besides {@code update_id}. */
    private static String kind(JsonNode update) {
        Iterator<String> names = update.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "empty";
    }

    private TelegramUpdate message(long updateId, JsonNode message) {
        if (!message.isObject() || !message.path("message_id").canConvertToLong()) {
            return new TelegramUpdate.Ignored(updateId, "a message without a message_id");
        }
        if (message.path("migrate_to_chat_id").canConvertToLong()) {
            return membership.upgraded(updateId, message);
        }
        // A message sent on behalf of a chat names it in sender_chat, and a made-up user in from: @GroupAnonymousBot
        // (a bot) for an anonymous admin, but Telegram's own account 777000, not a bot, for a channel's post forwarded
        // to its discussion group (https://core.telegram.org/bots/api#message, Bot API 5.0 in
        // https://core.telegram.org/bots/api-changelog). Neither is a person.
        Optional<TelegramUpdate.Sender> from = message.path("sender_chat").isObject() ? Optional.empty()
                : sender(message.path("from"));
        Optional<TelegramUpdate.Chat> chat = chatOf(message);
        if (message.path("new_chat_title").isTextual()) {
            return membership.renamed(updateId, chat, from, message);
        }
        if (from.isEmpty()) {
            return fromNoPerson(updateId, message, chat);
        }
        if (chat.isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, "a message outside a private or group chat");
        }
        if (!theirs(chat.get(), from.get())) {
            return new TelegramUpdate.Ignored(updateId, NOT_THEIR_CHAT);
        }
        if (message.path("left_chat_member").isObject()) {
            return membership.memberLeft(updateId, chat.get(), message);
        }
        return fromPerson(updateId, message, from.get(), chat.get());
    }

    /** A message from a channel, an anonymous admin or a bot: only a command for this bot in a group is read. */
    private TelegramUpdate fromNoPerson(long updateId, JsonNode message, Optional<TelegramUpdate.Chat> chat) {
        return chat.filter(TelegramUpdate.Chat::isGroup).filter(group -> commandForThisBot(message))
                .<TelegramUpdate>map(group -> new TelegramUpdate.AnonymousCommand(updateId, group.id(),
                        group.topic()))
                .orElseGet(() -> new TelegramUpdate.Ignored(updateId, "a message without a person as sender (a "
                        + "channel, an anonymous admin or a bot)"));
    }

    /** A message a person wrote in a chat of theirs: a text, a mention of the bot, a command, or none of them. */
    private TelegramUpdate fromPerson(long updateId, JsonNode message, TelegramUpdate.Sender from,
                                      TelegramUpdate.Chat chat) {
        long messageId = message.path("message_id").asLong();
        Optional<String> text = text(message, "text").or(() -> text(message, "caption"));
        if (text.isEmpty()) {
            return withoutText(updateId, messageId, message, from, chat);
        }
        if (text.get().length() > MAX_TEXT) {
            return new TelegramUpdate.Ignored(updateId, "a text longer than Telegram allows");
        }
        String whole = withHiddenLinks(message);
        Replied replied = replied(message.path("reply_to_message"));
        if (chat.isGroup() && !COMMAND.matcher(whole).matches()) {
            Optional<String> rest = withoutMentionOfThisBot(message, whole);
            if (rest.isPresent()) {
                return new TelegramUpdate.Mention(updateId, messageId, from, chat, date(message),
                        rest.get(), replied.text(), replied.author());
            }
        }
        return textOrCommand(updateId, messageId, from, chat, date(message), whole, replied);
    }

    /**
     * A message without text or caption: in a private chat, a thumbs-up or down sticker is read as its emoji, and
     * what the bot cannot read is named; anything else is ignored.
     */
    private TelegramUpdate withoutText(long updateId, long messageId, JsonNode message, TelegramUpdate.Sender from,
                                       TelegramUpdate.Chat chat) {
        Optional<String> thumb = chat.isGroup() ? Optional.empty() : thumbSticker(message);
        if (thumb.isPresent()) {
            return new TelegramUpdate.TextMessage(updateId, messageId, from, chat, date(message), thumb.get());
        }
        Optional<String> unreadable = chat.isGroup() ? Optional.empty() : unreadable(message);
        if (unreadable.isPresent()) {
            return new TelegramUpdate.Unreadable(updateId, messageId, from, chat, date(message), unreadable.get());
        }
        return new TelegramUpdate.Ignored(updateId, SERVICE_FIELDS.stream().anyMatch(message::has)
                ? "a service message" : "a message without text (in a group, or of a kind not named)");
    }

    private Instant date(JsonNode message) {
        return UpdateFields.date(message, clock);
    }

    /**
     * The text without its first {@code mention} entity of this bot ({@code @ThisBot}, in any case), stripped; empty
     * when no mention names it. Entities count UTF-16 code units, as Java's strings do
     * (https://core.telegram.org/bots/api#messageentity); the hidden links come after the text they were read from.
     */
    private Optional<String> withoutMentionOfThisBot(JsonNode message, String whole) {
        boolean captioned = text(message, "text").isEmpty();
        int shown = message.path(captioned ? "caption" : "text").asText().length();
        for (JsonNode entity : message.path(captioned ? "caption_entities" : "entities")) {
            int offset = entity.path("offset").asInt(-1);
            int length = entity.path("length").asInt(-1);
            // length <= shown - offset, not offset + length <= shown: a length near the largest int would overflow
            if ("mention".equals(entity.path("type").asText()) && offset >= 0 && length > 1
                    && length <= shown - offset && whole.startsWith("@", offset)
                    && whole.substring(offset + 1, offset + length).equalsIgnoreCase(botUsername.get())) {
                return Optional.of((whole.substring(0, offset).stripTrailing() + " "
                        + whole.substring(offset + length).stripLeading()).strip());
            }
        }
        return Optional.empty();
    }

    /** A group message from no person (a bot, an admin posting as the group) that is a command for this bot. */
    private boolean commandForThisBot(JsonNode message) {
        JsonNode text = message.path("text");
        if (!message.path("sender_chat").isObject() || !text.isTextual() || text.asText().length() > MAX_TEXT) {
            return false;
        }
        Matcher command = COMMAND.matcher(text.asText());
        return command.matches() && (command.group(2) == null || command.group(2).equalsIgnoreCase(botUsername.get()));
    }

    private TelegramUpdate textOrCommand(long updateId, long messageId, TelegramUpdate.Sender from,
                                         TelegramUpdate.Chat chat, Instant at, String text,
                                         Replied replied) {
        Matcher command = COMMAND.matcher(text);
        if (!command.matches()) {
            return new TelegramUpdate.TextMessage(updateId, messageId, from, chat, at, text);
        }
        String addressee = command.group(2);
        if (addressee != null && !addressee.equalsIgnoreCase(botUsername.get())) {
            return new TelegramUpdate.Ignored(updateId, "a command for another bot");
        }
        String name = command.group(1).toLowerCase(Locale.ROOT);
        String arguments = command.group(3) == null ? "" : command.group(3).strip();
        if (name.equals("start")) {
            Optional<String> payload = StartLink.PARAMETER.matcher(arguments).matches() ? Optional.of(arguments)
                    : Optional.empty();
            return new TelegramUpdate.Start(updateId, messageId, from, chat, at, payload);
        }
        return new TelegramUpdate.Command(updateId, messageId, from, chat, at, name, arguments, replied.text(),
                replied.author());
    }

    private static JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedUpdateException("the update body is empty");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new MalformedUpdateException("the update body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedUpdateException("the update body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedUpdateException("the update body is not a JSON object");
        }
        return root;
    }
}
