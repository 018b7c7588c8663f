package app.sendsongs.core.bot;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.compose.LinkShare;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.groupchat.GroupChats;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteDelivery;
import app.sendsongs.core.share.ReceiverControls;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.share.SongsThatWaited;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.PersonHandles;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bot's front door: everything a person does in the chat, on any platform, comes here and gets
 * exactly one answer. A tap is read as if its payload had been typed; opening the conversation through
 * a link gets the welcome (or, for someone registered, the menu), after what became of the invite the link was
 * ({@link InviteDelivery}); someone who registers gets the songs of the invites they opened, then the share of the
 * song they pasted before, if it was kept. Text that is no command answers what the bot asked while a song is being
 * shared (a name, a note); otherwise it gets the commands spelled like it, as taps, and a greeting gets the menu. Errors come with taps for an example and the menu, not the whole usage
 * line. What happens in a group chat the bot is in goes to {@link GroupChats}, which answers in the chat.
 *
 * <p>The answers are the package's: {@code Newcomers} for someone not registered, {@code TypedAtAQuestion} and
 * {@code OpenQuestions} for the question left open, {@code TextForTheShare} for the song being shared,
 * {@code CommandAnswers} (with {@code Choosing} for a number) for a command, {@code NotACommand} for words that are
 * none, {@code HelpAnswers} for help and mistakes.
 *
 * <p><b>Calling it more than once for an event is harmless</b>, also when a call was cut short by a
 * crash, so any intake that delivers at least once can drive it (the server's inbox workers, a queue
 * consumer): an event already marked handled is skipped; otherwise it is handled as its own
 * {@link Cause}, so what it creates (shares, groups, messages) has ids derived from its delivery key
 * and a second run finds what the first stored instead of doing it again; and it is marked handled
 * only at the end. An event older than the dedupe window is skipped: its mark may have been forgotten; so is one
 * dated far ahead ({@link Inbound#MOST_AHEAD}).
 * Calls for one person must come one at a time, in the order the person acted. (A group chat's own
 * posts go to the chat directly, not through the outbox: a group chat event cut short after its post
 * may post it again.)
 */
public final class Bot {
    private static final Logger LOG = Logger.getLogger(Bot.class.getName());
    private static final String SEND_A_SONG =
            "To send a song, paste its Spotify link (in Spotify: Share → Copy link).";

    private final InboundLog inboundLog;
    private final UserStore users;
    private final Outbox outbox;
    private final Reachability reach;
    private final CommandParser parser = new CommandParser();
    private final Registration registration;
    private final LinkShare linkShare;
    private final SentSongs sentSongs;
    private final GroupChats groupChats;
    private final InviteDelivery invites;
    private final PersonHandles handles;
    private final SongsThatWaited songsThatWaited;
    private final WatchPlanner planner;
    private final Clock clock;
    private final Duration dedupeWindow;
    private final Newcomers newcomers;
    private final OpenQuestions questions;
    private final TypedAtAQuestion typedAtAQuestion;
    private final CommandAnswers commands;
    private final HelpAnswers help;
    private final NotACommand notACommand;

    /** The features the front door hands commands to. */
    public record Features(Registration registration, SendSong sendSong, WhichPerson whichPerson, LinkShare linkShare,
                           SentSongs sentSongs, ReceiverControls controls, ForgetMe forgetMe, Groups groups,
                           GroupChats groupChats, InviteDelivery invites, PersonHandles handles,
                           SongsThatWaited songsThatWaited) {
    }

    /**
     * @param dedupeWindow how long an event's handled mark is kept (from the event's time); events older
     *                     than that are skipped
     */
    public Bot(InboundLog inboundLog, UserStore users, ChoiceStore choices, Outbox outbox, Reachability reach,
               Features features, WatchPlanner planner, Clock clock, Duration dedupeWindow) {
        this.dedupeWindow = dedupeWindow;
        this.inboundLog = inboundLog;
        this.users = users;
        this.outbox = outbox;
        this.reach = reach;
        this.registration = features.registration();
        this.linkShare = features.linkShare();
        this.sentSongs = features.sentSongs();
        this.groupChats = features.groupChats();
        this.invites = features.invites();
        this.handles = features.handles();
        this.songsThatWaited = features.songsThatWaited();
        this.planner = planner;
        this.clock = clock;
        this.newcomers = new Newcomers(registration, features.forgetMe(), invites, linkShare, groupChats);
        this.questions = new OpenQuestions(choices, features.groups(), features.whichPerson(), linkShare, clock);
        this.typedAtAQuestion = new TypedAtAQuestion(questions, features.groups(), features.whichPerson());
        Choosing choosing = new Choosing(questions, features.sendSong(), features.whichPerson(), linkShare, sentSongs,
                features.controls(), features.groups());
        this.commands = new CommandAnswers(registration, linkShare, sentSongs, features.controls(),
                features.forgetMe(), features.groups(), groupChats, choosing, questions, invites);
        this.help = new HelpAnswers(features.controls(), features.groups(), clock);
        this.notACommand = new NotACommand(questions, commands, new PlainWishes(sentSongs, features.controls()), help,
                groupChats);
    }

    /** Handles the event unless it was handled already (or is too old to tell); see the class comment. */
    public void handle(Inbound event) {
        String key = event.deliveryKey();
        if (!event.datedWithin(dedupeWindow, clock.instant())) {
            LOG.warning("an inbound event dated outside the dedupe window (too old, or far ahead) was skipped");
            return;
        }
        if (inboundLog.handled(key)) {
            return;
        }
        Cause.run(key, () -> respond(event));
        inboundLog.markHandled(key, event.at().plus(dedupeWindow));
    }

    private void respond(Inbound event) {
        if (event instanceof Inbound.InGroupChat inGroup) {
            groupChats.handle(inGroup);
            return;
        }
        if (event instanceof Inbound.BotBlocked blocked) {
            reach.blocked(blocked.from(), blocked.at());
            return;
        }
        if (event instanceof Inbound.BotUnblocked unblocked) {
            unblocked(unblocked.from());
            return;
        }
        ChatAddress from = event.from();
        Optional<User> user = users.findUser(from).map(u -> u.withLastMessageAt(event.at()));
        user.ifPresent(u -> users.saveLastMessageAt(from, event.at()));
        user.ifPresent(u -> handles.learnOnceARun(from));
        // Answered before what waited for them is released, so a "block" takes back the songs it is about; the
        // answer still comes after them.
        Message answer = answer(event, user);
        // their register, or that register handled again after a crash that came once it had saved them
        Optional<User> registeredNow = user.isEmpty() ? users.findUser(from)
                : user.filter(u -> registration.registeredByThisEvent(u, event.at()));
        if (user.isEmpty() && registeredNow.isEmpty() && !(event instanceof Inbound.OpenedLink)) {
            answer = invites.remindNewcomer(from, answer); // the link's own answer says it already
        }
        List<HeldMessage> held = outbox.heldFor(from);
        songsThatWaited.goingOut(held, event);
        outbox.personWrote(held);
        user.ifPresent(u -> planner.personWrote(from, ListeningAccess.grantReminderAt(u)
                .filter(at -> clock.instant().isBefore(at.plus(ListeningAccess.REMIND_BEFORE_GRANT_ENDS)))));
        outbox.reply(from, answer);
        registeredNow.ifPresent(this::registered); // they registered just now
    }

    /**
     * {@code person} registered just now (by a {@code register} here, or through their personal link): the songs of
     * the invites they opened go to them, they are counted in for the group chat where they tapped Count me in before
     * connecting (and told so), then the share of the song they pasted before connecting, if one was kept, begins.
     */
    public void registered(User person) {
        invites.registered(person);
        groupChats.registered(person).ifPresent(countedIn -> outbox.notify(person.address(), countedIn));
        linkShare.keptSongAsked(person).ifPresent(asked -> outbox.notify(person.address(), asked));
    }

    private Message answer(Inbound event, Optional<User> user) {
        return switch (event) {
            case Inbound.Text text -> answer(event, TrackLinks.tidied(text.text()), user); // links as pasted
            case Inbound.ChoiceTapped tap -> answer(event, tap.payload(), user);
            case Inbound.ButtonTapped tap -> answer(event, tap.payload(), user);
            case Inbound.OpenedLink opened -> openedLink(opened, user);
            case Inbound.Unreadable unreadable -> unreadable(unreadable, user);
            case Inbound.Edited edited -> Message.text(Inbound.Edited.ANSWER);
            case Inbound.InGroupChat inGroup -> throw new IllegalStateException("handled before");
            case Inbound.BotBlocked blocked -> throw new IllegalStateException("handled before");
            case Inbound.BotUnblocked unblocked -> throw new IllegalStateException("handled before");
        };
    }

    /**
     * The person unblocked the bot: songs to them are no longer refused, and what was held for them while they had it
     * blocked (a song that found them blocked, a notice) goes out now, as it would had they written. Songs refused
     * meanwhile stay unsent: their senders were told nothing was sent. Nothing is answered: they wrote nothing.
     */
    private void unblocked(ChatAddress person) {
        reach.reachableAgain(person);
        outbox.personReachable(person);
    }

    /** The welcome, or the menu for someone registered; first, what became of the invite the link was. */
    private Message openedLink(Inbound.OpenedLink opened, Optional<User> user) {
        Message answer = user.map(Menu::of).orElseGet(() -> newcomers.openedLink(opened.ref(), opened.from()));
        return Invite.tokenOf(opened.ref())
                .map(token -> answer.withText(invites.opened(opened.from(), user, token) + "\n\n" + answer.text()))
                .orElse(answer);
    }

    /**
     * Something sent that the bot cannot read (a photo, a voice message...): it says so; then, when it asked something,
     * the question again, left open, so that the share being made or the choice asked about waits as it was; otherwise
     * how a song is sent. Someone not registered gets the welcome after it.
     */
    private Message unreadable(Inbound.Unreadable unreadable, Optional<User> user) {
        String cannot = "I can't read " + unreadable.what() + "s";
        if (user.isEmpty()) {
            return newcomers.unreadable(cannot, unreadable.from());
        }
        return questions.askedAgain(user.get(), cannot + ", only text.")
                .orElseGet(() -> Message.text(cannot + ". " + SEND_A_SONG).withChoices(List.of(Menu.MENU, Menu.HELP)));
    }

    /**
     * What typed text (or a tap's payload) gets: the first of these that takes it answers. {@code register} and
     * {@code connect}, whatever is open; for someone not registered, the welcome; a yes the open question cannot take;
     * the group's name; one of the open question's taps, or the share's, meant by words; what the song being shared
     * waits for; and else the command, or the words that are none.
     */
    private Message answer(Inbound event, String typed, Optional<User> user) {
        ParseResult parsed = parser.parse(typed);
        if (parsed instanceof ParseResult.Parsed(Command.Register register)) {
            return registration.register(event.from(), register, event.at());
        }
        if (parsed instanceof ParseResult.Parsed(Command.Connect connect)) {
            return registration.connect(event.from(), user, connect.source());
        }
        if (user.isEmpty()) {
            return newcomers.typed(parsed, typed, event.from());
        }
        Optional<ShareDraft> draft = linkShare.draftOf(user.get());
        Optional<Message> atAQuestion = typedAtAQuestion.yesTyped(event, typed, user.get(), draft)
                .or(() -> typedAtAQuestion.groupNamed(event, parsed, typed, user.get(), draft))
                .or(() -> tapMeant(event, parsed, typed, user.get(), draft));
        if (atAQuestion.isPresent()) {
            return atAQuestion.get();
        }
        if (draft.isPresent() && TextForTheShare.answersTheDraft(draft.get(), parsed, typed)) {
            return linkShare.typed(user.get(), draft.get(), typed);
        }
        return commandOrWords(parsed, typed, user.get(), draft);
    }

    /**
     * The answer to the tap typed words mean: one of the open question's ({@link TypedAtAQuestion#tapMeant}), else one
     * of the song being shared's. A bare {@code cancel} that dropped that song also says how to stop one sent earlier.
     */
    private Optional<Message> tapMeant(Inbound event, ParseResult parsed, String typed, User user,
                                       Optional<ShareDraft> draft) {
        Optional<String> questionTap = typedAtAQuestion.tapMeant(event, parsed, typed, user, draft);
        Optional<String> shareTap = questionTap.isPresent() ? Optional.empty()
                : draft.filter(d -> event instanceof Inbound.Text).flatMap(d -> linkShare.tapMeant(d, typed));
        return questionTap.or(() -> shareTap).map(tap -> {
            Message reply = answer(new Inbound.ChoiceTapped(event.eventId(), event.from(), event.at(), tap, typed), tap,
                    Optional.of(user));
            boolean cancelled = parsed instanceof ParseResult.Parsed(Command.Cancel cancel) && cancel.which().isEmpty();
            return shareTap.isPresent() && cancelled ? orStopASong(reply, user) : reply;
        });
    }

    /** What typed text gets when nothing open takes it: a command's answer, what a command lacks, or words' answer. */
    private Message commandOrWords(ParseResult parsed, String typed, User user, Optional<ShareDraft> draft) {
        return switch (parsed) {
            case ParseResult.Parsed(Command command) when CommandAnswers.leavesAQuestion(command) ->
                    questions.stillAsked(user, draft, () -> commands.answer(user, command, typed, draft));
            case ParseResult.Parsed(Command command) -> commands.answer(user, command, typed, draft);
            case ParseResult.Invalid invalid -> help.invalid(invalid, user);
            case ParseResult.Unknown unknown -> notACommand.answer(unknown, typed, user, draft);
        };
    }

    /**
     * {@code dropped}, the answer to a bare {@code cancel} that dropped the song being shared, then how to stop a song
     * sent earlier instead, in the person's spelling, when one is watched: what {@code cancel} does with no share.
     */
    private Message orStopASong(Message dropped, User user) {
        return sentSongs.anyToCancel(user) ? dropped.withText(dropped.text() + "\nIf you meant to stop watching a song "
                + "you sent earlier, send: " + CommandStyle.of(user.address()).spell("cancel")) : dropped;
    }
}
