package app.sendsongs.core.registration;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.music.ListeningSources;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Connecting a listening source and registering. A browser asks to connect a source ({@code /connect/<source>}, or
 * {@code /connect} for Spotify) and gets a sealed, expiring state bound to its connect cookie; nothing is stored
 * until the state comes back, when its id is recorded so it works once. Through the plain page, consent ends with
 * a one-time code for the {@code register} command (the seed's flow); through a personal link the bot sent, it
 * registers that chat address at once (see {@link Enrolment#direct}). The round trip is {@link ConsentRoundTrip}'s.
 */
public final class Registration {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    /** What a {@code register} claims its code under, for {@link Cause#id}: this register's own id. */
    private static final String CLAIMANT = "registration code";
    /** What a register's mark that it moved the person to another source is named by, for {@link Cause#id}. */
    private static final String SWITCHED_SOURCE = "registration switched source";

    private final RegistrationStore store;
    private final UserStore users;
    private final ListeningSources sources;
    private final Enrolment enrolment;
    private final PersonalLinks links;
    private final ConnectLink connectLink;
    private final NameChange names;
    /** Whether a newly connected history holds any play. */
    private final SourceCheck sourceCheck;
    private final ConsentRoundTrip roundTrip;
    private final RefusingSources refusing;

    /** {@code shares}: read when someone changes their name, to tell whether anyone knew them by the old one. */
    public Registration(RegistrationStore store, UserStore users, ShareStore shares, ListeningSources sources,
                        ShareDelivery watching, ChatPlatforms chats, Outbox outbox, PersonalLinks links, SigningKey key,
                        ConnectLink connectLink, Clock clock) {
        this(store, users, shares, sources, watching, chats, outbox, links, key, connectLink, clock,
                new ConsentBudget(InstantSource.system()));
    }

    Registration(RegistrationStore store, UserStore users, ShareStore shares, ListeningSources sources,
                 ShareDelivery watching, ChatPlatforms chats, Outbox outbox, PersonalLinks links, SigningKey key,
                 ConnectLink connectLink, Clock clock, ConsentBudget consents) {
        this.store = store;
        this.users = users;
        this.sources = sources;
        this.names = new NameChange(shares, clock);
        this.sourceCheck = new SourceCheck(sources);
        this.enrolment = new Enrolment(users, watching, chats, outbox, names, clock);
        this.links = links;
        this.connectLink = connectLink;
        this.refusing = new RefusingSources(store, clock);
        this.roundTrip = new ConsentRoundTrip(store, sources, enrolment, new ConnectStates(key, clock), links,
                connectLink, outbox, chats, clock, consents, sourceCheck, refusing);
    }

    /** Whether this server offers {@code kind}. */
    public boolean offers(SourceKind kind) {
        return sources.has(kind);
    }

    /** The sources this server offers, in the order of {@link SourceKind}. */
    public List<SourceKind> offered() {
        return sources.kinds();
    }

    /**
     * A browser asks to connect {@code kind}, with the personal link's token when it came through one (else null).
     * {@code browser} is the value of its connect cookie (the runtime sets a fresh one when it has none): the state
     * is good only in that browser. Stores nothing.
     */
    public ConnectStart startConnect(SourceKind kind, String personalLink, String browser) {
        return roundTrip.startConnect(kind, personalLink, browser);
    }

    /**
     * The person comes back from {@code kind}'s consent with the state, and what the source gave them ({@code code}:
     * Spotify's code, Last.fm's token) or what they pasted (a ListenBrainz token); {@code error} is the source's
     * refusal, if any; {@code browser} the connect cookie the request carried (null when none).
     */
    public CallbackResult callback(SourceKind kind, String state, String code, String error, String browser) {
        return roundTrip.callback(kind, state, code, error, browser);
    }

    /** The {@code register} command with a code from the plain connect page; returns the reply. */
    public Message register(ChatAddress person, Command.Register command, Instant messageAt) {
        Optional<User> existing = users.findUser(person);
        Optional<String> name = command.name().map(Names::tidy);
        CommandStyle style = CommandStyle.of(person);
        if (existing.isEmpty() && name.isEmpty()) {
            return Message.text("Add the name friends will use for you: name:\"<your full name>\".\n"
                    + Help.usage("register", style));
        }
        Optional<String> nameProblem = name.flatMap(Names::problem);
        if (nameProblem.isPresent()) {
            return Message.text(nameProblem.get() + "\n" + Help.usage("register", style));
        }
        // This register's own id: a UUID, which no typed code becomes (codes are read upper case and without dashes).
        String claimant = Cause.id(CLAIMANT);
        String typed = Secrets.normalizeCode(command.code());
        // Of two people who send one code, one gets it; this register handled again after a crash gets it again.
        Optional<RegistrationCode> code = store.claimRegistrationCode(typed, claimant);
        if (code.isEmpty() && existing.isPresent() && store.wasUsed(claimant)) {
            // This register, handled again after a crash that came once it had saved the person and dropped the code.
            return Enrolment.withAfterword(enrolment.answerAgain(existing.get(), messageAt,
                    store.wasUsed(Cause.id(SWITCHED_SOURCE))), sourceCheck.nothingPlayed(existing.get().connection()));
        }
        // Judged by when the person sent it, so that the register handled again after a crash is judged as before.
        if (code.isEmpty() || code.get().expiresAt().isBefore(messageAt)) {
            return Message.text("That code is unknown, used or expired (codes last " + CODE_LIFETIME.toMinutes()
                    + " minutes). Get a new one at " + connectLink.url());
        }
        boolean switching = switchesSource(existing, code.get());
        Message reply = enrolment.register(person, code.get().connection(), name, messageAt, switching);
        // Done: handled again, this register finds the mark and welcomes the person it saved; the code, with the
        // connection's sealed tokens, goes.
        store.useOnce(claimant, code.get().expiresAt());
        store.dropClaimedCode(typed, claimant);
        return Enrolment.withAfterword(reply, sourceCheck.nothingPlayed(code.get().connection()));
    }

    /**
     * Whether this register moves someone registered to another source. Marked before the person is saved on the new
     * one: handled again after a crash cut it short, it finds them there already, which alone reads as a reconnect.
     */
    private boolean switchesSource(Optional<User> existing, RegistrationCode code) {
        String mark = Cause.id(SWITCHED_SOURCE);
        if (existing.filter(user -> user.connection().kind() != code.connection().kind()).isPresent()) {
            store.useOnce(mark, code.expiresAt());
            return true;
        }
        return existing.isPresent() && store.wasUsed(mark);
    }

    /**
     * Whether {@code user} signed up with the {@code register} being handled, sent at {@code messageAt}: its code used
     * by this event and the person saved as registered at its time. True too for that register handled again after a
     * crash that came once it had saved them, so what follows a sign-up (the songs of the invites they opened...)
     * still happens; false for a register that switched an existing person's source.
     */
    public boolean registeredByThisEvent(User user, Instant messageAt) {
        return Enrolment.registeredBy(user, user.connection(), messageAt) && store.wasUsed(Cause.id(CLAIMANT));
    }

    /** Told of each person who registered through their personal link, once the chat has welcomed them. */
    public void onNewcomer(Consumer<User> listener) {
        enrolment.onNewcomer(listener);
    }

    /**
     * The first answer to someone not registered: what the bot is, the sources to connect as choices, and their own
     * link for the first source, so that a reply to someone who wrote first holds a link to connect, as it always did.
     * A source that turned a person away lately (a Spotify app in development mode) goes last, and the link is for the
     * first that did not, with why.
     */
    public Message welcome(ChatAddress person) {
        List<SourceKind> turningAway = refusing.amongst(sources.kinds());
        List<SourceKind> offered = RefusingSources.welcomingFirst(sources.kinds(), turningAway);
        SourceKind first = offered.getFirst();
        String why = turningAway.isEmpty() || turningAway.contains(first) ? ""
                : "\n" + SourceOffer.turnedAwayLately(turningAway.getFirst(), first);
        return Message.text("Hi! I'm Send Songs: send Spotify songs to friends and hear when they play them. To start, "
                + "connect the service that sees what you play: tap one below, or open your own link for "
                + first.displayName() + " (it works once, within a day): " + links.url(person, first) + why)
                .withChoices(SourceOffer.choices(offered));
    }

    /**
     * The answer to a newcomer who says they have not got a service ("I don't have Spotify"): the other services this
     * server offers, as choices; the welcome when it offers no other, or not that one anyway.
     */
    public Message welcomeWithout(ChatAddress person, SourceKind denied) {
        List<SourceKind> others = sources.kinds().stream().filter(kind -> kind != denied).toList();
        if (!sources.has(denied) || others.isEmpty()) {
            return welcome(person);
        }
        return Message.text("No " + denied.displayName() + "? I can see what you play through another service "
                + "instead. Connect one:").withChoices(SourceOffer.choices(others));
    }

    /**
     * The {@code connect} command: with a source, the person's own link to connect it; without one, the sources as
     * choices.
     */
    public Message connect(ChatAddress person, Optional<User> user, Optional<String> asked) {
        if (asked.isEmpty()) {
            return user.map(this::sourcesFor).orElseGet(() -> welcome(person));
        }
        Optional<SourceKind> kind = SourceKind.named(asked.get()).or(() -> SourceKind.mentionedIn(asked.get()));
        if (kind.isEmpty() || !sources.has(kind.get())) {
            String what = kind.map(k -> k.displayName() + " isn't set up on this server.")
                    .orElse("I don't know " + Names.quoted(asked.get()) + " as a place to listen.");
            return Message.text(what + " You can connect:").withChoices(SourceOffer.choices(sources.kinds()));
        }
        String url = links.url(person, kind.get());
        boolean newToIt = user.filter(registered -> registered.connection().kind() == kind.get()).isEmpty();
        String caution = newToIt && refusing.refusesLately(kind.get()) ? SourceOffer.mayTurnYouAway(kind.get()) : "";
        return Message.text(caution + user.map(registered -> besideTheConnection(registered, kind.get(), url))
                .orElseGet(() -> SourceOffer.linkText(kind.get(), url)));
    }

    /**
     * A source asked for by someone registered, often a tap on an old welcome after they connected another way: on the
     * source they are on, and fine there, they are told so first (the link stays, for another account); on another,
     * that it switches them (from a connection that ended, said as such, not as where they listen now). Reconnecting,
     * once the connection ended or ends soon, is the link alone.
     */
    private static String besideTheConnection(User user, SourceKind asked, String url) {
        SourceKind current = user.connection().kind();
        if (current != asked) {
            String where = user.needsReconnect() ? "Your " + current.displayName() + " connection has ended"
                    : "You listen on " + current.displayName() + " now";
            return where + ": once you connect " + asked.displayName() + ", I'll read what you play there instead.\n"
                    + SourceOffer.linkText(asked, url);
        }
        if (user.grantState() != GrantState.ACTIVE) {
            return SourceOffer.linkText(asked, url);
        }
        return "You're already connected with " + current.displayName() + " (as " + user.connection().accountId()
                + "): I see what you play there, so there's nothing to do. Only to use another " + current.displayName()
                + " account, here's " + SourceOffer.ownLink(asked, url);
    }

    /** The sources to tap, after where the person's connection stands: read, or ended and waiting for them. */
    private Message sourcesFor(User user) {
        String source = user.connection().kind().displayName();
        String state = user.needsReconnect()
                ? "Your " + source + " connection has ended, so I can't see whether you play the songs friends sent you."
                : "I see what you play on " + source + ".";
        return Message.text(state + " To reconnect it or switch to another service, tap one:")
                .withChoices(SourceOffer.choices(sources.kinds()));
    }

    /** The {@code name} command: the name friends find the person by changes; returns the reply. */
    public String rename(User user, String typed) {
        String name = Names.tidy(typed);
        Optional<String> problem = Names.problem(name);
        if (problem.isPresent()) {
            return problem.get() + "\n" + Help.usage("name", CommandStyle.of(user.address()));
        }
        if (name.equals(user.name())) {
            return "Friends already find you as " + Names.quoted(name) + ".";
        }
        User renamed = names.renamed(user, name);
        users.saveUser(renamed);
        String send = CommandStyle.of(user.address()).spell("send_song");
        boolean oldNameKept = renamed.formerNames().stream().findFirst().map(FormerName::name)
                .filter(user.name()::equals).isPresent();
        return "Done: friends now find you as " + Names.quoted(name) + " (" + send + " name:" + Names.quoted(name)
                + ")." + (oldNameKept ? " Friends who knew you as " + Names.quoted(user.name()) + " still find you "
                + "by it." : "");
    }
}