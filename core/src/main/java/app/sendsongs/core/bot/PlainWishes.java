package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.share.ReceiverControls;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The answers to wishes typed in plain words ({@link WordsForWishes}): a read-only one is answered as its command; one
 * with an effect is offered as a tap that sends the command, spelled the person's platform's way, and nothing is done
 * until it is tapped.
 */
final class PlainWishes {
    /** How soon after a song went an "undo" is about that song. */
    static final Duration JUST_SENT = Duration.ofMinutes(15);
    /**
     * No command lists the songs friends sent: each came as a message in the chat, which keeps them better than a list
     * would, so the answer says where they are.
     */
    private static final String RECEIVED = "I keep no list of the songs friends send you: each came as a message "
            + "here, with who sent it, so scroll up to find one. What you sent is in {history}.";

    /** People are found by the names they registered; a newcomer is invited by a song sent to their name. */
    private static final String NO_FRIENDS_LIST = "There's no friends list to fill: a song goes to anyone registered "
            + "with me, by the name they registered (paste the song's link, then type it), and after that they come up "
            + "as a tap. Not registered yet? Type their name all the same: I'll give you a link to forward them, and "
            + "the song goes to them when they sign up.";
    /** A song waits in the friend's chat; the bot writes again only to tell of a play (or of none). */
    private static final String NO_REMINDERS = "I don't send reminders, so a song never nags anyone: it waits in their "
            + "chat until they play it. To nudge them, write to them yourself.";
    /** The bot sees plays, not what people make of a song. */
    private static final String OPINION = "I only see whether friends play a song, not what they think of it: ask "
            + "them! ";

    private final SentSongs sentSongs;
    private final ReceiverControls controls;

    PlainWishes(SentSongs sentSongs, ReceiverControls controls) {
        this.sentSongs = sentSongs;
        this.controls = controls;
    }

    /** The answer to {@code wish}; {@code run} answers a command as if it had been typed. */
    Message answer(User user, WordsForWishes.Wish wish, Function<Command, Message> run) {
        CommandStyle style = CommandStyle.of(user.address());
        return switch (wish) {
            case WordsForWishes.Run read -> run.apply(read.command());
            case WordsForWishes.Rename rename -> offer("Change the name friends find you by to "
                    + Names.quoted(rename.name()) + "?", "name", rename.commandText(), style);
            case WordsForWishes.Receipts receipts -> receipts.on()
                    ? offer("Tell friends again when you play the songs they send you?", "receipts", "receipts on",
                    style)
                    : offer("Stop telling friends when you play the songs they send you?", "receipts", "receipts off",
                    style);
            case WordsForWishes.TakeBack takeBack -> sentSongs.offerToTakeBack(user, JUST_SENT);
            case WordsForWishes.ReceivedSongs received -> noListOfSongs(style);
            case WordsForWishes.WhoSentIt whoSent -> controls.latestSong(user).map(Message::text)
                    .orElseGet(() -> noListOfSongs(style));
            case WordsForWishes.Reminder reminder -> Message.text(NO_REMINDERS);
            case WordsForWishes.Friends friends -> Message.text(NO_FRIENDS_LIST);
            case WordsForWishes.Opinion opinion -> run.apply(new Command.History()).withLead(OPINION);
            case WordsForWishes.AboutASender about -> about.block()
                    ? offer("Block " + about.name() + "? I won't pass on their songs, and they aren't told.", "block",
                    about.commandText(), style)
                    : offer("Stop telling " + about.name() + " when you play their songs?", "receipts",
                    about.commandText(), style);
            case WordsForWishes.Unmute unmute -> offer("Unblock " + unmute.name() + "? Their songs come to you again.",
                    "unblock", unmute.commandText(), style);
            case WordsForWishes.SwitchTo to -> offer("Switch to " + to.kind().displayName() + ", to have me watch "
                    + "your plays there?", "connect", "connect " + to.kind().id(), style);
        };
    }

    private static Message noListOfSongs(CommandStyle style) {
        return Message.text(style.write(RECEIVED)).withChoices(List.of(new Choice("History", "history"), Menu.MENU));
    }

    /**
     * {@code question}, with a tap that sends {@code commandText} (which starts with the command {@code name}), titled
     * as the person's platform spells it ({@code /name "Alicia Smith"} on Telegram), and the Menu.
     */
    private static Message offer(String question, String name, String commandText, CommandStyle style) {
        String title = style.spell(name) + commandText.substring(name.length());
        return Message.text(question).withChoices(List.of(new Choice(title, commandText), Menu.MENU));
    }
}
