package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.share.ReceiverControls;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code help}, and the answers to what was typed wrong: a command that cannot be read, a typo of one ("did you
 * mean"), words that mean nothing. Commands are spelled the way the person's platform spells them.
 */
final class HelpAnswers {
    static final String NOT_UNDERSTOOD = "Sorry, I didn't understand that.";
    private static final Choice ALL_COMMANDS = new Choice("All commands", "help");

    private final ReceiverControls controls;
    private final Groups groups;
    private final Clock clock;

    HelpAnswers(ReceiverControls controls, Groups groups, Clock clock) {
        this.controls = controls;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * The list, or the topic asked for, with commands spelled the way the person's platform spells them and examples
     * that do not name them ({@link Help#forAsker}).
     */
    static Message help(Command.Help help, User asker) {
        return help(help, CommandStyle.of(asker.address()), text -> Help.forAsker(text, asker.name()));
    }

    /** As {@link #help(Command.Help, User)}, for someone not registered, whose name is not known. */
    static Message help(Command.Help help, CommandStyle style) {
        return help(help, style, UnaryOperator.identity());
    }

    private static Message help(Command.Help help, CommandStyle style, UnaryOperator<String> examples) {
        return help.topic().map(topic -> Help.topic(topic, style).map(examples).map(Message::text)
                        .orElseGet(() -> noSuchCommand(topic, style, examples)))
                .orElseGet(() -> Message.text(examples.apply(Help.all(style))));
    }

    /**
     * {@code help} with a word that names no command: says so, quoting what was typed as names are quoted back, then
     * gives the command it is spelled like when there is one, the commands to choose from when there are several, or
     * else the whole list.
     */
    private static Message noSuchCommand(String topic, CommandStyle style, UnaryOperator<String> examples) {
        String none = "There's no command called " + Names.quoted(topic) + ".";
        List<String> like = Help.commandsLike(topic);
        if (like.isEmpty()) {
            return Message.text(none + " These are the ones I know:\n" + examples.apply(Help.all(style)));
        }
        if (like.size() == 1) {
            return Message.text(none + " You probably mean " + style.spell(like.getFirst()) + ":\n"
                    + examples.apply(Help.usage(like.getFirst(), style))).withChoices(List.of(ALL_COMMANDS));
        }
        List<Choice> taps = new ArrayList<>();
        like.forEach(command -> taps.add(new Choice(style.spell(command), "help " + command)));
        taps.add(ALL_COMMANDS);
        return Message.text(none + " Did you mean " + String.join(" or ", like.stream().map(style::spell).toList())
                + "?").withChoices(taps);
    }

    /**
     * The problem, then taps for the command's example and the menu, rather than the whole usage line; for a command
     * that wants one of the person's groups, first their groups as taps that finish it.
     */
    Message invalid(ParseResult.Invalid invalid, User user) {
        List<Choice> taps = new ArrayList<>();
        invalid.command().ifPresent(name -> {
            taps.addAll(groups.finishingTaps(user, name, Message.MAX_CHOICES - 2));
            taps.add(new Choice("Show an example", "help " + name));
        });
        taps.add(Menu.MENU);
        return Message.text(invalid.problem(CommandStyle.of(user.address()))).withChoices(taps);
    }

    /**
     * Text that is no command: the guesses at a typo, or else, soon after a song came, that it reaches nobody; but not
     * after a slash and a word, a command the person meant for the bot.
     */
    Message notUnderstood(ParseResult.Unknown unknown, String typed, User user) {
        Message reply = didYouMean(unknown, CommandStyle.of(user.address()));
        if (!unknown.suggestions().isEmpty() || TextForTheShare.slashed(typed)) {
            return reply;
        }
        return controls.notPassedOn(user, clock.instant()).map(line -> reply.withText(reply.text() + "\n" + line))
                .orElse(reply);
    }

    /** "Did you mean …?" with each guess as a tap that sends the corrected text, when it fits in one. */
    static Message didYouMean(ParseResult.Unknown unknown, CommandStyle style) {
        if (unknown.suggestions().isEmpty()) {
            return Message.text(NOT_UNDERSTOOD + " To share a song, paste its Spotify link.")
                    .withChoices(List.of(Menu.MENU, Menu.HELP));
        }
        List<Choice> taps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ParseResult.Suggestion suggestion : unknown.suggestions()) {
            names.add(style.spell(suggestion.command()));
            String corrected = suggestion.correctedText();
            String spelled = style.spell(suggestion.command()) + corrected.substring(suggestion.command().length());
            taps.add(Payload.fits(corrected) ? new Choice(spelled, corrected)
                    : new Choice(style.spell(suggestion.command()), "help " + suggestion.command()));
        }
        taps.add(Menu.MENU);
        return Message.text("Sorry, I don't know that command. Did you mean " + String.join(" or ", names) + "?")
                .withChoices(taps);
    }
}
