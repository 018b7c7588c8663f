package app.sendsongs.core.registration;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.PersonHandles;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Binds a listening connection to a person: registers someone new, reconnects someone whose connection ended, or
 * switches someone to another source; each time it learns the handle their platform gives them now. Songs being
 * watched for them go on being watched: after a reconnect from where their last check stopped, after a switch reading
 * the new source from the switch on.
 */
final class Enrolment {
    /** The name of someone whose chat profile gives none that can be used, until they choose one. */
    /** What registering says about receipts, before any friend is told anything; commands as {@code {name}}. */
    private static final String RECEIPTS_TOLD = "When you play a song a friend sent you, I tell them. To keep that to "
            + "yourself: {receipts} off (or {receipts} off <name> for one friend).";
    /** {@link #RECEIPTS_TOLD} as Messenger people read it. */
    static final String RECEIPTS = CommandStyle.PLAIN.write(RECEIPTS_TOLD);
    /**
     * How to send a song, as a phone shares one: the link pasted, the friend tapped. The command and its notes are one
     * tap away ({@link #WELCOME_TAPS}), not in the welcome, which a phone shows whole.
     */
    private static final String PASTE_A_LINK = "To send a friend a song, paste its Spotify link here (in Spotify: "
            + "Share → Copy link) and I'll ask who it's for.";
    /** Under the welcome: the command with its notes, for those who type, and the menu. */
    private static final List<Choice> WELCOME_TAPS = List.of(new Choice("Show an example", "help send_song"),
            new Choice("Menu", "menu"));
    /** How to change the name friends find a person by, for {@link CommandStyle#write}. */
    private static final String RENAME = "{name} \"Your Full Name\"";

    private final UserStore users;
    private final ShareDelivery watching;
    private final ChatPlatforms chats;
    private final Outbox outbox;
    private final Clock clock;
    private final PersonHandles handles;
    private final NameChange names;
    private volatile Consumer<User> newcomers = user -> { };

    Enrolment(UserStore users, ShareDelivery watching, ChatPlatforms chats, Outbox outbox, NameChange names,
              Clock clock) {
        this.users = users;
        this.names = names;
        this.watching = watching;
        this.chats = chats;
        this.outbox = outbox;
        this.clock = clock;
        this.handles = new PersonHandles(users, chats);
    }

    /**
     * Told of each person registered through their personal link, once they have been welcomed (the songs of the
     * invites they opened go to them then).
     */
    void onNewcomer(Consumer<User> listener) {
        this.newcomers = listener;
    }

    /**
     * The {@code register} command with a code from the plain connect page; returns the reply. {@code switching}: it
     * moves someone registered to another source (which, handled again after a crash, they are on already).
     */
    Message register(ChatAddress person, ListeningConnection connection, Optional<String> name, Instant messageAt,
                     boolean switching) {
        // Someone this very message registered (it is handled again after a crash) is registered as new again.
        Optional<User> existing = users.findUser(person).filter(user -> !registeredBy(user, connection, messageAt));
        if (existing.isPresent()) {
            User updated = names.renamed(existing.get().withConnection(connection),
                    name.orElse(existing.get().name())).withLastMessageAt(messageAt);
            saveAndWatchAgain(updated, switching, messageAt);
            handles.learn(person);
            return Message.text(switching ? switchedText(updated, connection.kind()) : connectedAgain(updated));
        }
        String chosen = name.orElseThrow();
        User registered = new User(person, chosen, connection, GrantState.ACTIVE, messageAt, messageAt);
        users.saveUser(registered);
        watching.consented(registered);
        handles.learn(person);
        return welcome(person, chosen, connection.kind());
    }

    /**
     * The answer again to the register sent at {@code messageAt} that saved {@code user}, handled again after a crash:
     * the welcome when it registered them, that they listen on their new source when it {@code switched} them, else
     * that they are connected again.
     */
    Message answerAgain(User user, Instant messageAt, boolean switched) {
        if (registeredBy(user, user.connection(), messageAt)) {
            return welcome(user.address(), user.name(), user.connection().kind());
        }
        return Message.text(switched ? switchedText(user, user.connection().kind()) : connectedAgain(user));
    }

    private String connectedAgain(User user) {
        return "You're connected again, " + user.name() + "." + watchingAgain(user);
    }

    /** " I'm watching your songs again." only when some are: their watches may all have ended while they were away. */
    private String watchingAgain(User user) {
        return watching.watchesAnyFor(user.address()) ? " I'm watching your songs again." : "";
    }

    private static Message welcome(ChatAddress person, String name, SourceKind kind) {
        return Message.text("Welcome, " + name + "! You're connected with " + kind.displayName() + ".\n" + PASTE_A_LINK
                + "\nFriends find you as " + Names.quoted(name) + ".\n" + CommandStyle.of(person).write(RECEIPTS_TOLD))
                .withChoices(WELCOME_TAPS);
    }


    /**
     * Consent finished through the person's own link: they are registered at once, under the name their chat
     * profile gives (which they can change), and told so in the chat, with {@code afterword} after a blank line.
     */
    CallbackResult.Registered direct(ChatAddress person, ListeningConnection connection, Optional<String> afterword) {
        SourceKind kind = connection.kind();
        Optional<User> existing = users.findUser(person);
        if (existing.isPresent()) {
            User updated = existing.get().withConnection(connection);
            saveAndWatchAgain(updated, switched(existing.get(), connection), clock.instant());
            handles.learn(person);
            outbox.notify(person, withAfterword(Message.text(switched(existing.get(), connection)
                    ? switchedText(updated, kind) : "You're connected again with " + kind.displayName() + ", "
                    + updated.name() + "." + watchingAgain(updated)), afterword));
            return new CallbackResult.Registered(kind, updated.name(), person.platform(), true,
                    chats.chatLink(person.platform()));
        }
        Optional<String> profileName = chats.displayName(person).flatMap(Names::fromProfile);
        String name = profileName.orElse(Names.FALLBACK);
        Instant now = clock.instant();
        User registered = new User(person, name, connection, GrantState.ACTIVE, now, now);
        users.saveUser(registered);
        watching.consented(registered);
        handles.learn(person);
        CommandStyle style = CommandStyle.of(person);
        outbox.notify(person, withAfterword(profileName.isPresent()
                ? Message.text("Welcome, " + name + "! You're connected with " + kind.displayName() + ".\n"
                + PASTE_A_LINK + "\nFriends find you as " + Names.quoted(name) + "; to change it, send: "
                + style.write(RENAME) + "\n" + style.write(RECEIPTS_TOLD)).withChoices(WELCOME_TAPS)
                : Message.text("Welcome! You're connected with " + kind.displayName() + ". I couldn't read your name "
                + "from your chat profile, so tell me the name friends know you by: " + style.write(RENAME) + "\n"
                + style.write(RECEIPTS_TOLD)), afterword));
        newcomers.accept(registered);
        return new CallbackResult.Registered(kind, name, person.platform(), false, chats.chatLink(person.platform()));
    }

    /** {@code message} with {@code afterword}, if any, after a blank line. */
    static Message withAfterword(Message message, Optional<String> afterword) {
        return afterword.map(words -> message.withText(message.text() + "\n\n" + words)).orElse(message);
    }

    /**
     * Whether {@code user} was registered by the message sent at {@code messageAt} with {@code connection}: a register
     * saves the person with its code's connection, as registered at the time of its message (as stores keep it, to
     * the millisecond).
     */
    static boolean registeredBy(User user, ListeningConnection connection, Instant messageAt) {
        return user.connection().equals(connection)
                && user.registeredAt().truncatedTo(ChronoUnit.MILLIS).equals(messageAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Saved first, so the check brought forward finds the new connection; {@code switchedAt}, the new source is read
     * from then on. A new Spotify grant has its reminder's check planned.
     */
    private void saveAndWatchAgain(User after, boolean switched, Instant switchedAt) {
        users.saveUser(after);
        if (switched) {
            watching.switchedSource(after.address(), switchedAt);
        } else {
            watching.resumeWatching(after.address());
        }
        watching.consented(after);
    }

    private static boolean switched(User existing, ListeningConnection connection) {
        return existing.connection().kind() != connection.kind();
    }

    /** Says songs are still being watched only when some are. */
    private String switchedText(User user, SourceKind kind) {
        String readingFromNowOn = "I read what you play on " + kind.displayName() + " from now on.";
        return "You're connected with " + kind.displayName() + " now, " + user.name() + ". "
                + (watching.watchesAnyFor(user.address()) ? "Songs friends sent you are still being watched: "
                + readingFromNowOn : readingFromNowOn);
    }
}
