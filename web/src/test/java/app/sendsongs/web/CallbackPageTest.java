package app.sendsongs.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.registration.CallbackResult;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackPageTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aConnectionShowsTheCodeAndTheCommandWithTheMinutesLeft() {
        String page = CallbackPage.render(new CallbackResult.Connected("K7PQ-2MXD", NOW.plusSeconds(15 * 60)), NOW);

        assertThat(page).contains("id=\"registration-code\">K7PQ-2MXD<")
                .contains("register code:\"K7PQ-2MXD\"")
                .contains("within 15 minutes");
    }

    @Test
    void theCommandThePageShowsIsOneTheBotAccepts() {
        String page = CallbackPage.render(new CallbackResult.Connected("K7PQ-2MXD", NOW.plusSeconds(15 * 60)), NOW);
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
}
