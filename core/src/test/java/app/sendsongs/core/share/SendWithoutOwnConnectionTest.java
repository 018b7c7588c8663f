package app.sendsongs.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.user.GrantState;
import org.junit.jupiter.api.Test;

class SendWithoutOwnConnectionTest {
    private final BotHarness bot = new BotHarness();

    @Test
    void aSenderWhoseOwnConnectionEndedCanStillSendBecauseTheCatalogueUsesTheAppsCredentials() {
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.stores.users().saveUser(bot.user("alice").withGrantState(GrantState.NEEDS_RECONNECT));

        String reply = bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.SONG.id().link());

        assertThat(reply).startsWith("Sent ");
        assertThat(bot.last("bob")).contains(FakeMusic.SONG.name());
    }
}
