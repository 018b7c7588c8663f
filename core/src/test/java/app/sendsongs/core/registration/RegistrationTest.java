package app.sendsongs.core.registration;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting Spotify and registering, through the consent round trip and the bot on fakes: the
 * single-use state, the one-time code, the register command, and reconnecting after a grant ended.
 */
class RegistrationTest {
    private static final String CONNECT = BotHarness.BASE_URL + "/connect";
    private static final String WELCOME = "Hi! I'm Send Songs: send Spotify songs to friends and hear when they play "
            + "them. To start, connect your Spotify account here: " + CONNECT + " — the page then shows the register "
            + "command to send me.";
    private BotHarness bot;

    @BeforeEach
    void bot() {
        bot = new BotHarness();
    }

    @Test
    void someoneNotRegisteredGetsTheWelcomeWithTheConnectLink() {
        assertThat(bot.reply("bob", "hello")).isEqualTo(WELCOME);
        assertThat(bot.reply("bob", "send_song name:\"Alice\" " + FakeMusic.SONG.id().link())).isEqualTo(WELCOME);
        assertThat(bot.reply("bob", "help")).isEqualTo(Help.all() + "\n\n" + WELCOME);
    }

    @Test
    void consentGivesAOneTimeCodeThatRegistersWhoeverSendsIt() {
        String code = connect("messenger:bob");

        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob  Fisher\"")).isEqualTo("Welcome, Bob "
                + "Fisher! You're connected. Friends can now send you songs with name:\"Bob Fisher\", and you can send "
                + "them yours:\n" + Help.usage("send_song") + "\nWhen you play a song a friend sent you, I tell them. To "
                + "keep that to yourself: receipts off (or receipts off <name> for one friend).");

        User bob = bot.user("bob");
        assertThat(bob.name()).isEqualTo("Bob Fisher");
        assertThat(bob.connection().accountId()).isEqualTo("spotify-messenger:bob");
        assertThat(bob.grantState()).isEqualTo(GrantState.ACTIVE);
        assertThat(bot.reply("alice", "register code:\"" + code + "\" name:\"Alice\"")).isEqualTo("That code is "
                + "unknown, used or expired (codes last 15 minutes). Get a new one at " + CONNECT);
        assertThat(bot.stores.users().findUser(at("alice"))).isEmpty();
    }

    @Test
    void codesAreTypedInAnyCaseWithOrWithoutTheDashButLastOnlyFifteenMinutes() {
        String code = connect("messenger:bob");
        String typed = code.replace("-", " ").toLowerCase(Locale.ROOT);
        assertThat(bot.reply("bob", "register code:\"" + typed + "\" name:Bob"))
                .startsWith("Welcome, Bob!");

        String late = connect("messenger:carol");
        bot.advance(Duration.ofMinutes(16));
        assertThat(bot.reply("carol", "register code:\"" + late + "\" name:Carol")).startsWith("That code is "
                + "unknown, used or expired");
    }

    @Test
    void aNewPersonMustGiveAUsableName() {
        String code = connect("messenger:bob");

        assertThat(bot.reply("bob", "register code:\"" + code + "\"")).isEqualTo("Add the name friends will use for "
                + "you: name:\"<your full name>\".\n" + Help.usage("register"));
        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"123\"")).isEqualTo("The name needs at least "
                + "one letter.\n" + Help.usage("register"));
        assertThat(bot.stores.users().findUser(at("bob"))).isEmpty();
        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Bob\"")).as("the code was not used up")
                .startsWith("Welcome, Bob!");
    }

    @Test
    void theConsentLinkWorksOnceAndADeclinedConsentSaysSo() {
        String state = state(bot.app.registration().startConnect());
        String other = state(bot.app.registration().startConnect());

        assertThat(bot.app.registration().callback(state, null, "access_denied")).isEqualTo(new CallbackResult.Failed(
                "Spotify did not connect (you declined). You can try again at " + CONNECT));
        assertThat(bot.app.registration().callback(state, "messenger:bob", null)).isEqualTo(new CallbackResult.Failed(
                "This link has expired or was already used. Start again at " + CONNECT));
        assertThat(bot.app.registration().callback("made-up", "messenger:bob", null))
                .isInstanceOf(CallbackResult.Failed.class);
        bot.clock.advance(Duration.ofMinutes(11));
        assertThat(bot.app.registration().callback(other, "messenger:bob", null))
                .isInstanceOf(CallbackResult.Failed.class);
    }

    @Test
    void aPersonWhoseGrantEndedIsToldOnceAndWatchedAgainAfterReconnecting() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());
        bot.music.revoke(at("bob"));

        bot.advance(Duration.ofMinutes(5));
        bot.advance(Duration.ofHours(2));

        assertThat(bot.inbox("bob")).filteredOn(text -> text.startsWith("Your Spotify connection has ended"))
                .containsExactly("Your Spotify connection has ended (it was revoked or is too old), so I've paused "
                        + "watching the songs friends sent you. Reconnect here: " + CONNECT + " — then send me the "
                        + "register command shown on that page; I'll pick up where I left off.");
        assertThat(bot.user("bob").needsReconnect()).isTrue();
        assertThat(bot.stores.watches().findWatch(at("bob"))).as("paused").isEmpty();
        bot.play("bob", FakeMusic.SONG);

        String code = connect("messenger:bob");
        assertThat(bot.reply("bob", "register code:\"" + code + "\"")).isEqualTo("You're connected again, Bob "
                + "Fisher. I'm watching your songs again.");
        bot.advance(Duration.ofMinutes(1));

        assertThat(bot.last("alice")).startsWith("🎧 Bob Fisher listened to " + FakeMusic.SONG.title());
        assertThat(bot.user("bob").needsReconnect()).isFalse();
    }

    @Test
    void reconnectingCanChangeTheName() {
        bot.register("bob", "Bob Fisher");
        String code = connect("messenger:bob");

        assertThat(bot.reply("bob", "register code:\"" + code + "\" name:\"Robert Fisher\"")).isEqualTo("You're "
                + "connected again, Robert Fisher. I'm watching your songs again.");
        assertThat(bot.stores.users().findUsersByName("Bob Fisher")).isEmpty();
        assertThat(bot.stores.users().findUsersByName("robert fisher")).extracting(User::address)
                .containsExactly(at("bob"));
    }

    /** Goes through consent as the Spotify account {@code account} and returns the code the page shows. */
    private String connect(String account) {
        String state = state(bot.app.registration().startConnect());
        CallbackResult result = bot.app.registration().callback(state, account, null);
        assertThat(result).isInstanceOf(CallbackResult.Connected.class);
        return ((CallbackResult.Connected) result).registrationCode();
    }

    private static String state(URI consent) {
        return consent.getQuery().substring("state=".length());
    }
}
