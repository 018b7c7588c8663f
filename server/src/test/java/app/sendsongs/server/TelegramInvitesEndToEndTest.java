package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Invites on Telegram over real HTTP: the production server in demo wiring, on Messenger and Telegram at once; people
 * open the bot's {@code t.me} start links through the emulator, which sends the bot {@code /start <payload>} as
 * Telegram does. Tokens that are forged, cut, too long, replayed, used or expired bring nothing.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class TelegramInvitesEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final String SECRET = "sandbox-telegram-webhook-secret";
    private static final long ALICE = 385_741_296L;
    private static final long CAROL = 602_334_455L;
    private static final long MALLORY = 713_445_566L;
    private static final String T_ME = "https://t.me/SendSongsSandboxBot?start=";
    private static final Pattern START_LINK = Pattern.compile("Telegram: (" + Pattern.quote(T_ME)
            + "(invite-[A-Za-z0-9_-]+))");
    private static final Pattern PERSONAL_LINK = Pattern.compile("https?://\\S+/connect/\\w+\\?link=[A-Za-z0-9_.-]+");

    private Demo demo;
    private SandboxClient sandbox;
    private TelegramPeople telegram;
    private String track;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "TICK_SECONDS", "3600", "SEND_LIMIT_OPEN_INVITES", "2"));
        sandbox = new SandboxClient(demo.baseUrl());
        telegram = new TelegramPeople(sandbox);
        track = sandbox.trackIds().getFirst();
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aFriendOpeningTheStartLinkSignsUpInOneTapAndGetsTheSong() {
        String told = invite("Carol Jones", "pre:\"for the drive\" ");

        Matcher link = startLink(told);
        assertThat(told).startsWith("I don't know anyone called \"Carol Jones\" yet. Forward them the link for the "
                + "app they use:\nTelegram: " + link.group(1) + "\nMessenger: https://m.me/sandbox-page?ref="
                + link.group(2) + "\nWhen they open it and sign up, ");
        assertThat(link.group(2)).hasSize("invite-".length() + 22);

        List<String> opened = telegram.open(CAROL, "Carol", link.group(1));
        assertThat(opened).singleElement().asString().startsWith("Alice Archer sent you a song: ")
                .contains(". Sign up below and it's yours.\n\nHi! I'm Send Songs");
        List<String> connect = telegram.tap(CAROL, telegram.messages(CAROL).getLast(), "Spotify");
        Matcher personal = PERSONAL_LINK.matcher(connect.getLast());
        assertThat(personal.find()).as(connect.toString()).isTrue();
        assertThat(sandbox.consentThrough(personal.group(), "spotify", "carol-sp").status()).isEqualTo(200);

        assertThat(telegram.awaitMessage(CAROL, text -> text.startsWith("🎵 Alice Archer sent you a song: "))
                .getLast()).contains("“for the drive”");
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Carol opened your invite. Sent "))).isNotEmpty();
        assertThat(telegram.open(CAROL, "Carol", link.group(1))).as("used").singleElement().asString()
                .startsWith("You already used this invite: ").contains(" from Alice Archer.\n\nHi Carol!");
        assertThat(telegram.open(MALLORY, "Mallory", link.group(1))).as("used by someone else").singleElement()
                .asString().startsWith("This invite was already used.\n\nHi! I'm Send Songs");
    }

    @Test
    void aFriendWhoSignsUpUnderTheInvitedNameWithoutTheLinkIsOfferedAndGetsTheSongOnceTheSenderTapsSend() {
        invite("Carol Chen", "pre:\"for the drive\" ");

        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");

        telegram.awaitMessage(ALICE, text -> text.startsWith("Carol Chen just signed up."));
        JsonNode asked = telegram.messages(ALICE).getLast();
        assertThat(asked.path("text").asText()).startsWith("Carol Chen just signed up. Is that who you invited with \"")
                .endsWith("\"? If so, I'll send it to them now.");
        assertThat(TelegramPeople.buttons(asked)).containsExactly("Send it to them", "Not them");
        assertThat(telegram.texts(CAROL)).noneMatch(text -> text.startsWith("🎵 Alice Archer sent you a song"));

        String send = TelegramPeople.button(asked, "Send it to them").path("callback_data").asText();
        String sent = telegram.tap(ALICE, asked, "Send it to them").getLast();
        assertThat(sent).startsWith("Sent ");
        assertThat(telegram.awaitMessage(CAROL, text -> text.startsWith("🎵 Alice Archer sent you a song: "))
                .getLast()).contains("“for the drive”");
        assertThat(telegram.ask(ALICE, send).getLast()).as("typed after, as a platform without buttons shows it: the "
                + "same answer").isEqualTo(sent);
        assertThat(telegram.texts(CAROL).stream().filter(text -> text.startsWith("🎵 Alice Archer sent you a song")))
                .as("once").hasSize(1);
    }

    @Test
    void aMessengerSendersFriendOnTelegramOpensTheStartLinkAndGetsTheSongThere() {
        sandbox.register("mo", "mo-sp", "Mo Salah");
        String told = sandbox.ask("mo", "send_song name:\"Carol\" " + LINK + track).getLast();
        assertThat(told).contains("\nMessenger: https://m.me/sandbox-page?ref=invite-").contains("\nTelegram: " + T_ME);
        assertThat(told.indexOf("Messenger:")).as("the sender's own app first").isLessThan(told.indexOf("Telegram:"));

        telegram.open(CAROL, "Carol", startLink(told).group(1));
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");

        assertThat(telegram.awaitMessage(CAROL, text -> text.startsWith("🎵 Mo Salah sent you a song: "))).isNotEmpty();
        assertThat(sandbox.awaitMessage("mo", text -> text.startsWith("Carol Chen opened your invite."))).isNotEmpty();
    }

    @Test
    void forgedCutOversizedOrSomeoneElsesTokensGetAClearReplyAndThePlainWelcome() {
        Matcher link = startLink(invite("Carol", ""));
        String token = link.group(2).substring("invite-".length());

        assertThat(telegram.open(MALLORY, "Mallory", T_ME + "invite-" + "A".repeat(22))).singleElement().asString()
                .startsWith("That invite has expired or was already used.\n\nHi! I'm Send Songs");
        assertThat(telegram.ask(MALLORY, "/start invite-" + token.substring(1))).singleElement().asString()
                .startsWith("That invite has expired or was already used.\n\nHi! I'm Send Songs");
        assertThat(telegram.ask(MALLORY, "/start invite-" + token + "x".repeat(30))).singleElement().asString()
                .as("within Telegram's 64 characters, not an invite's shape")
                .startsWith("That invite has expired or was already used.");
        assertThat(telegram.ask(MALLORY, "/start invite-" + "x".repeat(200))).singleElement().asString()
                .as("longer than Telegram passes on: a plain /start").startsWith("Hi! I'm Send Songs");
        JsonNode tooLong = telegram.control().telegramOpens(MALLORY, "Mallory", T_ME + "invite-" + "x".repeat(60), 400);
        assertThat(tooLong.toString()).contains("START_PARAM_TOO_LONG");

        assertThat(telegram.open(CAROL, "Carol", link.group(1)).getFirst()).startsWith("Alice Archer sent you a song");
        assertThat(telegram.open(MALLORY, "Mallory", link.group(1))).singleElement().asString()
                .startsWith("Someone else has already opened that invite.");
        assertThat(telegram.open(ALICE, "Alice", link.group(1))).singleElement().asString()
                .startsWith("That's your own invite: forward the link to your friend.\n\nHi Alice!");
    }

    @Test
    void aReplayedStartIsHandledOnceAndAnExpiredInviteIsToldAsSuch() {
        String ref = startLink(invite("Carol", "")).group(2);
        String update = "{\"update_id\":999000101,\"message\":{\"message_id\":911,\"from\":{\"id\":" + CAROL
                + ",\"first_name\":\"Carol\"},\"chat\":{\"id\":" + CAROL + ",\"type\":\"private\"},\"date\":"
                + sandbox.now().getEpochSecond() + ",\"text\":\"/start " + ref + "\",\"entities\":[{\"type\":"
                + "\"bot_command\",\"offset\":0,\"length\":6}]}}";
        telegram.ask(CAROL, "hello"); // Carol's chat with the bot is open, so its answers can reach her
        int before = telegram.texts(CAROL).size();

        assertThat(telegram.postUpdate(update, SECRET).statusCode()).isEqualTo(200);
        telegram.await(CAROL, chat -> chat.size() > before);
        assertThat(telegram.postUpdate(update, SECRET).statusCode()).isEqualTo(200);
        telegram.ask(CAROL, "/help");
        assertThat(telegram.texts(CAROL).subList(before, telegram.texts(CAROL).size())).hasSize(2)
                .first().asString().startsWith("Alice Archer sent you a song");

        sandbox.advanceMinutes(7 * 24 * 60 + 1);
        assertThat(telegram.open(CAROL, "Carol", T_ME + ref)).singleElement().asString()
                .startsWith("This invite expired ").contains(" ago. Ask Alice Archer to send the song again.");
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Your invite for ")
                && text.contains(" has expired: someone opened it but didn't sign up"))).isNotEmpty();
    }

    @Test
    void overTheCapOfOpenInvitesTheSenderIsToldWhatToDoAndNoLinkIsMade() {
        invite("Carol", "");
        invite("Dave", "");

        String refused = invite("Erin", "");

        assertThat(refused).startsWith("You have 2 invites nobody has used yet, the most I keep for one person, so I "
                + "didn't make one for \"Erin\" and nothing was sent. To send it, ask them to write to me and sign up "
                + "first, then send it to them by name; or send it again once one of your invites is used or expires "
                + "(the next one expires in 7 days).").doesNotContain("t.me").doesNotContain("m.me");
        telegram.register(MALLORY, "Erin", "erin-sp", "Erin Evans");
        assertThat(telegram.ask(ALICE, "/send name:\"Erin Evans\" " + LINK + track)).singleElement().asString()
                .as("as the reply said: once they signed up").startsWith("Sent ");
    }

    private String invite(String name, String notes) {
        return telegram.ask(ALICE, "/send name:\"" + name + "\" " + notes + LINK + track).getLast();
    }

    private static Matcher startLink(String told) {
        Matcher link = START_LINK.matcher(told);
        assertThat(link.find()).as(told).isTrue();
        return link;
    }
}
