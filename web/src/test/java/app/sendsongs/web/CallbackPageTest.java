package app.sendsongs.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.registration.CallbackResult;
import app.sendsongs.core.shared.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackPageTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aConnectionShowsTheCodeAndTheCommandWithTheMinutesLeft() {
        String page = CallbackPage.render(new CallbackResult.Connected(SourceKind.SPOTIFY, "K7PQ-2MXD", NOW.plusSeconds(15 * 60)), NOW);

        assertThat(page).contains("id=\"registration-code\">K7PQ-2MXD<")
                .contains("register code:\"K7PQ-2MXD\"")
                .contains("within 15 minutes");
    }

    @Test
    void theCommandThePageShowsIsOneTheBotAccepts() {
        String page = CallbackPage.render(new CallbackResult.Connected(SourceKind.SPOTIFY, "K7PQ-2MXD", NOW.plusSeconds(15 * 60)), NOW);
        String start = "<pre id=\"register-command\">";
        String command = page.substring(page.indexOf(start) + start.length(), page.indexOf("</pre>"));

        assertThat(new CommandParser().parse(command)).isEqualTo(new ParseResult.Parsed(
                new Command.Register("K7PQ-2MXD", Optional.of("Your Full Name"))));
    }

    @Test
    void aFailureShowsItsMessageEscaped() {
        String page = CallbackPage.render(new CallbackResult.Failed("<b>expired</b> & gone"), NOW);

        assertThat(page).contains("&lt;b&gt;expired&lt;/b&gt; &amp; gone").doesNotContain("<b>expired")
                .doesNotContain("registration-code");
    }

    @Test
    void anAddressInAFailureIsALinkAndAPersonalLinksFailureLeadsBackToTheChat() {
        String page = CallbackPage.render(new CallbackResult.Failed("Expired. Start again at https://bot.example/connect?"
                + "a=1&b=2.", java.util.Optional.of(new CallbackResult.BackToChat(Platform.TELEGRAM,
                java.util.Optional.of("https://t.me/SendSongsBot")))), NOW);

        assertThat(page).contains("Start again at <a href=\"https://bot.example/connect?a=1&amp;b=2\">"
                + "https://bot.example/connect?a=1&amp;b=2</a>.")
                .contains("<a href=\"https://t.me/SendSongsBot\">Back to Telegram</a>");
    }

    @Test
    void theCodePageNamesTheSourceThatWasConnected() {
        String page = CallbackPage.render(new CallbackResult.Connected(SourceKind.LASTFM, "K7PQ-2MXD",
                NOW.plusSeconds(15 * 60)), NOW);

        assertThat(page).contains("Last.fm is connected.");
    }

    @Test
    void aPersonRegisteredThroughTheirOwnLinkIsSentBackToTheChatWithoutACode() {
        String page = CallbackPage.render(new CallbackResult.Registered(SourceKind.SPOTIFY, "Bob <Fisher>",
                Platform.MESSENGER, false), NOW);

        assertThat(page).contains("registered and connected with Spotify")
                .contains("<strong>Bob &lt;Fisher&gt;</strong>")
                .contains("href=\"https://www.messenger.com/\">Back to Messenger</a>")
                .doesNotContain("registration-code").doesNotContain("register code:");
    }

    @Test
    void theWayBackOpensTheBotsOwnChatWhenThePlatformHasALinkToIt() {
        String page = CallbackPage.render(new CallbackResult.Registered(SourceKind.SPOTIFY, "Bob Fisher",
                Platform.TELEGRAM, false, java.util.Optional.of("https://t.me/SendSongsBot")), NOW);

        assertThat(page).contains("<a href=\"https://t.me/SendSongsBot\">Back to Telegram</a>");
    }

    @Test
    void theWayToChangeTheNameIsWrittenAsThePersonsChatWritesCommands() {
        String telegram = CallbackPage.render(new CallbackResult.Registered(SourceKind.LISTENBRAINZ, "Carol Jones",
                Platform.TELEGRAM, false), NOW);
        String messenger = CallbackPage.render(new CallbackResult.Registered(SourceKind.LISTENBRAINZ, "Carol Jones",
                Platform.MESSENGER, false), NOW);

        assertThat(telegram).contains("there with <code>/name \"Your Full Name\"</code>.");
        assertThat(messenger).contains("there with <code>name \"Your Full Name\"</code>.");
    }

    @Test
    void aFullSpotifyAppIsExplainedWithLinksToTheOtherSourcesAndNoTryAgain() {
        String page = CallbackPage.render(new CallbackResult.NotAllowed(SourceKind.SPOTIFY, "This server's Spotify "
                + "app is full.", List.of(new CallbackResult.Alternative(SourceKind.LASTFM,
                "https://songs.example/connect/lastfm?link=a.b"), new CallbackResult.Alternative(
                SourceKind.LISTENBRAINZ, "https://songs.example/connect/listenbrainz?link=a.b"))), NOW);

        assertThat(page).contains("This server&#39;s Spotify app is full.")
                .contains("<a href=\"https://songs.example/connect/lastfm?link=a.b\">Connect Last.fm</a>")
                .contains("<a href=\"https://songs.example/connect/listenbrainz?link=a.b\">Connect ListenBrainz</a>")
                .doesNotContainIgnoringCase("try again");
    }

    @Test
    void aRefusedPasteShowsTheFormAgainWithTheProblemAndTheSameState() {
        String page = CallbackPage.render(new CallbackResult.PasteAgain(SourceKind.LISTENBRAINZ, "That is not a "
                + "token.", "state.\"x"), NOW, "nonce", "https://songs.example/callback/listenbrainz");

        assertThat(page).contains("<p class=\"problem\" id=\"problem\">That is not a token.</p>")
                .contains("<form method=\"post\" action=\"https://songs.example/callback/listenbrainz\">")
                .contains("name=\"state\" value=\"state.&quot;x\"").contains("name=\"token\"");
    }
}
