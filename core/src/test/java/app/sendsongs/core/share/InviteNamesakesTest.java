package app.sendsongs.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who signs up under the name an invite was made for, without its link: the sender is asked at once whether
 * that is their friend, and the song goes to them only when the sender says so (anyone can take a name), once.
 */
class InviteNamesakesTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String T_ME = "https://t.me/SongsBot?start=";
    private static final Pattern TELEGRAM_REF = Pattern.compile(Pattern.quote(T_ME) + "(\\S+)");
    private static final ChatAddress ALICE = new ChatAddress(Platform.TELEGRAM, "1001");
    private static final ChatAddress DAN = BotHarness.at("dan");
    private static final ChatAddress DAN_ON_TELEGRAM = new ChatAddress(Platform.TELEGRAM, "3003");
    private static final ChatAddress CAROL = new ChatAddress(Platform.TELEGRAM, "2002");

    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private BotHarness bot;

    @BeforeEach
    void start() {
        bot = new BotHarness(new SendLimits(20, 10, 5), telegram);
        bot.chat.linksTo("https://m.me/page?ref=");
        telegram.linksTo(T_ME);
        bot.register(ALICE, "Alice Smith");
    }

    @Test
    void pendingShowsAnInviteWhoseNamesakeSignedUpSinceWithTheSameSendTap() {
        bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK);
        bot.advance(Duration.ofMinutes(10));
        signUpThroughOwnLink(DAN, "Dan Brown");
        String offered = telegram.messages(ALICE.id()).getLast().choices().getFirst().payload();

        assertThat(bot.reply(ALICE, "pending")).isEqualTo("Invites nobody has signed up through yet:\n1. " + TITLE
                + " → \"Dan Brown\": Dan Brown has signed up since; the link works for 7 more days\nCancel one "
                + "with: /cancel invite <number>");
        List<Choice> taps = telegram.messages(ALICE.id()).getLast().choices();
        assertThat(taps).extracting(Choice::title).containsExactly("Send it to them", "Cancel invite 1");
        assertThat(taps.getFirst().payload()).isEqualTo(offered);

        assertThat(tap(ALICE, offered)).startsWith("Sent " + TITLE + " to Dan Brown.");
        assertThat(bot.inbox(DAN)).anyMatch(text -> text.startsWith("🎵 Alice Smith sent you a song: " + TITLE));
    }

    @Test
    void aNamesakeSigningUpThroughTheirOwnLinkIsOfferedAndTheSongGoesOnlyWhenTheSenderTapsSendOnce() {
        String ref = ref(bot.reply(ALICE, "send_song name:\"dan  brown\" pre:\"for the drive\" " + LINK));

        signUpThroughOwnLink(DAN, "Dan Brown");

        assertThat(bot.inbox(DAN)).as("not sent by itself: anyone can take a name").noneMatch(m -> m.contains(TITLE));
        Message asked = telegram.messages(ALICE.id()).getLast();
        assertThat(asked.text()).isEqualTo("Dan Brown just signed up. Is that who you invited with \"" + TITLE
                + "\"? If so, I'll send it to them now.");
        assertThat(asked.choices()).extracting(Choice::title).containsExactly("Send it to them", "Not them");
        String send = asked.choices().getFirst().payload();
        assertThat(asked.fallbackText()).as("typed, too").contains("Send it to them — reply: " + send);

        String sent = tap(ALICE, send);
        assertThat(sent).startsWith("Sent " + TITLE + " to Dan Brown.");
        assertThat(bot.inbox(DAN)).contains("🎵 Alice Smith sent you a song: " + TITLE + "\n“for the drive”");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).as("taken").isEmpty();

        int songs = bot.inbox(DAN).size();
        assertThat(tap(ALICE, send)).as("a second tap: the same answer, no second song").isEqualTo(sent);
        assertThat(tap(ALICE, asked.choices().get(1).payload())).isEqualTo("That invite isn't open any more (used, "
                + "expired or cancelled), so nothing was sent.");
        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite was already used.");
        assertThat(bot.inbox(DAN)).hasSize(songs);
    }

    @Test
    void notThemLeavesTheInviteWaitingForItsLink() {
        String ref = ref(bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK));
        signUpThroughOwnLink(DAN, "Dan Brown");
        List<Choice> taps = telegram.messages(ALICE.id()).getLast().choices();

        assertThat(tap(ALICE, taps.get(1).payload())).isEqualTo("OK: your invite for " + TITLE + " still waits for "
                + "\"Dan Brown\" to open its link (it works for 7 more days).");

        assertThat(bot.inbox(DAN)).noneMatch(m -> m.contains(TITLE));
        open(CAROL, ref);
        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");
        assertThat(bot.inbox(CAROL)).contains("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void theLinkOpenedMeanwhileKeepsTheInviteForWhoeverOpenedItAndTheTapSendsNothing() {
        String ref = ref(bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK));
        signUpThroughOwnLink(DAN, "Dan Brown");
        String send = telegram.messages(ALICE.id()).getLast().choices().getFirst().payload();
        open(CAROL, ref);

        assertThat(tap(ALICE, send)).isEqualTo("Someone opened your invite's link meanwhile, so it waits for them "
                + "to sign up and nothing was sent. If Dan Brown is your friend too, send it to them by name: /send "
                + "name:\"Dan Brown\" " + LINK);

        assertThat(bot.inbox(DAN)).noneMatch(m -> m.contains(TITLE));
        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");
        assertThat(bot.inbox(CAROL)).contains("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void theTapWhileWhoeverOpenedTheLinkIsBeingSentTheSongSaysTheyUsedItNotThatItWaitsForThemToSignUp() {
        String ref = ref(bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK));
        signUpThroughOwnLink(DAN, "Dan Brown");
        String send = telegram.messages(ALICE.id()).getLast().choices().getFirst().payload();
        open(CAROL, ref);
        bot.register(CAROL, "Carol Jones");
        assertThat(bot.stores.invites().claimInvite(ref.substring(Invite.REF_PREFIX.length()), CAROL))
                .as("her sign-up's delivery of it, under way").isTrue();

        assertThat(tap(ALICE, send)).isEqualTo("Carol Jones already used your invite: " + TITLE + " is going to "
                + "them.");
        assertThat(bot.inbox(DAN)).noneMatch(m -> m.contains(TITLE));
    }

    @Test
    void aNamesakeRegisteringWithACodeOnTelegramIsOfferedToASenderOnMessengerAndTheSendKeepsItsChecks() {
        bot.register("alice", "Alice Jones");
        bot.reply("alice", "send_song name:\"Dan Brown\" " + LINK);
        String code = bot.registrationCode(SourceKind.SPOTIFY, "telegram:3003");

        bot.say(DAN_ON_TELEGRAM, "register code:\"" + code + "\" name:\"Dan Brown\"");

        Message asked = bot.chat.messages("alice").getLast();
        assertThat(asked.text()).startsWith("Dan Brown just signed up. Is that who you invited with \"" + TITLE);
        bot.reply(DAN_ON_TELEGRAM, "block Alice Jones");
        tap(BotHarness.at("alice"), asked.choices().getFirst().payload());
        assertThat(bot.inbox(DAN_ON_TELEGRAM)).as("a block holds, as for any send")
                .noneMatch(m -> m.contains("sent you a song: " + TITLE));
        assertThat(bot.stores.invites().openInvitesSentBy(BotHarness.at("alice"), bot.clock.instant(), 10))
                .as("nothing went: it waits for its link, nobody's, as after any send refused").singleElement()
                .satisfies(invite -> assertThat(invite.friend()).isEmpty());
    }

    @Test
    void onlyInvitesNobodyOpenedForThatNameAndNotTheNewcomersOwnAreOfferedAFewAtMost() {
        for (int i = 0; i < 7; i++) {
            ChatAddress sender = BotHarness.at("sender" + i);
            bot.register(sender, "Sender " + i);
            bot.reply(sender, "send_song name:\"Dan Brown\" " + LINK);
        }
        bot.reply(ALICE, "send_song name:\"Dan Browne\" " + LINK);
        open(CAROL, ref(bot.reply(ALICE, "send_song name:\"Dan Brown\" " + FakeMusic.OTHER_SONG.id().link())));

        signUpThroughOwnLink(DAN, "Dan Brown");

        long asked = java.util.stream.IntStream.range(0, 7)
                .filter(i -> bot.inbox(BotHarness.at("sender" + i)).stream()
                        .anyMatch(m -> m.startsWith("Dan Brown just signed up.")))
                .count();
        assertThat(asked).isEqualTo(InviteDelivery.NAMESAKE_OFFERS);
        assertThat(bot.inbox(ALICE)).noneMatch(m -> m.startsWith("Dan Brown just signed up."));
    }

    @Test
    void aSendThatCannotGoNowLeavesTheInviteWaitingAndTheTapWorksOnceItCan() {
        String ref = ref(bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK));
        signUpThroughOwnLink(DAN, "Dan Brown");
        String send = telegram.messages(ALICE.id()).getLast().choices().getFirst().payload();
        bot.handle(new Inbound.BotBlocked(bot.nextEventId(), DAN, bot.clock.instant()));

        assertThat(tap(ALICE, send)).as("nothing went: the invite is not used up").contains("Dan Brown")
                .endsWith(" Your invite still waits for its link.");
        assertThat(bot.inbox(DAN)).noneMatch(m -> m.contains(TITLE));
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).singleElement()
                .satisfies(invite -> assertThat(invite.friend()).as("not bound to Dan").isEmpty());

        bot.handle(new Inbound.BotUnblocked(bot.nextEventId(), DAN, bot.clock.instant()));
        assertThat(tap(ALICE, send)).startsWith("Sent " + TITLE + " to Dan Brown.");
        assertThat(bot.inbox(DAN)).anyMatch(m -> m.startsWith("🎵 Alice Smith sent you a song: " + TITLE));
        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite was already used.");
    }

    @Test
    void aNewcomerWhoSetsTheInvitedNameAfterSigningUpUnderAnotherIsOfferedOnceAndGetsTheSongOnlyOnTheTap() {
        bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK);
        signUpThroughOwnLink(DAN, "D");
        assertThat(bot.inbox(ALICE)).as("D is nobody she invited").noneMatch(m -> m.contains("just"));

        bot.reply(DAN, "name Dan Brown");

        Message asked = telegram.messages(ALICE.id()).getLast();
        assertThat(asked.text()).isEqualTo("Dan Brown just joined (they set their name now). Is that who you invited "
                + "with \"" + TITLE + "\"? If so, I'll send it to them now.");
        assertThat(asked.choices()).extracting(Choice::title).containsExactly("Send it to them", "Not them");
        assertThat(bot.inbox(DAN)).as("not sent by itself").noneMatch(m -> m.contains(TITLE));
        assertThat(tap(ALICE, asked.choices().get(1).payload())).startsWith("OK: your invite for " + TITLE);
        bot.reply(DAN, "name D");
        bot.reply(DAN, "name Dan Brown");
        assertThat(bot.inbox(ALICE)).as("asked once about that invite and person")
                .filteredOn(m -> m.startsWith("Dan Brown just joined")).hasSize(1);

        assertThat(tap(ALICE, asked.choices().getFirst().payload())).startsWith("Sent " + TITLE + " to Dan Brown.");
        assertThat(bot.inbox(DAN)).contains("🎵 Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void someoneWhoJoinedBeforeTheInviteAndTakesItsNameNowIsOfferedAsSomeoneWhoSetTheirName() {
        signUpThroughOwnLink(DAN, "D");
        bot.advance(Duration.ofDays(3));
        bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK);

        bot.reply(DAN, "name Dan Brown");

        Message asked = telegram.messages(ALICE.id()).getLast();
        assertThat(asked.text()).isEqualTo("Dan Brown just set their name (they joined 3 days ago). Is that who you "
                + "invited with \"" + TITLE + "\"? If so, I'll send it to them now.");
        assertThat(bot.reply(DAN, "name Dan Brown")).as("the same name again asks nobody again")
                .startsWith("Friends already find you as");
        assertThat(bot.inbox(ALICE)).filteredOn(m -> m.startsWith("Dan Brown just")).hasSize(1);
        assertThat(bot.reply(ALICE, "pending")).contains("1. " + TITLE + " → \"Dan Brown\": Dan Brown has taken that "
                + "name since; the link works for 7 more days");
        assertThat(telegram.messages(ALICE.id()).getLast().choices()).extracting(Choice::payload)
                .startsWith(asked.choices().getFirst().payload());
    }

    @Test
    void someoneWhoBlocksTheSenderAndTakesTheInvitedNameIsNeitherOfferedToThemNorListedInTheirPendingOrExpiry() {
        bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK);
        signUpThroughOwnLink(DAN, "D");
        assertThat(bot.reply(DAN, "block Alice Smith")).startsWith("Blocked");

        bot.reply(DAN, "name Dan Brown");

        assertThat(bot.inbox(ALICE)).as("a block is never told, nor who made it").noneMatch(m -> m.contains("Is that who you invited"));
        assertThat(bot.reply(ALICE, "pending")).contains("→ \"Dan Brown\": not opened yet")
                .doesNotContain("has taken that name");
        bot.advance(Invites.LIFETIME.plusMinutes(1));
        assertThat(bot.inbox(ALICE)).as("nor at its expiry").contains("Nobody used your invite for " + TITLE
                + " (to \"Dan Brown\") within 7 days, so it has expired. Once they've signed up, send it again.");
    }

    @Test
    void aTapForSomeoneWhoHasSinceChangedTheirNameSendsNothing() {
        bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK);
        signUpThroughOwnLink(DAN, "Dan Brown");
        String send = telegram.messages(ALICE.id()).getLast().choices().getFirst().payload();
        bot.reply(DAN, "name \"Daniel Brownlow\"");

        assertThat(tap(ALICE, send)).isEqualTo("I can't find who signed up as \"Dan Brown\" any more (they may have "
                + "changed their name or left), so nothing was sent. Your invite still waits for its link.");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).hasSize(1);
    }

    private void signUpThroughOwnLink(ChatAddress person, String name) {
        bot.chat.nameIs(person.id(), name);
        bot.connectThroughOwnLink(person, SourceKind.SPOTIFY, person.id());
    }

    private List<String> open(ChatAddress person, String ref) {
        return bot.handle(new Inbound.OpenedLink(bot.nextEventId(), person, bot.clock.instant(), ref));
    }

    private String tap(ChatAddress person, String payload) {
        return bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), person, bot.clock.instant(), payload, "tap"))
                .getFirst();
    }

    private static String ref(String told) {
        Matcher link = TELEGRAM_REF.matcher(told);
        assertThat(link.find()).as(told).isTrue();
        return link.group(1);
    }
}
