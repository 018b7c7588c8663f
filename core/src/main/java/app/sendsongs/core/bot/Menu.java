package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.util.List;

/** The menu a greeting or {@code menu} gets, and the Menu and Help taps other answers end with. */
final class Menu {
    static final Choice MENU = new Choice("Menu", "menu");
    static final Choice HELP = new Choice("Help", "help");

    private Menu() {
    }

    /** The one thing to know, and the rest as taps. */
    static Message of(User user) {
        return Message.text("Hi " + Names.firstName(user.name()) + "! Paste a Spotify link and I'll ask who it's "
                + "for. Or tap:").withChoices(List.of(new Choice("Pending", "pending"),
                new Choice("History", "history"), new Choice("Groups", "groups"),
                new Choice("Receipts", "receipts"), HELP));
    }
}
