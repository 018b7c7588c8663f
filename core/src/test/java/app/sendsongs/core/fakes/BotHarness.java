package app.sendsongs.core.fakes;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.registration.CallbackResult;
import app.sendsongs.core.registration.ConnectStart;
import app.sendsongs.core.share.SendLimits;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole core on fakes: people write to the bot, play songs and wait, as in the product. People
 * named by a plain string are on Messenger ({@link #at}); others are named by their address on one
 * of the extra platforms the harness was made with.
 */
public final class BotHarness {
    public static final String BASE_URL = "https://songs.example";
    public static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    /** From a delivery to its song's last check: the watch period and the grace period after it. */
    public static final Duration WATCH_ENDS = Duration.ofDays(7).plus(WatchSchedule.DEFAULT_GRACE);
    /** The connect cookie of the browser the people of a test connect in. */
    public static final String BROWSER = "browser-of-the-test";
    private static final Pattern LINK_TOKEN = Pattern.compile("[?&]link=([A-Za-z0-9_.-]+)");

    public final Stores stores = InMemoryStores.create();
    /** Messenger. */
    public final RecordingChat chat = new RecordingChat();
    public final ManualClock clock = new ManualClock(T0);
    /** The server's key: what it seals and signs. */
    public final SigningKey signingKey = SigningKey.random();
    /** Spotify, and the catalogue. */
    public final FakeMusic music = new FakeMusic(clock);
    /** Last.fm. */
    public final FakeScrobbles scrobbles = new FakeScrobbles();
    public final SendSongs app;
    private final Map<Platform, RecordingChat> chats = new LinkedHashMap<>();
    private int events;

    /** The bot on Messenger and on each of {@code otherPlatforms}. */
    public BotHarness(RecordingChat... otherPlatforms) {
        this(SendLimits.standard(), Optional.empty(), otherPlatforms);
    }

    /** The bot with these limits on sending, on Messenger and on each of {@code otherPlatforms}. */
    public BotHarness(SendLimits limits, RecordingChat... otherPlatforms) {
        this(limits, Optional.empty(), otherPlatforms);
    }

    /** The bot on Messenger and on {@code groupChatting}, whose group chats are {@code groups}. */
    public BotHarness(RecordingChat groupChatting, FakeGroupChats groups) {
        this(SendLimits.standard(), Optional.of(new GroupChattingPlatform(groupChatting, groups)), groupChatting);
    }

    private BotHarness(SendLimits limits, Optional<ChatPlatform> withGroups, RecordingChat... otherPlatforms) {
        chats.put(chat.platform(), chat);
        for (RecordingChat other : otherPlatforms) {
            chats.put(other.platform(), other);
        }
        List<ChatPlatform> platforms = new ArrayList<>(chats.values());
        withGroups.ifPresent(group -> platforms.replaceAll(p -> p.platform().equals(group.platform()) ? group : p));
        SendSongs.Settings defaults = SendSongs.Settings.defaults(BASE_URL);
        app = new SendSongs(stores, platforms, music, music, List.of(music, scrobbles), clock,
                new SendSongs.Settings(defaults.connectLink(), defaults.schedule(), defaults.lease(), limits,
                        signingKey));
    }

    /**
     * Consent on the plain connect page of {@code kind}, in {@link #BROWSER}, as the account {@code account} (for
     * Spotify a person's address key, whose plays {@link FakeMusic} reads); what the callback page shows.
     */
    public CallbackResult connectPlainly(SourceKind kind, String account) {
        return app.registration().callback(kind, startState(kind, null), account, null, BROWSER);
    }

    /** The one-time code the plain connect page shows after consent as {@code account}. */
    public String registrationCode(SourceKind kind, String account) {
        CallbackResult result = connectPlainly(kind, account);
        if (!(result instanceof CallbackResult.Connected connected)) {
            throw new AssertionError("no code but " + result);
        }
        return connected.registrationCode();
    }

    /** The person asks the bot to connect {@code kind} and consents through the link it sent, as {@code account}. */
    public CallbackResult connectThroughOwnLink(ChatAddress person, SourceKind kind, String account) {
        return app.registration().callback(kind, startState(kind, personalLink(person, kind)), account, null, BROWSER);
    }

    /** The token of the personal link the bot sends {@code person} for {@code kind}. */
    public String personalLink(ChatAddress person, SourceKind kind) {
        String reply = reply(person, "connect " + kind.id());
        Matcher token = LINK_TOKEN.matcher(reply);
        if (!token.find()) {
            throw new AssertionError("no personal link in " + reply);
        }
        return token.group(1);
    }

    /** The state a browser gets on asking to connect {@code kind} (through a personal link's token, or null). */
    public String startState(SourceKind kind, String personalLink) {
        ConnectStart start = app.registration().startConnect(kind, personalLink, BROWSER);
        if (!(start instanceof ConnectStart.ToConsent consent)) {
            throw new AssertionError("not started: " + start);
        }
        return consent.state();
    }

    /** The Messenger address of {@code psid}. */
    public static ChatAddress at(String psid) {
        return ChatAddress.messenger(psid);
    }

    /** Someone on Messenger who has connected Spotify and registered under {@code name}. */
    public User register(String psid, String name) {
        return register(at(psid), name);
    }

    /** Someone who has connected Spotify and registered under {@code name}. */
    public User register(ChatAddress address, String name) {
        User user = new User(address, name, FakeMusic.connectionFor(address), GrantState.ACTIVE,
                clock.instant(), clock.instant());
        stores.users().saveUser(user);
        return user;
    }

    public User user(String psid) {
        return stores.users().findUser(at(psid)).orElseThrow();
    }

    /** The person writes {@code text}; returns every message the bot sent them meanwhile. */
    public List<String> say(String psid, String text) {
        return say(at(psid), text);
    }

    public List<String> say(ChatAddress person, String text) {
        return handle(new Inbound.Text(nextEventId(), person, clock.instant(), text));
    }

    /** The person does {@code event}; returns every message the bot sent them meanwhile. */
    public List<String> handle(Inbound event) {
        int before = inbox(event.from()).size();
        app.bot().handle(event);
        List<String> after = inbox(event.from());
        return after.subList(before, after.size());
    }

    /** A fresh event id, as the platform gives every new event one. */
    public String nextEventId() {
        return "event-" + ++events;
    }

    /** The bot's one answer to {@code text}. */
    public String reply(String psid, String text) {
        return reply(at(psid), text);
    }

    public String reply(ChatAddress person, String text) {
        List<String> replies = say(person, text);
        if (replies.size() != 1) {
            throw new AssertionError("expected one reply to " + text + ", got " + replies);
        }
        return replies.getFirst();
    }

    public void play(String psid, Track track) {
        play(at(psid), track);
    }

    public void play(ChatAddress person, Track track) {
        music.play(person, track, clock.instant());
    }

    /** Time passes and the due work runs. */
    public void advance(Duration by) {
        clock.advance(by);
        app.tick();
    }

    public List<String> inbox(String psid) {
        return inbox(at(psid));
    }

    public List<String> inbox(ChatAddress person) {
        return chatOf(person).inbox(person.id());
    }

    public String last(String psid) {
        return last(at(psid));
    }

    public String last(ChatAddress person) {
        return chatOf(person).last(person.id());
    }

    private RecordingChat chatOf(ChatAddress person) {
        RecordingChat platform = chats.get(person.platform());
        if (platform == null) {
            throw new AssertionError("the harness has no chat platform " + person.platform());
        }
        return platform;
    }
}
