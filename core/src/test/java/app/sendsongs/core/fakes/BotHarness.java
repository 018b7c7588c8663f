package app.sendsongs.core.fakes;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.InboundMessage;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The whole core on fakes: people write to the bot, play songs and wait, as in the product. */
public final class BotHarness {
    public static final String BASE_URL = "https://songs.example";
    public static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    public final InMemoryStore store = new InMemoryStore();
    public final RecordingChat chat = new RecordingChat();
    public final FakeMusic music = new FakeMusic();
    public final ManualClock clock = new ManualClock(T0);
    public final SendSongs app = new SendSongs(store, chat, music, List.of(music), clock,
            SendSongs.Settings.defaults(BASE_URL));
    private int mids;

    /** Someone who has connected Spotify and registered under {@code name}. */
    public User register(String psid, String name) {
        User user = new User(psid, name, FakeMusic.connectionFor(psid), GrantState.ACTIVE,
                clock.instant(), clock.instant());
        store.saveUser(user);
        return user;
    }

    /** The person writes {@code text}; returns every message the bot sent them meanwhile. */
    public List<String> say(String psid, String text) {
        int before = chat.inbox(psid).size();
        app.bot().handle(new InboundMessage("mid-" + ++mids, psid, text, clock.instant()));
        List<String> after = chat.inbox(psid);
        return after.subList(before, after.size());
    }

    /** The bot's one answer to {@code text}. */
    public String reply(String psid, String text) {
        List<String> replies = say(psid, text);
        if (replies.size() != 1) {
            throw new AssertionError("expected one reply to " + text + ", got " + replies);
        }
        return replies.getFirst();
    }

    public void play(String psid, Track track) {
        music.play(psid, track, clock.instant());
    }

    /** Time passes and the due work runs. */
    public void advance(Duration by) {
        clock.advance(by);
        app.tick();
    }

    public List<String> inbox(String psid) {
        return chat.inbox(psid);
    }

    public String last(String psid) {
        return chat.last(psid);
    }
}
