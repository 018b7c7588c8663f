package app.sendsongs.telegram;

import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.shared.Graphemes;
import app.sendsongs.core.shared.UserText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a webhook body into a {@link TelegramUpdate} (https://core.telegram.org/bots/api#update). What the bot uses:
 * text messages (or a caption, and the links hidden under words), commands ({@code /name@Bot args}, with the text of the message they reply to and its author), mentions of the bot in a group (the same way), {@code /start
 * <payload>}, button taps, the bot's own membership of a chat changing (added to a group, removed, blocked), people
 * leaving a group, and a group upgraded to a supergroup (a new chat id), and in a private chat a message without text
 * the bot names to say it cannot read it (a photo, a voice message, a sticker but a thumbs-up or down...). Everything
 * else a well-formed update may carry (edited messages, channel posts, other service messages, messages without text
 * in a group, commands for other bots, messages from bots) is
 * {@link TelegramUpdate.Ignored}, to be answered 200 so
 * that Telegram does not send it again. Only a body that is no update at all is refused. Bodies are bounded: at most
 * {@value #MAX_BODY_BYTES} bytes, nesting and strings capped while reading, names clipped to Telegram's limits. A chat's title, which the bot shows
 * in its sentences (privately too: "Alice shared a song in Friday Band"), is read on one line and without the
 * characters that turn the reading direction ({@link UserText#oneLine}).
 */
public final class UpdateParser {
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Longest text Telegram lets a person send. */
    static final int MAX_TEXT = 4096;
    private static final int MAX_NAME = 64;
    private static final int MAX_USERNAME = 32;
    private static final int MOST_HIDDEN_LINKS = 5;
    private static final int LONGEST_HIDDEN_LINK = 2_000;
    private static final Pattern COMMAND = Pattern.compile(
            "/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?", Pattern.DOTALL);
    private static final List<String> SERVICE_FIELDS = List.of("new_chat_members", "left_chat_member",
            "new_chat_title", "new_chat_photo", "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
            "migrate_to_chat_id", "migrate_from_chat_id", "pinned_message");
    /** What a private message without text may carry that the bot names, in the order they are looked for. */
    private static final List<Unreadable> UNREADABLE = List.of(new Unreadable("animation", "GIF"),
            new Unreadable("photo", "photo"), new Unreadable("video_note", "video message"),
            new Unreadable("video", "video"), new Unreadable("voice", "voice message"),
            new Unreadable("audio", "audio file"), new Unreadable("document", "file"),
            new Unreadable("sticker", "sticker"), new Unreadable("venue", "location"),
            new Unreadable("location", "location"), new Unreadable("contact", "contact"),
            new Unreadable("poll", "poll"));
    private static final String NOT_THEIR_CHAT = "a private chat that is not the sender's";
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(65_536).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Supplier<String> botUsername;
    private final Clock clock;

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
        if (root.has("callback_query")) {
            return buttonPress(updateId, root.get("callback_query"));
        }
        if (root.has("my_chat_member")) {
            return botMembership(updateId, root.get("my_chat_member"));
        }
        return new TelegramUpdate.Ignored(updateId, clip(kind(root), MAX_NAME) + " updates are not used");
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
        long messageId = message.path("message_id").asLong();
        if (message.path("migrate_to_chat_id").canConvertToLong()) {
            return upgraded(updateId, message);
        }
        // A message sent on behalf of a chat names it in sender_chat, and a made-up user in from: @GroupAnonymousBot
        // (a bot) for an anonymous admin, but Telegram's own account 777000, not a bot, for a channel's post forwarded
        // to its discussion group (https://core.telegram.org/bots/api#message, Bot API 5.0 in
        // https://core.telegram.org/bots/api-changelog). Neither is a person.
        Optional<TelegramUpdate.Sender> from = message.path("sender_chat").isObject() ? Optional.empty()
                : sender(message.path("from"));
        Optional<TelegramUpdate.Chat> chat = chatOf(message);
        if (from.isEmpty()) {
            return chat.filter(TelegramUpdate.Chat::isGroup).filter(group -> commandForThisBot(message))
                    .<TelegramUpdate>map(group -> new TelegramUpdate.AnonymousCommand(updateId, group.id(),
                            group.topic()))
                    .orElseGet(() -> new TelegramUpdate.Ignored(updateId, "a message without a person as sender (a "
                            + "channel, an anonymous admin or a bot)"));
        }
        if (chat.isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, "a message outside a private or group chat");
        }
        if (!theirs(chat.get(), from.get())) {
            return new TelegramUpdate.Ignored(updateId, NOT_THEIR_CHAT);
        }
        if (message.path("left_chat_member").isObject()) {
            return memberLeft(updateId, chat.get(), message);
        }
        Optional<String> text = text(message, "text").or(() -> text(message, "caption"));
        Optional<String> thumb = chat.get().isGroup() ? Optional.empty() : thumbSticker(message);
        if (text.isEmpty() && thumb.isPresent()) {
            return new TelegramUpdate.TextMessage(updateId, messageId, from.get(), chat.get(), date(message),
                    thumb.get());
        }
        Optional<String> unreadable = text.isEmpty() && !chat.get().isGroup() ? unreadable(message) : Optional.empty();
        if (unreadable.isPresent()) {
            return new TelegramUpdate.Unreadable(updateId, messageId, from.get(), chat.get(), date(message),
                    unreadable.get());
        }
        if (text.isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, SERVICE_FIELDS.stream().anyMatch(message::has)
                    ? "a service message" : "a message without text (in a group, or of a kind not named)");
        }
        if (text.get().length() > MAX_TEXT) {
            return new TelegramUpdate.Ignored(updateId, "a text longer than Telegram allows");
        }
        String whole = withHiddenLinks(message);
        Replied replied = replied(message.path("reply_to_message"));
        if (chat.get().isGroup() && !COMMAND.matcher(whole).matches()) {
            Optional<String> rest = withoutMentionOfThisBot(message, whole);
            if (rest.isPresent()) {
                return new TelegramUpdate.Mention(updateId, messageId, from.get(), chat.get(), date(message),
                        rest.get(), replied.text(), replied.author());
            }
        }
        return textOrCommand(updateId, messageId, from.get(), chat.get(), date(message), whole, replied);
    }

    /**
     * What a message without text or caption carries, named as the bot says it back, by the first of its fields
     * (https://core.telegram.org/bots/api#message) it has: {@code animation} before {@code document}, which Telegram
     * also sets on a GIF, and {@code venue} a location, as its {@code location} also is. Empty for a message of no
     * such kind (a service message, a dice, a story...).
     */
    private static Optional<String> unreadable(JsonNode message) {
        return UNREADABLE.stream().filter(kind -> message.hasNonNull(kind.field())).map(Unreadable::what).findFirst();
    }

    /** A field of a message without text, and how the bot names what it holds. */
    private record Unreadable(String field, String what) {
    }

    /**
     * A thumbs-up or thumbs-down sticker, as its emoji: people answer a yes-or-no question with one, and a sticker
     * carries the emoji it stands for (https://core.telegram.org/bots/api#sticker: {@code emoji}), skin tone and
     * presentation selector aside, as typed words are read ({@link WordsForTaps#key}). Any other sticker stays unread.
     */
    private static Optional<String> thumbSticker(JsonNode message) {
        String emoji = WordsForTaps.key(message.path("sticker").path("emoji").asText(""));
        return emoji.equals("👍") || emoji.equals("👎") ? Optional.of(emoji) : Optional.empty();
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

    /**
     * The message's text, or its caption (a photo or a file with words under it), followed by the links hidden under
     * its words ({@code text_link} entities: a forwarded channel post's "Listen", a link a person set on a word) that
     * the text does not show itself, so that a song link is read wherever it is. At most
     * {@value #MOST_HIDDEN_LINKS} of them, each at most {@value #LONGEST_HIDDEN_LINK} characters.
     *
     * @see <a href="https://core.telegram.org/bots/api#messageentity">MessageEntity: text_link, with its url</a>
     */
    private static String withHiddenLinks(JsonNode message) {
        boolean captioned = text(message, "text").isEmpty();
        StringBuilder whole = new StringBuilder(message.path(captioned ? "caption" : "text").asText());
        int added = 0;
        for (JsonNode entity : message.path(captioned ? "caption_entities" : "entities")) {
            Optional<String> url = text(entity, "url").map(String::strip);
            if (added < MOST_HIDDEN_LINKS && "text_link".equals(entity.path("type").asText())
                    && url.filter(u -> u.length() <= LONGEST_HIDDEN_LINK && whole.indexOf(u) < 0).isPresent()) {
                whole.append(' ').append(url.get());
                added++;
            }
        }
        return whole.toString();
    }

    /**
     * A message's {@code date}; the clock's time when it has none, and the latest time there is when it is past that
     * (the inbox then ignores it as dated far ahead).
     */
    private Instant date(JsonNode message) {
        return message.path("date").canConvertToLong() && message.path("date").asLong() > 0
                ? Instant.ofEpochSecond(Math.min(message.path("date").asLong(), Instant.MAX.getEpochSecond()))
                : clock.instant();
    }

    /** The message a command answers: its text and who wrote it, as {@link TelegramUpdate.Command} keeps them. */
    private record Replied(Optional<String> text, OptionalLong author) {
    }

    /**
     * The text or caption of the message replied to, clipped to Telegram's longest text, with its hidden links; and
     * its author when the message has text and its {@code from} is a person (a bot's message, or one an anonymous
     * admin or a channel posted as the chat, has nobody to tell apart).
     */
    private static Replied replied(JsonNode replied) {
        Optional<String> text = text(replied, "text").or(() -> text(replied, "caption"))
                .map(t -> t.length() > MAX_TEXT ? clip(t, MAX_TEXT) : withHiddenLinks(replied));
        Optional<TelegramUpdate.Sender> author = text.isPresent() && !replied.path("sender_chat").isObject()
                ? sender(replied.path("from")) : Optional.empty();
        return new Replied(text, author.map(person -> OptionalLong.of(person.id())).orElse(OptionalLong.empty()));
    }

    /**
     * The group became a supergroup with a new id: whoever did it (a person, or the group itself for an anonymous
     * admin), the bot must follow the chat to its new id.
     */
    private TelegramUpdate upgraded(long updateId, JsonNode message) {
        Optional<TelegramUpdate.Chat> chat = chat(message.path("chat"));
        long supergroupId = message.path("migrate_to_chat_id").asLong();
        if (chat.isEmpty() || !chat.get().isGroup() || supergroupId >= 0 || supergroupId == chat.get().id()) {
            return new TelegramUpdate.Ignored(updateId, "a group upgrade without a group or a new group id");
        }
        return new TelegramUpdate.GroupUpgraded(updateId, chat.get(), supergroupId, sender(message.path("from")),
                date(message));
    }

    private TelegramUpdate memberLeft(long updateId, TelegramUpdate.Chat chat, JsonNode message) {
        JsonNode left = message.path("left_chat_member");
        if (!chat.isGroup() || !left.path("id").canConvertToLong() || left.path("id").asLong() <= 0
                || left.path("is_bot").asBoolean(false)) {
            return new TelegramUpdate.Ignored(updateId, "a service message");
        }
        return new TelegramUpdate.MemberLeft(updateId, chat, left.path("id").asLong(), date(message));
    }

    /**
     * https://core.telegram.org/bots/api#chatmemberupdated, which is always about the bot itself here. Telegram sends
     * one for every change of the bot's status in a group (https://core.telegram.org/bots/api#update,
     * {@code my_chat_member}), also when it stays in: made an admin, no longer one, restricted. Only a change between
     * out of the chat and in it is the bot added or removed.
     */
    private TelegramUpdate botMembership(long updateId, JsonNode change) {
        Optional<TelegramUpdate.Sender> from = sender(change.path("from"));
        Optional<TelegramUpdate.Chat> chat = chat(change.path("chat"));
        JsonNode member = change.path("new_chat_member");
        if (from.isEmpty() || chat.isEmpty() || !member.path("status").isTextual()) {
            return new TelegramUpdate.Ignored(updateId, "a change of the bot's membership without a person or chat");
        }
        if (!theirs(chat.get(), from.get())) {
            return new TelegramUpdate.Ignored(updateId, NOT_THEIR_CHAT);
        }
        boolean inChat = inChat(member);
        JsonNode before = change.path("old_chat_member");
        if (before.path("status").isTextual() && inChat(before) == inChat) {
            return new TelegramUpdate.Ignored(updateId, "a change of the bot's rights in a chat it " + (inChat
                    ? "stays in" : "stays out of"));
        }
        return new TelegramUpdate.BotMembership(updateId, from.get(), chat.get(), date(change), inChat);
    }

    private static boolean inChat(JsonNode member) {
        return switch (member.path("status").asText()) {
            case "creator", "administrator", "member" -> true;
            case "restricted" -> member.path("is_member").asBoolean(false);
            default -> false;
        };
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

    private TelegramUpdate buttonPress(long updateId, JsonNode query) {
        JsonNode id = query.path("id");
        if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 64) {
            return new TelegramUpdate.Ignored(updateId, "a callback query without an id");
        }
        Optional<TelegramUpdate.Sender> from = sender(query.path("from"));
        if (from.isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, "a callback query without a person as sender");
        }
        JsonNode data = query.path("data");
        if (!data.isTextual() || data.asText().isEmpty()) {
            return new TelegramUpdate.Ignored(updateId, "a tap without data (a game button)");
        }
        if (data.asText().getBytes(StandardCharsets.UTF_8).length > InlineButton.MAX_DATA_BYTES) {
            return new TelegramUpdate.Ignored(updateId, "callback data longer than Telegram allows");
        }
        JsonNode message = query.path("message");
        Optional<TelegramUpdate.Chat> chat = chatOf(message);
        if (chat.isPresent() && !theirs(chat.get(), from.get())) {
            return new TelegramUpdate.Ignored(updateId, NOT_THEIR_CHAT);
        }
        OptionalLong messageId = chat.isPresent() && message.path("message_id").canConvertToLong()
                ? OptionalLong.of(message.path("message_id").asLong()) : OptionalLong.empty();
        return new TelegramUpdate.ButtonPress(updateId, id.asText(), from.get(), chat, messageId, clock.instant(),
                data.asText(), buttonText(message.path("reply_markup"), data.asText()),
                keyboard(message.path("reply_markup")));
    }

    /**
     * The message's inline keyboard (https://core.telegram.org/bots/api#inlinekeyboardmarkup) as the bot sent it: its
     * callback and URL buttons. Empty when there is none, or when a button is of another kind or cannot be read: the
     * bot then leaves the keyboard as it is.
     */
    private static List<List<InlineButton>> keyboard(JsonNode markup) {
        List<List<InlineButton>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<InlineButton> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                Optional<InlineButton> read = button(button);
                if (read.isEmpty()) {
                    return List.of();
                }
                buttons.add(read.get());
            }
            rows.add(buttons);
        }
        return rows;
    }

    private static Optional<InlineButton> button(JsonNode button) {
        try {
            if (button.path("callback_data").isTextual()) {
                return Optional.of(new InlineButton.Callback(button.path("text").asText(""),
                        button.path("callback_data").asText()));
            }
            if (button.path("url").isTextual()) {
                return Optional.of(new InlineButton.Url(button.path("text").asText(""),
                        new URI(button.path("url").asText())));
            }
        } catch (IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The text of the keyboard's first button carrying {@code data}; empty when there is none. */
    private static String buttonText(JsonNode markup, String data) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (data.equals(button.path("callback_data").asText(null)) && button.path("text").isTextual()) {
                    return clip(button.path("text").asText(), MAX_NAME);
                }
            }
        }
        return "";
    }

    /** A person (https://core.telegram.org/bots/api#user); empty for a bot or a missing or unreadable user. */
    private static Optional<TelegramUpdate.Sender> sender(JsonNode user) {
        JsonNode id = user.path("id");
        if (!user.isObject() || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0
                || user.path("is_bot").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(new TelegramUpdate.Sender(id.asLong(), clip(text(user, "first_name").orElse(""), MAX_NAME),
                text(user, "last_name").map(last -> clip(last, MAX_NAME)),
                text(user, "username").map(name -> clip(name, MAX_USERNAME))));
    }

    /**
     * Whether the person can be acting in the chat: any group, or their own private chat, whose id is theirs
     * (https://core.telegram.org/bots/api#chat). Telegram sends nothing else; read as from the sender, a private chat of
     * someone else's would have a tap take the choices off a message there.
     */
    private static boolean theirs(TelegramUpdate.Chat chat, TelegramUpdate.Sender from) {
        return chat.isGroup() || chat.id() == from.id();
    }

    /** The message's chat ({@link #chat}), in the forum topic the message is in, if it is in one. */
    private static Optional<TelegramUpdate.Chat> chatOf(JsonNode message) {
        return chat(message.path("chat")).map(chat -> chat.inTopic(topic(chat, message)));
    }

    /**
     * The forum topic a message is in: its {@code message_thread_id} when {@code is_topic_message} is true, in a
     * supergroup (https://core.telegram.org/bots/api#message). Empty for a message in a forum's General topic, and for a
     * reply outside any topic, which carries its reply thread as {@code message_thread_id} without
     * {@code is_topic_message} (https://github.com/tdlib/telegram-bot-api/issues/447): sending there is refused.
     */
    private static OptionalLong topic(TelegramUpdate.Chat chat, JsonNode message) {
        JsonNode thread = message.path("message_thread_id");
        boolean inTopic = chat.type() == TelegramUpdate.Chat.Type.SUPERGROUP
                && message.path("is_topic_message").asBoolean(false) && thread.isIntegralNumber()
                && thread.canConvertToLong() && thread.asLong() > 0;
        return inTopic ? OptionalLong.of(thread.asLong()) : OptionalLong.empty();
    }

    /**
     * A private chat or group (https://core.telegram.org/bots/api#chat); empty for a channel or anything else, and for
     * an id of the wrong sign: a group's is negative and a private chat's is the person's, positive, so a group with a
     * positive id would be filed as that person's private chat.
     */
    private static Optional<TelegramUpdate.Chat> chat(JsonNode chat) {
        JsonNode id = chat.path("id");
        if (!chat.isObject() || !id.isIntegralNumber() || !id.canConvertToLong()) {
            return Optional.empty();
        }
        TelegramUpdate.Chat.Type type = switch (chat.path("type").asText("")) {
            case "private" -> TelegramUpdate.Chat.Type.PRIVATE;
            case "group" -> TelegramUpdate.Chat.Type.GROUP;
            case "supergroup" -> TelegramUpdate.Chat.Type.SUPERGROUP;
            default -> null;
        };
        if (type == null || (type == TelegramUpdate.Chat.Type.PRIVATE) != id.asLong() > 0) {
            return Optional.empty();
        }
        return Optional.of(new TelegramUpdate.Chat(id.asLong(), type, text(chat, "title").map(UserText::oneLine)
                .filter(title -> !title.isBlank()).map(title -> clip(title, 128))));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The text cut to at most {@code max} UTF-16 units, between characters as people see them. */
    private static String clip(String text, int max) {
        return text.substring(0, Graphemes.cutAt(text, max));
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
