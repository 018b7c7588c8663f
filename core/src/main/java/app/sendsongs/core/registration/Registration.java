package app.sendsongs.core.registration;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connecting a listening source (the one {@code /connect} offers: Spotify now) and registering: the consent round trip with a single-use state, the
 * one-time code it yields, and the {@code register} command that binds the code to a person.
 */
public final class Registration {
    private static final Logger LOG = Logger.getLogger(Registration.class.getName());
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    /** What registering tells a person about receipts, before any friend is told anything. */
    static final String RECEIPTS = "When you play a song a friend sent you, I tell them. To keep that to yourself: "
            + "receipts off (or receipts off <name> for one friend).";

    private final RegistrationStore store;
    private final UserStore users;
    private final ListeningSource source;
    private final ShareDelivery watching;
    private final ConnectLink connectLink;
    private final Clock clock;

    public Registration(RegistrationStore store, UserStore users, ListeningSource source, ShareDelivery watching,
                        ConnectLink connectLink, Clock clock) {
        this.store = store;
        this.users = users;
        this.source = source;
        this.watching = watching;
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /** Where {@code /connect} sends the browser: Spotify's consent page with a fresh state. */
    public URI startConnect() {
        String state = Secrets.state();
        store.saveOAuthState(new OAuthState(state, clock.instant().plus(STATE_LIFETIME)));
        return source.consentUrl(state);
    }

    /** Handles Spotify's redirect back to {@code /callback}. */
    public CallbackResult callback(String state, String code, String error) {
        Optional<OAuthState> known = state == null ? Optional.empty() : store.takeOAuthState(state);
        if (known.isEmpty() || known.get().expiresAt().isBefore(clock.instant())) {
            return new CallbackResult.Failed("This link has expired or was already used. Start again at "
                    + connectLink.url());
        }
        if (error != null || code == null || code.isBlank()) {
            return new CallbackResult.Failed("Spotify did not connect (" + ("access_denied".equals(error)
                    ? "you declined" : "no authorisation was given") + "). You can try again at " + connectLink.url());
        }
        try {
            ListeningConnection connection = source.completeConsent(code);
            String registrationCode = Secrets.registrationCode();
            Instant expires = clock.instant().plus(CODE_LIFETIME);
            store.saveRegistrationCode(new RegistrationCode(Secrets.normalizeCode(registrationCode), connection,
                    expires));
            return new CallbackResult.Connected(registrationCode, expires);
        } catch (MusicServiceException e) {
            LOG.log(Level.WARNING, "Spotify consent exchange failed: {0}", e.getMessage());
            return new CallbackResult.Failed("Spotify could not complete the connection just now. Please try again at "
                    + connectLink.url());
        }
    }

    /** The {@code register} command; returns the reply. */
    public String register(ChatAddress person, Command.Register command, Instant messageAt) {
        Optional<User> existing = users.findUser(person);
        Optional<String> name = command.name().map(Names::tidy);
        if (existing.isEmpty() && name.isEmpty()) {
            return "Add the name friends will use for you: name:\"<your full name>\".\n" + Help.usage("register");
        }
        Optional<String> nameProblem = name.flatMap(Names::problem);
        if (nameProblem.isPresent()) {
            return nameProblem.get() + "\n" + Help.usage("register");
        }
        Optional<RegistrationCode> code = store.takeRegistrationCode(Secrets.normalizeCode(command.code()));
        if (code.isEmpty() || code.get().expiresAt().isBefore(clock.instant())) {
            return "That code is unknown, used or expired (codes last " + CODE_LIFETIME.toMinutes()
                    + " minutes). Get a new one at " + connectLink.url();
        }
        if (existing.isPresent()) {
            return reconnect(existing.get(), code.get(), name, messageAt);
        }
        users.saveUser(new User(person, name.orElseThrow(), code.get().connection(), GrantState.ACTIVE, clock.instant(),
                messageAt));
        return "Welcome, " + name.get() + "! You're connected. Friends can now send you songs with name:\""
                + name.get() + "\", and you can send them yours:\n" + Help.usage("send_song") + "\n" + RECEIPTS;
    }

    private String reconnect(User user, RegistrationCode code, Optional<String> name, Instant messageAt) {
        User updated = user.withConnection(code.connection()).withName(name.orElse(user.name())).withLastMessageAt(messageAt);
        users.saveUser(updated);
        watching.resumeWatching(user.address());
        return "You're connected again, " + updated.name() + ". I'm watching your songs again.";
    }
}
