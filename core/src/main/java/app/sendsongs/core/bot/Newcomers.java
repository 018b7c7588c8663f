package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.compose.LinkShare;
import app.sendsongs.core.groupchat.GroupChats;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.share.InviteDelivery;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answers to someone not registered yet: the welcome ({@link Registration#welcome}), after what they asked or
 * sent, or the music service they named (or said they don't have).
 */
final class Newcomers {
    private static final String REGISTER = "register";
    /**
     * Before the welcome of someone not registered who confirms forget_me: a second Yes. (The first, handled again
     * after a crash cut it short once everything was deleted, says "Done" as it would have.)
     */
    private static final String NOTHING_KEPT = "I keep nothing about you.\n\n";
    /** Before the welcome of someone not registered who used a command of the registered (a list, a block, a group). */
    private static final String ONCE_CONNECTED = "That works once you've connected (it takes a minute).\n\n";

    /**
     * A ListenBrainz user token (a UUID, as its settings page shows it), pasted in the chat rather than on the page the
     * person's own link opens: read as anything else, it got the welcome, which offers Spotify.
     */
    private static final Pattern LISTENBRAINZ_TOKEN = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final String TOKEN_GOES_ON_THE_PAGE = "That looks like your ListenBrainz token: paste it on the page "
            + "your link opens, not here.\n\n";

    private final Registration registration;
    private final ForgetMe forgetMe;
    private final InviteDelivery invites;
    private final LinkShare linkShare;
    private final GroupChats groupChats;

    Newcomers(Registration registration, ForgetMe forgetMe, InviteDelivery invites, LinkShare linkShare,
              GroupChats groupChats) {
        this.groupChats = groupChats;
        this.registration = registration;
        this.forgetMe = forgetMe;
        this.invites = invites;
        this.linkShare = linkShare;
    }

    /** The welcome to someone who opened the conversation through a link, after the way back to a group chat's. */
    Message openedLink(String ref, ChatAddress from) {
        Message welcome = registration.welcome(from);
        return groupChats.backToTheChat(ref, from).map(lead -> welcome.withText(lead + "\n\n" + welcome.text()))
                .orElse(welcome);
    }

    /** The welcome after {@code cannot} (what the bot cannot read: "I can't read photos"). */
    Message unreadable(String cannot, ChatAddress from) {
        Message welcome = registration.welcome(from);
        return welcome.withText(cannot + ", only text.\n\n" + welcome.text());
    }

    /**
     * The welcome for someone not registered, after what they asked: help, or a song they meant to send (pasted or
     * with {@code send_song}), kept until they have connected, when its share starts ({@link
     * LinkShare#keepForNewcomer}); a forget_me confirmed, that nothing is kept about them (the kept song goes, and the
     * Count me in they tapped in a group chat). A
     * {@code register} that
     * cannot be read (an unquoted name, a typo of the command) is answered with what to fix instead: the person has
     * just connected and holds a code, and the welcome would send them to connect again. A music service named
     * ("Spotify") is the one to connect; one they say they don't have, the others offered. A question about
     * privacy is answered before the welcome, as {@code help privacy} is.
     */
    Message typed(ParseResult parsed, String typed, ChatAddress from) {
        if (parsed instanceof ParseResult.Unknown && LISTENBRAINZ_TOKEN.matcher(typed.strip()).matches()) {
            Message connect = registration.connect(from, Optional.empty(), Optional.of(SourceKind.LISTENBRAINZ.id()));
            return connect.withText(TOKEN_GOES_ON_THE_PAGE + connect.text());
        }
        Optional<SourceKind> typedASource = parsed instanceof ParseResult.Unknown ? SourceKind.mentionedIn(typed)
                : Optional.empty();
        if (typedASource.isPresent()) { // typed instead of tapping one of the welcome's services
            return registration.connect(from, Optional.empty(), Optional.of(typedASource.get().id()));
        }
        Optional<SourceKind> typedNotASource = parsed instanceof ParseResult.Unknown ? SourceKind.deniedIn(typed)
                : Optional.empty();
        if (typedNotASource.isPresent()) { // "I don't have Spotify"
            return registration.welcomeWithout(from, typedNotASource.get());
        }
        if (parsed instanceof ParseResult.Parsed(Command.ForgetMe forget) && forget.confirmed()) {
            invites.forget(from); // "I keep nothing about you" holds once no invite they opened keeps their address
            linkShare.forgetKept(from); // nor the song they pasted before connecting
            groupChats.forgetTap(from); // nor the Count me in they tapped in a group chat
        }
        // read only when it is the answer: it looks up which sources turned people away lately
        Message welcome = registration.welcome(from);
        Optional<String> otherService = parsed instanceof ParseResult.Unknown ? OtherMusicLinks.serviceIn(typed)
                : Optional.empty();
        if (otherService.isPresent()) { // before they connect a service for songs the bot cannot send
            return welcome.withText(OtherMusicLinks.notSpotify(otherService.get()) + "\n\n" + welcome.text());
        }
        if (parsed instanceof ParseResult.Unknown && WordsForWishes.asksAboutPrivacy(typed)) { // before connecting
            return welcomeAfter(new ParseResult.Parsed(new Command.Help(Optional.of("privacy"))), welcome, from);
        }
        return welcomeAfter(parsed, welcome, from);
    }

    /**
     * A command about what the person sent, their friends or their groups: typed (or tapped on an old menu) before
     * connecting, it got the bare welcome, as if it had not been read. ({@code name} is left out: the welcome that
     * follows registration says how to set one. A song sent to a group is a song, answered before this.)
     */
    private static boolean needsAnAccount(Command command) {
        return switch (command) {
            case Command.Pending p -> true;
            case Command.History h -> true;
            case Command.Cancel c -> true;
            case Command.Block b -> true;
            case Command.Unblock u -> true;
            case Command.Receipts r -> true;
            case Command.GroupCommand g -> true;
            default -> false;
        };
    }

    /** The welcome after what became of {@code song}: kept until they connect, or why it cannot be sent. */
    private Message kept(SongLink song, Message welcome, ChatAddress from) {
        return welcome.withText(linkShare.keepForNewcomer(from, song) + "\n\n" + welcome.text());
    }

    /** The welcome, after help or a word about a song or forget_me; or what to fix in a {@code register}. */
    private Message welcomeAfter(ParseResult parsed, Message welcome, ChatAddress from) {
        CommandStyle style = CommandStyle.of(from);
        return switch (parsed) {
            case ParseResult.Invalid invalid when invalid.command().filter(REGISTER::equals).isPresent() ->
                    Message.text(invalid.problem(style) + "\n" + Help.usage(REGISTER, style));
            case ParseResult.Unknown unknown when unknown.suggestions().stream()
                    .anyMatch(suggestion -> suggestion.command().equals(REGISTER)) ->
                    HelpAnswers.didYouMean(unknown, style);
            case ParseResult.Parsed(Command.Help help) ->
                    welcome.withText(HelpAnswers.help(help, style).text() + "\n\n" + welcome.text());
            case ParseResult.Parsed(Command.StartShare share) -> kept(share.song(), welcome, from);
            case ParseResult.Parsed(Command.SendSong send) -> kept(send.song(), welcome, from);
            case ParseResult.Parsed(Command.SendToGroup send) -> kept(send.song(), welcome, from);
            case ParseResult.Parsed(Command.ForgetMe forget) when forget.confirmed() -> forgetMe.doneAlready()
                    .map(Message::text).orElseGet(() -> welcome.withText(NOTHING_KEPT + welcome.text()));
            case ParseResult.Parsed(Command command) when needsAnAccount(command) ->
                    welcome.withText(ONCE_CONNECTED + welcome.text());
            default -> welcome;
        };
    }
}
