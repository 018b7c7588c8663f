package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bot's front door: everything a person does in the chat, on any platform, comes here and gets
 * exactly one answer. A tap is read as if its payload had been typed; opening the conversation through
 * a link gets the welcome (or, for someone registered, the list of commands).
 *
 * <p><b>Calling it more than once for an event is harmless</b>, also when a call was cut short by a
 * crash, so any intake that delivers at least once can drive it (the server's inbox workers, a queue
 * consumer): an event already marked handled is skipped; otherwise it is handled as its own
 * {@link Cause}, so what it creates (shares, groups, messages) has ids derived from its delivery key
 * and a second run finds what the first stored instead of doing it again; and it is marked handled
 * only at the end. An event older than the dedupe window is skipped: its mark may have been forgotten.
 * Calls for one person must come one at a time, in the order the person acted.
 */
public final class Bot {
    private static final Logger LOG = Logger.getLogger(Bot.class.getName());
    private final InboundLog inboundLog;
    private final UserStore users;
    private final ChoiceStore choices;
    private final Outbox outbox;
    private final CommandParser parser = new CommandParser();
    private final Registration registration;
    private final SendSong sendSong;
    private final SentSongs sentSongs;
    private final ForgetMe forgetMe;
    private final Groups groups;
    private final WatchPlanner planner;
    private final ConnectLink connectLink;
    private final Clock clock;
    private final Duration dedupeWindow;

    /**
     * @param dedupeWindow how long an event's handled mark is kept (from the event's time); events older
     *                     than that are skipped
     */
    public Bot(InboundLog inboundLog, UserStore users, ChoiceStore choices, Outbox outbox, Registration registration,
               SendSong sendSong, SentSongs sentSongs, ForgetMe forgetMe, Groups groups, WatchPlanner planner,
               ConnectLink connectLink, Clock clock, Duration dedupeWindow) {
        this.dedupeWindow = dedupeWindow;
        this.inboundLog = inboundLog;
        this.users = users;
        this.choices = choices;
        this.outbox = outbox;
        this.registration = registration;
        this.sendSong = sendSong;
        this.sentSongs = sentSongs;
        this.forgetMe = forgetMe;
        this.groups = groups;
        this.planner = planner;
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /** Handles the event unless it was handled already (or is too old to tell); see the class comment. */
    public void handle(Inbound event) {
        String key = event.deliveryKey();
        if (event.at().isBefore(clock.instant().minus(dedupeWindow))) {
            LOG.warning("an inbound event older than the dedupe window was skipped");
            return;
        }
        if (inboundLog.handled(key)) {
            return;
        }
        Cause.run(key, () -> respond(event));
        inboundLog.markHandled(key, event.at().plus(dedupeWindow));
    }

    private void respond(Inbound event) {
        ChatAddress from = event.from();
        Optional<User> user = users.findUser(from).map(u -> u.withLastMessageAt(event.at()));
        user.ifPresent(u -> users.saveLastMessageAt(from, event.at()));
        outbox.personWrote(from);
        user.ifPresent(u -> planner.personWrote(from));
        outbox.reply(from, Message.text(answer(event, user)));
    }

    private String answer(Inbound event, Optional<User> user) {
        return switch (event) {
            case Inbound.Text text -> answer(event, text.text(), user);
            case Inbound.ChoiceTapped tap -> answer(event, tap.payload(), user);
            case Inbound.ButtonTapped tap -> answer(event, tap.payload(), user);
            case Inbound.OpenedLink opened -> user.isPresent() ? Help.brief() : welcome();
        };
    }

    private String answer(Inbound event, String typed, Optional<User> user) {
        ParseResult parsed = parser.parse(typed);
        if (parsed instanceof ParseResult.Invalid invalid) {
            return user.isPresent() ? invalid.reply() : welcome();
        }
        Command command = ((ParseResult.Parsed) parsed).command();
        if (command instanceof Command.Register register) {
            return registration.register(event.from(), register, event.at());
        }
        if (user.isEmpty()) {
            return command instanceof Command.Help ? Help.all() + "\n\n" + welcome() : welcome();
        }
        return answer(user.get(), command, typed);
    }

    private String answer(User user, Command command, String text) {
        return switch (command) {
            case Command.SendSong send -> sendSong.send(user, send, text);
            case Command.Choose choose -> choose(user, choose.number());
            case Command.Pending p -> sentSongs.pending(user);
            case Command.History h -> sentSongs.history(user);
            case Command.Cancel cancel -> sentSongs.cancel(user, cancel);
            case Command.ForgetMe f -> forgetMe.forget(user);
            case Command.GroupCommand group -> groups.handle(user, group, text);
            case Command.Help help -> help.topic().flatMap(Help::topic).orElse(Help.all());
            case Command.Register r -> throw new IllegalStateException("handled before");
        };
    }

    private String choose(User user, int number) {
        Optional<PendingChoice> choice = choices.takeChoice(user.address())
                .filter(c -> c.expiresAt().isAfter(clock.instant()));
        if (choice.isEmpty()) {
            return "I'm not waiting for an answer from you. " + Help.brief();
        }
        ParseResult asked = parser.parse(choice.get().commandText());
        if (asked instanceof ParseResult.Parsed(Command.SendSong send)) {
            return sendSong.choose(user, choice.get(), send, number);
        }
        if (asked instanceof ParseResult.Parsed(Command.GroupCommand group)) {
            return groups.choose(user, choice.get(), group, number);
        }
        return "I'm not waiting for an answer from you. " + Help.brief();
    }

    private String welcome() {
        return "Hi! I'm Send Songs: send Spotify songs to friends and hear when they play them. "
                + "To start, connect your Spotify account here: " + connectLink.url()
                + " — the page then shows the register command to send me.";
    }
}
