package app.sendsongs.core.registration;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.AppRefusedException;
import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.ListeningSources;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.PersonNotAllowedException;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.core.user.PersonalLinks.PersonalLink;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A browser's round trip through a source's consent ({@link Registration#startConnect}, {@link
 * Registration#callback}): the sealed state it leaves with, and what it brings back, which ends in a registration
 * code or, through a personal link, in registering that chat address.
 */
final class ConsentRoundTrip {
    /** Registration's logger, which its log lines were always written to (the log names it on each line). */
    private static final Logger LOG = Logger.getLogger(Registration.class.getName());
    private static final String USED_LINK =
            "This link was already used to connect. Send me connect in the chat for a new one.";

    private final RegistrationStore store;
    private final ListeningSources sources;
    private final Enrolment enrolment;
    private final ConnectStates states;
    private final PersonalLinks links;
    private final ConnectLink connectLink;
    private final Outbox outbox;
    private final ChatPlatforms chats;
    private final Clock clock;
    /** Bounds the calls to the sources that made-up codes and tokens can cause. */
    private final ConsentBudget consents;
    /** Whether a newly connected history holds any play. */
    private final SourceCheck sourceCheck;
    private final RefusingSources refusing;

    ConsentRoundTrip(RegistrationStore store, ListeningSources sources, Enrolment enrolment, ConnectStates states,
                     PersonalLinks links, ConnectLink connectLink, Outbox outbox, ChatPlatforms chats, Clock clock,
                     ConsentBudget consents, SourceCheck sourceCheck, RefusingSources refusing) {
        this.store = store;
        this.sources = sources;
        this.enrolment = enrolment;
        this.states = states;
        this.links = links;
        this.connectLink = connectLink;
        this.outbox = outbox;
        this.chats = chats;
        this.clock = clock;
        this.consents = consents;
        this.sourceCheck = sourceCheck;
        this.refusing = refusing;
    }

    /** See {@link Registration#startConnect}. */
    ConnectStart startConnect(SourceKind kind, String personalLink, String browser) {
        Optional<ListeningSource> source = sources.find(kind);
        if (source.isEmpty()) {
            return new ConnectStart.Refused(kind.displayName() + " isn't set up on this server.");
        }
        Optional<PersonalLink> link = Optional.empty();
        if (personalLink != null && !personalLink.isBlank()) {
            link = links.read(personalLink);
            if (link.isEmpty()) {
                return new ConnectStart.Refused("This connect link has expired or isn't valid: the links I send work "
                        + "once, within a day. Send me connect in the chat for a new one.",
                        links.readExpired(personalLink).map(expired -> backTo(expired.person())));
            }
            if (store.wasUsed(usedLink(link.get()))) {
                // Before the service's consent, which would otherwise be given for nothing.
                return new ConnectStart.Refused(USED_LINK, Optional.of(backTo(link.get().person())));
            }
        }
        String state = states.issue(kind, browser, link);
        return new ConnectStart.ToConsent(kind, source.get().consentUrl(state), state);
    }

    /** See {@link Registration#callback}. */
    CallbackResult callback(SourceKind kind, String state, String code, String error, String browser) {
        Optional<ListeningSource> source = sources.find(kind);
        if (source.isEmpty()) {
            return new CallbackResult.Failed(kind.displayName() + " isn't set up on this server.");
        }
        Optional<ConnectState> known = states.read(state).filter(s -> s.kind() == kind);
        if (known.isEmpty()) {
            return states.readExpired(state).filter(s -> s.kind() == kind && s.link().isPresent())
                    .filter(s -> s.startedIn(browser)).<CallbackResult>map(s -> tookTooLong(kind, s))
                    .orElseGet(() -> expired(kind));
        }
        if (!known.get().startedIn(browser)) {
            return failed("This page was opened in another browser than the one that started connecting, so I won't "
                    + "finish it here: that keeps anyone from tying their account to yours. " + again(kind, known.get()),
                    known.get());
        }
        return consented(kind, source.get(), known.get(), state, code, error);
    }

    /** What the source gave (or the person pasted) for a state that is known and came back to its own browser. */
    private CallbackResult consented(SourceKind kind, ListeningSource source, ConnectState known, String state,
                                     String code, String error) {
        boolean pasted = kind.pastesToken();
        boolean nothingBack = code == null || code.isBlank();
        if (pasted && nothingBack) {
            return new CallbackResult.PasteAgain(kind, "Paste your " + kind.displayName() + " user token first.",
                    state);
        }
        if (!pasted && (error != null || nothingBack)) {
            return failed(kind.displayName() + " did not connect (" + ("access_denied".equals(error)
                    ? "you declined" : "no authorisation was given") + "). " + again(kind, known), known);
        }
        if (!consents.take(kind)) {
            // Before the state is used, so that the same page works again in a minute.
            return tooMany(kind, state, known);
        }
        if (!pasted && !firstUse(known)) {
            consents.giveBack(kind);
            return alreadyUsed(kind, known);
        }
        return completeWithSource(kind, source, known, state, code);
    }

    /** Completes the consent with the source, in the place the consent budget gave it. */
    private CallbackResult completeWithSource(SourceKind kind, ListeningSource source, ConnectState known, String state,
                                     String code) {
        boolean pasted = kind.pastesToken();
        ListeningConnection connection;
        // A finished consent or a refusal settles the place taken above; anything else gives it back.
        boolean placeSettled = false;
        try {
            connection = source.completeConsent(code);
            placeSettled = true;
            consents.finished(kind, connection.accountId());
        } catch (PersonNotAllowedException e) {
            LOG.log(Level.INFO, "{0} refuses a person for this app: {1}", new Object[] {kind, e.getMessage()});
            refusing.refused(kind);
            return notAllowed(kind, known, SourceOffer.notAllowed(kind));
        } catch (AppRefusedException e) {
            LOG.log(Level.SEVERE, "{0} refuses this server''s own key, so nobody can connect it: {1}",
                    new Object[] {kind, e.getMessage()});
            return notAllowed(kind, known, SourceOffer.appRefused(kind));
        } catch (ConsentRefusedException e) {
            placeSettled = true;
            return pasted ? new CallbackResult.PasteAgain(kind, e.getMessage(), state)
                    : failed(e.getMessage() + " " + again(kind, known), known);
        } catch (MusicServiceException e) {
            LOG.log(Level.WARNING, "{0} consent could not be completed: {1}", new Object[] {kind, e.getMessage()});
            return pasted ? new CallbackResult.PasteAgain(kind, kind.displayName() + " could not be reached just now. "
                    + "Please try again in a minute.", state)
                    : failed(kind.displayName() + " could not complete the connection just now. "
                    + "Please try again: " + again(kind, known), known);
        } finally {
            if (!placeSettled) {
                consents.giveBack(kind);
            }
        }
        if (pasted && !firstUse(known)) {
            return alreadyUsed(kind, known);
        }
        return complete(known, connection);
    }

    private CallbackResult complete(ConnectState state, ListeningConnection connection) {
        if (state.link().isEmpty()) {
            String registrationCode = Secrets.registrationCode();
            Instant expires = clock.instant().plus(Registration.CODE_LIFETIME);
            store.saveRegistrationCode(new RegistrationCode(Secrets.normalizeCode(registrationCode), connection,
                    expires));
            return new CallbackResult.Connected(connection.kind(), registrationCode, expires);
        }
        PersonalLink link = state.link().get();
        Instant keepUntil = link.expiresAt().isAfter(state.expiresAt()) ? link.expiresAt() : state.expiresAt();
        if (!store.useOnce(usedLink(link), keepUntil)) {
            return failed(USED_LINK, state);
        }
        return enrolment.direct(link.person(), connection, sourceCheck.nothingPlayed(connection));
    }

    private static String usedLink(PersonalLink link) {
        return "link:" + link.id();
    }

    private boolean firstUse(ConnectState state) {
        return store.useOnce("state:" + state.id(), state.expiresAt());
    }

    /** {@code kind} refuses whatever the moment ({@code why}): the other sources are offered, on the page and in the chat. */
    private CallbackResult notAllowed(SourceKind kind, ConnectState state, String why) {
        List<CallbackResult.Alternative> alternatives = sources.kinds().stream().filter(other -> other != kind)
                .map(other -> new CallbackResult.Alternative(other, state.link()
                        .map(link -> links.url(link.person(), other)).orElse(startUrl(other))))
                .toList();
        state.link().ifPresent(link -> outbox.notify(link.person(), Message.text(why + " Tap one to connect it "
                + "instead:").withChoices(SourceOffer.choices(alternatives.stream()
                .map(CallbackResult.Alternative::kind).toList()))));
        return new CallbackResult.NotAllowed(kind, why, alternatives);
    }

    /**
     * Made-up codes or tokens, or one account's repeats, have spent the calls to the source that consents may make for
     * now: the page asks to try again in a minute, with its state still unused.
     */
    private CallbackResult tooMany(SourceKind kind, String state, ConnectState known) {
        String busy = "There were too many tries to connect " + kind.displayName() + " just now, so I'm not asking "
                + kind.displayName() + " for a while. ";
        return kind.pastesToken() ? new CallbackResult.PasteAgain(kind, busy + "Sorry: please paste it again in a "
                + "minute.", state) : failed(busy + "Sorry: please reload this page in a minute.", known);
    }

    /** A failed round trip; through a personal link, with the way back to the person's chat. */
    private CallbackResult.Failed failed(String message, ConnectState state) {
        return new CallbackResult.Failed(message, state.link().map(link -> backTo(link.person())));
    }

    private CallbackResult.BackToChat backTo(ChatAddress person) {
        return new CallbackResult.BackToChat(person.platform(), chats.chatLink(person.platform()));
    }

    /**
     * The person's own link was opened more than {@link ConnectStates#LIFETIME} before they came back (making an
     * account at the source takes longer): the link itself still works, from the chat, unless it too has expired
     * since (they left halfway and came back the next day), when only a new one will do.
     */
    private CallbackResult tookTooLong(SourceKind kind, ConnectState state) {
        String expired = "Connecting " + kind.displayName() + " took longer than " + ConnectStates.LIFETIME.toMinutes()
                + " minutes, so this page has expired";
        boolean linkExpired = state.link().filter(link -> !clock.instant().isBefore(link.expiresAt())).isPresent();
        return failed(linkExpired ? expired + ", and so has the link I sent you. Send me connect in the chat for a new "
                + "one." : expired + ". Open your link in the chat again (or send me connect for a new one).", state);
    }

    /**
     * The state came back before, to this same browser: a reload or a restored tab, rather than a failure. Through a
     * personal link that was used, the person is connected; on the plain page the code shown the first time still
     * works, but is not shown again (nothing keeps it by state).
     */
    private CallbackResult alreadyUsed(SourceKind kind, ConnectState state) {
        if (state.link().isEmpty()) {
            return new CallbackResult.AlreadyUsed("This page was already used, and it shows its one-time code only "
                    + "once. If you have the code, send it to the bot as the page said: it works for "
                    + Registration.CODE_LIFETIME.toMinutes() + " minutes. If not, start again at " + startUrl(kind),
                    Optional.empty());
        }
        PersonalLink link = state.link().get();
        String message = store.wasUsed(usedLink(link))
                ? "You're connected with " + kind.displayName() + ": this page finished it the first time, and I've "
                        + "written to you in the chat."
                : "This page was already used. Send me connect in the chat for a new link.";
        return new CallbackResult.AlreadyUsed(message, Optional.of(backTo(link.person())));
    }

    private CallbackResult expired(SourceKind kind) {
        return new CallbackResult.Failed("This link has expired or was already used. Start again at "
                + startUrl(kind));
    }

    /** What to do after a failed round trip: a personal link's owner asks the bot, anyone else uses the page. */
    private String again(SourceKind kind, ConnectState state) {
        return state.link().isPresent() ? "Send me connect in the chat for a new link."
                : "You can try again at " + startUrl(kind);
    }

    private String startUrl(SourceKind kind) {
        return connectLink.plainPage(kind.id());
    }
}
