package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.groupchat.GroupChats;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a registered person's words that are no command and answer nothing open: a group chat's command
 * (where it works), small talk, words for leaving, a wish in plain words, another service's link, or "Sorry, I didn't
 * understand that". What was open is asked again after it.
 */
final class NotACommand {
    /** The answer to thanks, which is no command: an error there read as rude. */
    private static final Message THANKS_BACK = Message.text(
            "🙂 Anytime. Paste a Spotify link whenever you want to send a song.").withChoices(List.of(Menu.MENU));
    /** The answer to a yes or a like with nothing asked: "Anytime" read as a reply to thanks nobody gave. */
    private static final Message NOD_BACK = Message.text(
            "🙂 Paste a Spotify link whenever you want to send a song.").withChoices(List.of(Menu.MENU));
    /** The answer to "stop" or "unsubscribe": what comes, and the two ways to stop it. */
    private static final String HOW_TO_STOP = "I only write when a friend sends you a song or plays one you sent. "
            + "To stop one friend's songs: {block} and their name (they aren't told). To stop everything: {forget_me} "
            + "deletes all I keep about you (I ask first).";
    private static final List<Choice> FORGET_ME_OR_MENU = List.of(new Choice("Forget me", "forget_me"), Menu.MENU);

    private final OpenQuestions questions;
    private final CommandAnswers commands;
    private final PlainWishes wishes;
    private final HelpAnswers help;
    private final GroupChats groupChats;

    NotACommand(OpenQuestions questions, CommandAnswers commands, PlainWishes wishes, HelpAnswers help,
                GroupChats groupChats) {
        this.groupChats = groupChats;
        this.questions = questions;
        this.commands = commands;
        this.wishes = wishes;
        this.help = help;
    }

    /** The answer to {@code typed}, read as no command ({@code unknown}). */
    Message answer(ParseResult.Unknown unknown, String typed, User user, Optional<ShareDraft> draft) {
        Optional<String> chatsCommand = groupChats.onlyInAChat(typed, user.address());
        if (chatsCommand.isPresent()) {
            return questions.stillAsked(user, draft, () -> Message.text(chatsCommand.get()));
        }
        if (WordsForWho.isKindWords(typed)) {
            return questions.askedAgain(user, "🙂").orElse(WordsForWho.isThanks(typed) ? THANKS_BACK : NOD_BACK);
        }
        if (WordsForLeaving.wantsToStop(typed)) {
            return Message.text(CommandStyle.of(user.address()).write(HOW_TO_STOP)).withChoices(FORGET_ME_OR_MENU);
        }
        if (WordsForLeaving.wantsDataDeleted(typed)) {
            return commands.answer(user, new Command.ForgetMe(false), typed, draft);
        }
        return WordsForWishes.wishIn(typed)
                .or(() -> user.name().equals(Names.FALLBACK) && unknown.suggestions().isEmpty()
                        && !TextForTheShare.slashed(typed) ? WordsForWishes.nameGiven(typed) : Optional.empty())
                .map(wish -> questions.stillAsked(user, draft, () -> wishes.answer(user, wish,
                        command -> commands.answer(user, command, typed, draft))))
                .or(() -> OtherMusicLinks.serviceIn(typed).map(service -> notSpotify(service, user)))
                .or(() -> unknown.suggestions().isEmpty() ? questions.askedAgain(user, HelpAnswers.NOT_UNDERSTOOD)
                        : Optional.empty()) // words that answer nothing asked: the question again
                // "did you mean" a command: what was open waits, and says so, as after any command's answer
                .orElseGet(() -> questions.stillAsked(user, draft, () -> help.notUnderstood(unknown, typed, user)));
    }

    /**
     * A link to another music service: it can't be sent; then, when the bot asked something, the question again, left
     * open, as for what it cannot read; otherwise the Menu and Help taps.
     */
    private Message notSpotify(String service, User user) {
        String cannot = OtherMusicLinks.notSpotify(service);
        return questions.askedAgain(user, cannot)
                .orElseGet(() -> Message.text(cannot).withChoices(List.of(Menu.MENU, Menu.HELP)));
    }
}
