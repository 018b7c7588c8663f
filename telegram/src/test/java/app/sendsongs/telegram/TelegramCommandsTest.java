package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.ParseResult;
import org.junit.jupiter.api.Test;

/** The bot's Telegram menu offers only commands the bot knows, within what {@code setMyCommands} takes. */
class TelegramCommandsTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void everyCommandOfTheMenuIsOneTheBotKnows() {
        for (BotCommand command : TelegramCommands.MENU) {
            assertThat(parser.parse(TelegramCommands.typed(command.command(), "")))
                    .as("/" + command.command()).isNotInstanceOf(ParseResult.Unknown.class);
        }
    }

    @Test
    void sendIsSendSongWithItsArguments() {
        assertThat(TelegramCommands.typed("send", "Bob https://open.spotify.com/track/x"))
                .isEqualTo("send_song Bob https://open.spotify.com/track/x");
        assertThat(TelegramCommands.typed("pending", "")).isEqualTo("pending");
    }

    @Test
    void theMenuNamesCommandsAsTheBotsTextsOnTelegramSpellThem() {
        for (BotCommand command : TelegramCommands.MENU) {
            String name = TelegramCommands.typed(command.command(), "");
            assertThat(CommandStyle.SLASHED.spell(name)).isEqualTo("/" + command.command());
        }
    }

    @Test
    void theMenuIsWithinTelegramsLimits() {
        // https://core.telegram.org/bots/api#botcommand: 1-32 of a-z 0-9 _, a description of 1-256 characters
        assertThat(TelegramCommands.MENU).hasSizeLessThanOrEqualTo(100).allSatisfy(command -> {
            assertThat(command.command()).matches("[a-z0-9_]{1,32}");
            assertThat(command.description().length()).isBetween(1, 256);
        });
    }
}
