package app.sendsongs.telegram;

import app.sendsongs.core.chat.GroupChat;
import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.HandleSeen;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed update as what the person did, in the core's terms ({@link Inbound}), from their address
 * {@code telegram:<user id>}. The event id is the {@code update_id}, the same when Telegram sends the update again.
 *
 * <table>
 *   <caption>Private chats</caption>
 *   <tr><th>update</th><th>{@code Inbound}</th></tr>
 *   <tr><td>a text</td><td>{@code Text}</td></tr>
 *   <tr><td>a command {@code /name args}</td><td>{@code Text} of the command as typed elsewhere ({@link TelegramCommands}); a
 *       {@code /send} that names no song, answering a message with a song link, with that link</td></tr>
 *   <tr><td>{@code /start} or {@code /start <payload>} (a {@code t.me/<bot>?start=} link)</td><td>{@code OpenedLink(payload)}, empty without one</td></tr>
 *   <tr><td>a tap on an inline button</td><td>{@code ChoiceTapped(data, button text)}</td></tr>
 *   <tr><td>an edit of a text or command ({@code edited_message})</td><td>{@code Edited}, its event id the
 *       message's ({@code edited:<chat id>:<message id>}), the same for every edit of it</td></tr>
 *   <tr><td>a message without text or caption: a photo, voice, audio, video, video note, document, GIF
 *       ({@code animation}), location or venue, contact, poll, or a sticker but a thumbs-up or down</td>
 *       <td>{@code Unreadable(what)}</td></tr>
 *   <tr><td>the person blocked the bot ({@code my_chat_member}, the bot {@code kicked})</td>
 *       <td>{@code BotBlocked}</td></tr>
 *   <tr><td>the person unblocked the bot ({@code my_chat_member}, the bot a {@code member} again)</td>
 *       <td>{@code BotUnblocked}</td></tr>
 * </table>
 * <table>
 *   <caption>Groups: {@code InGroupChat} with the group (its id and title, and the forum topic it happened in) and</caption>
 *   <tr><th>update</th><th>{@code GroupChatAction}</th></tr>
 *   <tr><td>a command for the bot, {@code /send@Bot args}</td><td>{@code Command(name, args, text replied to, its author)}</td></tr>
 *   <tr><td>{@code /start@Bot}</td><td>{@code Command("help")}</td></tr>
 *   <tr><td>an edit of a command for the bot or a mention of it</td><td>{@code Edited}, its event id the message's</td></tr>
 *   <tr><td>a text mentioning the bot, {@code @Bot <link> note}</td><td>{@code Command("send", the rest of the text, text
 *       replied to, its author)} when it or the message it answers has a Spotify link, else {@code Command("help")}</td></tr>
 *   <tr><td>a tap on a button under the bot's message</td><td>{@code Tap(data, callback query id)}</td></tr>
 *   <tr><td>the bot added to the group, or removed ({@code my_chat_member})</td><td>{@code BotAdded}, {@code BotRemoved}</td></tr>
 *   <tr><td>someone left ({@code left_chat_member})</td><td>{@code MemberLeft}, from them</td></tr>
 *   <tr><td>the group renamed ({@code new_chat_title})</td><td>{@code Renamed} (the group's title is the new one),
 *       from who renamed it (the group itself when no person shows)</td></tr>
 *   <tr><td>the group upgraded to a supergroup ({@code migrate_to_chat_id})</td><td>{@code Moved} to the supergroup,
 *       from who upgraded it (the group itself when no person shows)</td></tr>
 * </table>
 * Everything else gives nothing: other texts in groups (replies to the bot), taps under inline-mode messages, ignored
 * updates.
 */
public final class TelegramInbound {
    private static final String UNTITLED = "this group";

    private TelegramInbound() {
    }

    /** What the person did, in a private chat or a group; empty for what the bot does not act on. */
    public static Optional<Inbound> of(TelegramUpdate update) {
        return privateChat(update).or(() -> groupChat(update));
    }

    /** What the person did in their private chat with the bot; empty for anything else. */
    public static Optional<Inbound> privateChat(TelegramUpdate update) {
        String id = Long.toString(update.updateId());
        return switch (update) {
            case TelegramUpdate.TextMessage text when !text.chat().isGroup() ->
                    Optional.of(new Inbound.Text(id, person(text.from()), text.at(), text.text()));
            case TelegramUpdate.Unreadable unreadable when !unreadable.chat().isGroup() ->
                    Optional.of(new Inbound.Unreadable(id, person(unreadable.from()), unreadable.at(), unreadable.what()));
            case TelegramUpdate.Command command when !command.chat().isGroup() ->
                    Optional.of(new Inbound.Text(id, person(command.from()), command.at(),
                            TelegramCommands.typed(command.name(), command.arguments(), command.repliedText())));
            case TelegramUpdate.Edited edited when !edited.chat().isGroup() -> Optional.of(new Inbound.Edited(
                    editedId(edited), person(edited.from()), edited.at()));
            case TelegramUpdate.Start start when !start.chat().isGroup() ->
                    Optional.of(new Inbound.OpenedLink(id, person(start.from()), start.at(), start.payload().orElse("")));
            case TelegramUpdate.ButtonPress press when press.chat().filter(chat -> !chat.isGroup()).isPresent() ->
                    Optional.of(new Inbound.ChoiceTapped(id, person(press.from()), press.at(), press.data(),
                            press.buttonText()));
            case TelegramUpdate.BotMembership change when !change.chat().isGroup() -> Optional.of(change.inChat()
                    ? new Inbound.BotUnblocked(id, person(change.from()), change.at())
                    : new Inbound.BotBlocked(id, person(change.from()), change.at()));
            default -> Optional.empty();
        };
    }

    /** What happened in a group the bot is in; empty for anything else. */
    public static Optional<Inbound> groupChat(TelegramUpdate update) {
        String id = Long.toString(update.updateId());
        return switch (update) {
            case TelegramUpdate.Command command when command.chat().isGroup() ->
                    Optional.of(new Inbound.InGroupChat(id, person(command.from()), command.at(), group(command.chat()),
                            new GroupChatAction.Command(command.name(), command.arguments(), command.repliedText(),
                                    repliedAuthor(command))));
            case TelegramUpdate.Mention mention -> Optional.of(new Inbound.InGroupChat(id, person(mention.from()),
                    mention.at(), group(mention.chat()), new GroupChatAction.Command(meant(mention), mention.text(),
                    mention.repliedText(), address(mention.repliedAuthor()))));
            case TelegramUpdate.Edited edited when edited.chat().isGroup() -> Optional.of(new Inbound.InGroupChat(
                    editedId(edited), person(edited.from()), edited.at(), group(edited.chat()),
                    new GroupChatAction.Edited()));
            case TelegramUpdate.Start start when start.chat().isGroup() ->
                    Optional.of(new Inbound.InGroupChat(id, person(start.from()), start.at(), group(start.chat()),
                            new GroupChatAction.Command("help", "", Optional.empty())));
            case TelegramUpdate.ButtonPress press when press.chat().filter(TelegramUpdate.Chat::isGroup).isPresent() ->
                    Optional.of(new Inbound.InGroupChat(id, person(press.from()), press.at(), group(press.chat().get()),
                            new GroupChatAction.Tap(press.data(), press.callbackQueryId())));
            case TelegramUpdate.BotMembership change when change.chat().isGroup() ->
                    Optional.of(new Inbound.InGroupChat(id, person(change.from()), change.at(), group(change.chat()),
                            change.inChat() ? new GroupChatAction.BotAdded() : new GroupChatAction.BotRemoved()));
            case TelegramUpdate.MemberLeft left -> Optional.of(new Inbound.InGroupChat(id,
                    TelegramIds.address(left.userId()), left.at(), group(left.chat()),
                    new GroupChatAction.MemberLeft(TelegramIds.address(left.userId()))));
            case TelegramUpdate.GroupRenamed renamed -> Optional.of(new Inbound.InGroupChat(id,
                    renamed.by().map(TelegramInbound::person).orElse(TelegramIds.address(renamed.chat().id())),
                    renamed.at(), group(renamed.chat()), new GroupChatAction.Renamed()));
            case TelegramUpdate.GroupUpgraded upgraded -> Optional.of(new Inbound.InGroupChat(id,
                    upgraded.by().map(TelegramInbound::person).orElse(TelegramIds.address(upgraded.chat().id())),
                    upgraded.at(), group(upgraded.chat()),
                    new GroupChatAction.Moved(TelegramIds.address(upgraded.supergroupId()))));
            default -> Optional.empty();
        };
    }

    /**
     * The username Telegram shows for the update's sender now ({@code from.username} of every message, edit and tap,
     * absent when they have none: https://core.telegram.org/bots/api#user), for the bot to keep theirs current; empty
     * for an update from no person it reads (a member who left, an anonymous admin, an update it ignores).
     */
    public static Optional<HandleSeen> handleSeen(TelegramUpdate update) {
        Optional<TelegramUpdate.Sender> sender = switch (update) {
            case TelegramUpdate.TextMessage text -> Optional.of(text.from());
            case TelegramUpdate.Edited edited -> Optional.of(edited.from());
            case TelegramUpdate.Unreadable unreadable -> Optional.of(unreadable.from());
            case TelegramUpdate.Command command -> Optional.of(command.from());
            case TelegramUpdate.Mention mention -> Optional.of(mention.from());
            case TelegramUpdate.Start start -> Optional.of(start.from());
            case TelegramUpdate.ButtonPress press -> Optional.of(press.from());
            case TelegramUpdate.BotMembership change -> Optional.of(change.from());
            case TelegramUpdate.GroupUpgraded upgraded -> upgraded.by();
            case TelegramUpdate.GroupRenamed renamed -> renamed.by();
            default -> Optional.empty();
        };
        return sender.map(from -> new HandleSeen(person(from), from.username()));
    }

    private static Optional<ChatAddress> repliedAuthor(TelegramUpdate.Command command) {
        return address(command.repliedAuthor());
    }

    private static Optional<ChatAddress> address(OptionalLong user) {
        return user.isPresent() ? Optional.of(TelegramIds.address(user.getAsLong())) : Optional.empty();
    }

    /**
     * What a mention of the bot asks for: a share ({@code /send}) when it, or the message it answers, holds a Spotify
     * link; otherwise how the bot works here ({@code /help}), as a person who asks the bot something should hear.
     */
    private static String meant(TelegramUpdate.Mention mention) {
        boolean link = !TrackLinks.spotifyWordsIn(TrackLinks.tidied(mention.text() + " "
                + mention.repliedText().orElse(""))).isEmpty(); // a link as pasted, without https:// say
        return link ? "send" : "help";
    }

    /**
     * An edit's event id: the message edited, not the update ({@link Inbound#editedMessageId}), so every edit of one
     * message is one event, answered once, however many times Telegram sends an edit of it.
     */
    private static String editedId(TelegramUpdate.Edited edited) {
        return Inbound.editedMessageId(Long.toString(edited.chat().id()), Long.toString(edited.messageId()));
    }

    static ChatAddress person(TelegramUpdate.Sender sender) {
        return TelegramIds.address(sender.id());
    }

    /** The group, and the forum topic it happened in, if any (there the bot answers it). */
    private static GroupChat group(TelegramUpdate.Chat chat) {
        Optional<String> topic = chat.topic().isPresent() ? Optional.of(Long.toString(chat.topic().getAsLong()))
                : Optional.empty();
        return new GroupChat(TelegramIds.address(chat.id()), chat.title().orElse(UNTITLED), topic);
    }
}
