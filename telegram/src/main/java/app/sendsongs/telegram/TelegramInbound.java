package app.sendsongs.telegram;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/**
 * A parsed update as what the person did, in the core's terms ({@link Inbound}), from their address
 * {@code telegram:<user id>}. The event id is the {@code update_id}, the same when Telegram sends the update again.
 *
 * <table>
 *   <caption>Private chats</caption>
 *   <tr><th>update</th><th>{@code Inbound}</th></tr>
 *   <tr><td>a text</td><td>{@code Text}</td></tr>
 *   <tr><td>a command {@code /name args}</td><td>{@code Text} of the command as typed elsewhere ({@link TelegramCommands})</td></tr>
 *   <tr><td>{@code /start} or {@code /start <payload>} (a {@code t.me/<bot>?start=} link)</td><td>{@code OpenedLink(payload)}, empty without one</td></tr>
 *   <tr><td>a tap on an inline button</td><td>{@code ChoiceTapped(data, button text)}</td></tr>
 * </table>
 * Everything else gives nothing here (groups are read elsewhere).
 */
public final class TelegramInbound {
    private TelegramInbound() {
    }

    /** What the person did in their private chat with the bot; empty for anything else. */
    public static Optional<Inbound> privateChat(TelegramUpdate update) {
        String id = Long.toString(update.updateId());
        return switch (update) {
            case TelegramUpdate.TextMessage text when !text.chat().isGroup() ->
                    Optional.of(new Inbound.Text(id, person(text.from()), text.at(), text.text()));
            case TelegramUpdate.Command command when !command.chat().isGroup() ->
                    Optional.of(new Inbound.Text(id, person(command.from()), command.at(),
                            TelegramCommands.typed(command.name(), command.arguments())));
            case TelegramUpdate.Start start when !start.chat().isGroup() ->
                    Optional.of(new Inbound.OpenedLink(id, person(start.from()), start.at(), start.payload().orElse("")));
            case TelegramUpdate.ButtonPress press when press.chat().filter(chat -> !chat.isGroup()).isPresent() ->
                    Optional.of(new Inbound.ChoiceTapped(id, person(press.from()), press.at(), press.data(),
                            press.buttonText()));
            default -> Optional.empty();
        };
    }

    static ChatAddress person(TelegramUpdate.Sender sender) {
        return TelegramIds.address(sender.id());
    }
}
