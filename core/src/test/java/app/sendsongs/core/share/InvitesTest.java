package app.sendsongs.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.InMemoryInvites;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invites on a bot that speaks on Messenger and Telegram: the sender gets a link for each, a friend opening either
 * gets the song once registered, a token the bot did not make names nothing, and a sender has a few open at most.
 */
class InvitesTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String M_ME = "https://m.me/page?ref=";
    private static final String T_ME = "https://t.me/SongsBot?start=";
    private static final Pattern TELEGRAM_REF = Pattern.compile(Pattern.quote(T_ME) + "(\\S+)");
    private static final ChatAddress ALICE = new ChatAddress(Platform.TELEGRAM, "1001");
    private static final ChatAddress CAROL = new ChatAddress(Platform.TELEGRAM, "2002");

    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private BotHarness bot;

    @BeforeEach
    void start() {
        bot = new BotHarness(new SendLimits(20, 10, 2), telegram);
        bot.chat.linksTo(M_ME);
        telegram.linksTo(T_ME);
        bot.register(ALICE, "Alice Smith");
    }

    @Test
    void aNewcomerWhoOpenedAnInviteAndAsksToBeForgottenLeavesItFreeForTheNextToOpenIt() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);

        assertThat(bot.say(CAROL, "forget_me confirm")).singleElement().asString()
                .startsWith("I keep nothing about you.").doesNotContain("Waiting for you");
        assertThat(bot.stores.invites().invitesOpenedBy(CAROL)).as("their chat address is not kept in it").isEmpty();
        ChatAddress other = new ChatAddress(Platform.TELEGRAM, "2009");
        assertThat(open(other, ref)).first().asString().as("free for whoever opens it next")
                .startsWith("Alice Smith sent you a song: " + TITLE);
    }

    @Test
    void aPastedSongAskedAgainAfterAnInviteSaysTheInviteWaitsAndAsksOnlyForSomeoneRegisteredToo() {
        bot.reply(ALICE, LINK);
        assertThat(bot.reply(ALICE, "Erin Walsh")).startsWith("I don't know anyone called \"Erin Walsh\" yet.");

        assertThat(bot.reply(ALICE, "pending")).as("not as if the song went nowhere")
                .endsWith("\n\nStill open: Your invite for \"Erin Walsh\" waits for them. To send " + TITLE
                        + " to someone registered too, type their name.");
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        assertThat(bot.reply(ALICE, "Bob Fisher")).as("the share still goes to someone registered")
                .isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void theSenderGetsALinkOnEachPlatformTheirOwnFirstAndTheFriendOpeningOneGetsTheSongOnceRegistered() {
        String told = bot.reply(ALICE, "send_song name:\"Carol Jones\" pre:\"for the drive\" " + LINK);

        String ref = telegramRef(told);
        assertThat(told).isEqualTo("I don't know anyone called \"Carol Jones\" yet. Forward them the link for the app "
                + "they use:\nTelegram: " + T_ME + ref + "\nMessenger: " + M_ME + ref + "\nWhen they open it and sign "
                + "up, " + TITLE + " goes to them and I'll tell you. The link works for 7 days.");
        assertThat(ref).matches("invite-[A-Za-z0-9_-]{22}").hasSizeLessThanOrEqualTo(64);

        assertThat(open(CAROL, ref)).singleElement().asString().startsWith("Alice Smith sent you a song: " + TITLE
                + ". Sign up below and it's yours.\n\nHi! I'm Send Songs");
        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.inbox(CAROL)).contains("🎵 Alice Smith sent you a song: " + TITLE + "\n“for the drive”");
        assertThat(bot.last(ALICE)).startsWith("Carol Jones opened your invite. Sent " + TITLE + " to Carol Jones.");
        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite: " + TITLE
                + " from Alice Smith.");
    }

    @Test
    void someoneRegisteredWhoOpensAnInviteForASongTheyHaveIsNotPromisedItAgain() {
        bot.register(CAROL, "Carol King");
        assertThat(bot.reply(ALICE, "send_song name:\"Carol King\" " + LINK)).startsWith("Sent ");
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        int songs = bot.inbox(CAROL).size();

        assertThat(open(CAROL, ref)).first().asString().startsWith("You opened Alice Smith's invite for " + TITLE
                + ".\n\n");
        assertThat(bot.inbox(CAROL)).as("she has it already").hasSize(songs + 1);
        assertThat(bot.last(ALICE)).startsWith("Carol King opened your invite. You already sent " + TITLE);
    }

    @Test
    void aMistypedNameCloseToAContactsIsInvitedAsTypedOnlyWhenTheSenderTapsInvite() {
        bot.register("bob", "Bob Fisher");
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply(ALICE, "/send name:\"Bob Fsiher\" pre:\"for the drive\" " + LINK))
                .isEqualTo("I don't know anyone called \"Bob Fsiher\". Did you mean Bob Fisher?");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).isEmpty();

        String told = bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), ALICE, bot.clock.instant(), "2",
                "Invite \"Bob Fsiher\"")).getFirst();
        assertThat(told).startsWith("I don't know anyone called \"Bob Fsiher\" yet. Forward them the link for the "
                + "app they use:\nTelegram: " + T_ME + "invite-");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).singleElement()
                .satisfies(invite -> assertThat(List.of(invite.friendName(), invite.pre()))
                        .containsExactly("Bob Fsiher", "for the drive"));
    }

    @Test
    void aSenderOnAPlatformWithoutLinksStillGetsTheOtherPlatformsOne() {
        bot.chat.linksTo(null);
        bot.register("bob", "Bob Fisher");

        String told = bot.reply("bob", "send_song name:\"Carol Jones\" " + LINK);

        assertThat(told).startsWith("I don't know anyone called \"Carol Jones\" yet. Forward them this link: " + T_ME
                + "invite-");
    }

    @Test
    void aTokenTheBotDidNotMakeNamesNothingAndOpensThePlainWelcome() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol\" " + LINK));
        String token = ref.substring(Invite.REF_PREFIX.length());

        for (String forged : List.of("invite-" + "A".repeat(22), "invite-" + token.substring(1), "invite-" + token + "x",
                "invite-" + token.toLowerCase(java.util.Locale.ROOT).replace('a', 'b'), "invite-" + "x".repeat(5000),
                "invite-../" + token.substring(3), "invite-" + token.substring(0, 21) + "=")) {
            assertThat(open(CAROL, forged)).as(forged).singleElement().asString()
                    .startsWith("That invite has expired or was already used.\n\nHi! I'm Send Songs");
        }
        assertThat(open(CAROL, "invite-")).singleElement().asString().startsWith("Hi! I'm Send Songs");
        assertThat(bot.stores.invites().findInvite(token).orElseThrow().friend()).as("still free").isEmpty();
    }

    @Test
    void aReplayedOpeningIsOneAndAnInviteExpiresForTheFriendAsForTheSender() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol\" " + LINK));
        Inbound.OpenedLink opening = new Inbound.OpenedLink(bot.nextEventId(), CAROL, bot.clock.instant(), ref);

        assertThat(bot.handle(opening)).hasSize(1);
        assertThat(bot.handle(opening)).as("the same update again").isEmpty();

        bot.advance(Invites.LIFETIME.plusMinutes(1));
        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite expired 1 min ago. Ask Alice Smith "
                + "to send the song again.");
        assertThat(bot.inbox(ALICE)).anyMatch(text -> text.startsWith("Your invite for " + TITLE + " (to \"Carol\") has "
                + "expired: someone opened it"));
    }

    @Test
    void overTheCapTheSenderIsToldWhatToDoAndNothingIsKeptUntilAnInviteIsUsedOrExpires() {
        String first = telegramRef(bot.reply(ALICE, "send_song name:\"Carol\" " + LINK));
        bot.advance(Duration.ofHours(1));
        bot.reply(ALICE, "send_song name:\"Dave\" " + LINK);
        List<Invite> before = bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10);

        String refused = bot.reply(ALICE, "send_song name:\"Erin\" " + LINK);

        assertThat(refused).isEqualTo("You have 2 invites nobody has used yet, the most I keep for one person, so I "
                + "didn't make one for \"Erin\" and nothing was sent. To send it, ask them to write to me and sign up "
                + "first, then send it to them by name; or send it again once one of your invites is used or expires "
                + "(the next one expires in 7 days).");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).isEqualTo(before);

        open(CAROL, first);
        assertThat(bot.reply(ALICE, "send_song name:\"Erin\" " + LINK)).as("opened is not used yet")
                .startsWith("You have 2 invites nobody has used yet");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");
        assertThat(bot.reply(ALICE, "send_song name:\"Erin\" " + LINK)).as("used").startsWith("I don't know anyone "
                + "called \"Erin\" yet.");

        assertThat(bot.reply(ALICE, "send_song name:\"Frank\" " + LINK)).startsWith("You have 2 invites");
        bot.advance(Invites.LIFETIME.plusMinutes(1));
        assertThat(bot.reply(ALICE, "send_song name:\"Frank\" " + LINK)).as("Dave's and Erin's expired")
                .startsWith("I don't know anyone called \"Frank\" yet.");
    }

    @Test
    void overTheCapAShareFromALinkKeepsItsDraftSoTheSongCanStillGo() {
        bot.reply(ALICE, "send_song name:\"Carol\" " + LINK);
        bot.reply(ALICE, "send_song name:\"Dave\" " + LINK);
        bot.register("bob", "Bob Fisher");
        bot.reply("bob", "send_song name:\"Alice Smith\" " + FakeMusic.OTHER_SONG.id().link());

        bot.reply(ALICE, LINK);
        String refused = bot.reply(ALICE, "Erin");

        assertThat(refused).startsWith("You have 2 invites nobody has used yet").contains("If you meant someone "
                + "registered, type their full name or tap them.");
        assertThat(bot.reply(ALICE, "Bob Fisher")).startsWith("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void theOpenedInviteSaysWhichBobOpenedItToASenderWhoKnowsAnotherBobFisher() {
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        assertThat(bot.reply(ALICE, "send_song name:\"Bob Fisher\" " + LINK)).startsWith("Sent ");
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Robert Fisher\" "
                + FakeMusic.OTHER_SONG.id().link()));

        open(CAROL, ref);
        telegram.nameIs(CAROL.id(), "Bob Fisher");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.last(ALICE)).startsWith("Bob Fisher (on Telegram) opened your invite. Sent "
                + FakeMusic.OTHER_SONG.title() + " to Bob Fisher (on Telegram).");
    }

    @Test
    void pendingShowsTheInvitesAfterABlankLineBelowTheSongs() {
        bot.register(new ChatAddress(Platform.TELEGRAM, "3003"), "Bob Fisher");
        assertThat(bot.reply(ALICE, "send_song name:\"Bob Fisher\" " + LINK)).startsWith("Sent");
        bot.reply(ALICE, "send_song name:\"Carol Jones\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply(ALICE, "pending")).contains("Stop one with: /cancel <number>\n\nInvites nobody has "
                + "signed up through yet:\n1. " + FakeMusic.OTHER_SONG.title());
    }

    @Test
    void theSenderSeesAnInviteNobodyUsedInPendingAndCancelsItSoItsLinkNoLongerWorks() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        String token = ref.substring(Invite.REF_PREFIX.length());

        assertThat(bot.reply(ALICE, "pending")).isEqualTo("Invites nobody has signed up through yet:\n1. " + TITLE
                + " → \"Carol Jones\": not opened yet, the link works for 7 more days\nCancel one with: /cancel invite "
                + "<number>");
        assertThat(telegram.messages(ALICE.id()).getLast().choices()).containsExactly(new Choice("Cancel invite 1", "cancel invite " + token));

        assertThat(tap(ALICE, "cancel invite " + token, "Cancel invite 1")).isEqualTo("Cancelled your invite for "
                + TITLE + " to \"Carol Jones\": its link no longer works, and nothing was sent.");
        assertThat(open(CAROL, ref)).first().asString().startsWith("Alice Smith cancelled this invite.");
        assertThat(bot.reply(ALICE, "pending")).isEqualTo("Nothing pending: none of the songs you sent is being "
                + "watched.");
        assertThat(tap(ALICE, "cancel invite " + token, "Cancel invite 1")).as("the tap again")
                .isEqualTo("That invite isn't open any more (used, expired or cancelled), so I cancelled nothing.");

        bot.advance(Invites.LIFETIME.plusMinutes(1));
        assertThat(bot.inbox(ALICE)).noneMatch(text -> text.startsWith("Nobody used your invite"));
    }

    @Test
    void aCancelTheMomentTheFriendWhoSignedUpIsSentTheSongSaysItWasTooLateAndTheLinkSaysItWasUsed() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);
        String token = ref.substring("invite-".length());
        List<String> cancelled = new ArrayList<>();
        // the song has gone to Carol, and the invite is about to be taken: Alice taps Cancel at that very moment
        ((InMemoryInvites) bot.stores.invites()).beforeNextTake(
                () -> cancelled.add(tap(ALICE, "cancel invite " + token, "Cancel invite 1")));

        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.inbox(CAROL)).contains("🎵 Alice Smith sent you a song: " + TITLE);
        assertThat(cancelled).singleElement().asString().isEqualTo("Too late: Carol Jones just used your invite, so "
                + "I'm sending them " + TITLE + ".");
        assertThat(bot.inbox(ALICE)).as("told the song went, and nothing contrary")
                .anyMatch(m -> m.startsWith("Carol Jones opened your invite. Sent " + TITLE))
                .noneMatch(m -> m.contains("nothing was sent"));
        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite: " + TITLE);
        assertThat(tap(ALICE, "cancel invite " + token, "Cancel invite 1")).as("and once it went")
                .isEqualTo("Too late: Carol Jones used your invite and got " + TITLE + ".");
    }

    @Test
    void aCancelBeforeTheFriendWhoSignedUpIsSentTheSongCancelsItAndNothingGoes() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);
        String token = ref.substring("invite-".length());
        ((InMemoryInvites) bot.stores.invites()).beforeNextClaim(() -> assertThat(tap(ALICE, "cancel invite "
                + token, "Cancel invite 1")).startsWith("Cancelled your invite for " + TITLE));

        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.inbox(CAROL)).noneMatch(m -> m.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(bot.inbox(ALICE)).noneMatch(m -> m.startsWith("Carol Jones opened your invite."));
        assertThat(open(CAROL, ref)).first().asString().startsWith("Alice Smith cancelled this invite.");
    }

    @Test
    void anInviteExpiringTheMomentTheFriendWhoSignedUpIsSentTheSongEndsAsUsedAndItsSenderHearsNoExpiry() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);
        bot.advance(Invites.LIFETIME.minusMinutes(1));
        // the song has gone to Carol, and the invite is about to be taken: its 7 days end at that very moment
        ((InMemoryInvites) bot.stores.invites()).beforeNextTake(() -> bot.advance(Duration.ofMinutes(2)));

        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.inbox(CAROL)).contains("🎵 Alice Smith sent you a song: " + TITLE);
        assertThat(bot.inbox(ALICE)).as("told the song went, and nothing contrary")
                .anyMatch(m -> m.startsWith("Carol Jones opened your invite. Sent " + TITLE))
                .noneMatch(m -> m.contains("expired"));
        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite: " + TITLE);
        bot.advance(Invites.CLAIM_GRACE.plusMinutes(1));
        assertThat(bot.inbox(ALICE)).noneMatch(m -> m.contains("expired"));
    }

    @Test
    void anInviteExpiringTheMomentBeforeTheFriendWhoSignedUpIsSentTheSongExpiresAndNothingGoes() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);
        bot.advance(Invites.LIFETIME.minusMinutes(1));
        ((InMemoryInvites) bot.stores.invites()).beforeNextClaim(() -> bot.advance(Duration.ofMinutes(2)));

        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.inbox(CAROL)).noneMatch(m -> m.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(bot.inbox(ALICE)).noneMatch(m -> m.startsWith("Carol Jones opened your invite."))
                .contains("Your invite for " + TITLE + " (to \"Carol Jones\") has expired: someone opened it but "
                        + "didn't sign up within 7 days, so nothing was sent. Once they've signed up, send it again.");
        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite expired 1 min ago.");
    }

    @Test
    void anExpiredInviteClaimedByADeliveryThatDiedAfterTheSongWentEndsAsUsedOnceItsDeliveryHadTimeToFinish() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);
        ((InMemoryInvites) bot.stores.invites()).beforeNextTake(() -> {
            throw new IllegalStateException("the process died once the song had gone");
        });
        telegram.nameIs(CAROL.id(), "Carol Jones");
        try {
            bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");
        } catch (IllegalStateException died) {
            // the run of the sign-up ends here, its invite claimed and its song gone
        }
        assertThat(bot.inbox(CAROL)).contains("🎵 Alice Smith sent you a song: " + TITLE);

        bot.advance(Invites.LIFETIME.plusMinutes(1));
        assertThat(bot.inbox(ALICE)).noneMatch(m -> m.contains("expired"));

        bot.advance(Invites.CLAIM_GRACE);
        assertThat(bot.stores.invites().findInvite(ref.substring(Invite.REF_PREFIX.length()))).isEmpty();
        assertThat(bot.inbox(ALICE)).noneMatch(m -> m.contains("expired"));
        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite: " + TITLE);
    }

    @Test
    void anExpiredInviteClaimedByADeliveryThatDiedBeforeTheSongWentIsReleasedAndExpiresOnceItHadTimeToFinish() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        String token = ref.substring(Invite.REF_PREFIX.length());
        open(CAROL, ref);
        bot.register(CAROL, "Carol Jones");
        assertThat(bot.stores.invites().claimInvite(token, CAROL)).as("a run of her sign-up that died then").isTrue();

        bot.advance(Invites.LIFETIME.plusMinutes(1));
        assertThat(bot.inbox(ALICE)).as("left for its delivery").noneMatch(m -> m.contains("expired"));
        assertThat(bot.stores.invites().findInvite(token)).isPresent();

        bot.advance(Invites.CLAIM_GRACE);
        assertThat(bot.stores.invites().findInvite(token)).isEmpty();
        assertThat(bot.inbox(CAROL)).noneMatch(m -> m.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(bot.inbox(ALICE)).as("not that nobody signed up: she did").containsOnlyOnce("Your invite for "
                + TITLE + " (to \"Carol Jones\") has expired: whoever opened it signed up, but the song could not be "
                + "sent to them then, so nothing was sent. Send it again.");
        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite expired 1 day ago.");
    }

    @Test
    void anExpiredInviteClaimedByADeliveryThatDiedIsNotEndedAsUsedByAnOlderSendOfTheSameSongToThatFriend() {
        bot.register(CAROL, "Carol King");
        assertThat(bot.reply(ALICE, "send_song name:\"Carol King\" " + LINK)).startsWith("Sent ");
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        String token = ref.substring(Invite.REF_PREFIX.length());
        assertThat(bot.stores.invites().openInvite(token, CAROL)).isTrue();
        assertThat(bot.stores.invites().claimInvite(token, CAROL)).as("a delivery of it that died then").isTrue();

        bot.advance(Invites.LIFETIME.plus(Invites.CLAIM_GRACE).plusMinutes(1));

        assertThat(bot.stores.invites().findInvite(token)).isEmpty();
        assertThat(bot.inbox(ALICE)).as("the song she has is the older send's, not the invite's")
                .containsOnlyOnce("Your invite for " + TITLE + " (to \"Carol Jones\") has expired: whoever opened it "
                        + "signed up, but the song could not be sent to them then, so nothing was sent. Send it again.");
        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite expired 1 day ago.");
    }

    @Test
    void forgettingAFriendWhoseInviteDeliveryDiedAfterClaimingItKeepsTheirAddressInNoInvite() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        String token = ref.substring(Invite.REF_PREFIX.length());
        open(CAROL, ref);
        bot.register(CAROL, "Carol Jones");
        assertThat(bot.stores.invites().claimInvite(token, CAROL)).as("a run of her sign-up that died then").isTrue();

        bot.reply(CAROL, "forget_me");
        assertThat(bot.reply(CAROL, "forget_me confirm")).startsWith("Done: I've deleted everything");

        assertThat(bot.stores.invites().invitesOpenedBy(CAROL)).as("their chat address is not kept in it").isEmpty();
        assertThat(bot.stores.invites().findInvite(token)).get().satisfies(invite -> assertThat(invite.friend())
                .isEmpty());
        assertThat(bot.stores.invites().takeUnclaimedInvite(token)).as("no longer claimed").isTrue();
    }

    @Test
    void anInviteOpenedButNotSignedUpThroughSaysSoAndCancelAsksWhichBesideASong() {
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        bot.reply(ALICE, "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK));
        open(CAROL, ref);

        String asked = bot.reply(ALICE, "cancel");

        assertThat(asked).startsWith("You have 1 song pending and 1 invite. Say which:").contains("\n1. " + TITLE
                + " → \"Carol Jones\": opened, waiting for them to sign up; the link works for 7 more days");
        assertThat(bot.reply(ALICE, "cancel invite 1")).startsWith("Cancelled your invite for " + TITLE);
        assertThat(bot.reply(ALICE, "cancel invite 1")).as("again, after the list that showed it")
                .startsWith("Invite 1 in the list I showed you isn't open any more");
        assertThat(bot.reply(ALICE, "cancel invite 2")).isEqualTo("There is no invite 2 in your list: it has 1 to 1.");
    }

    @Test
    void cancelInviteByNumberMeansTheInviteTheListShowedAtItThoughTheFirstHasExpiredSince() {
        bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK);
        bot.advance(Duration.ofDays(1));
        bot.reply(ALICE, "send_song name:\"Dan Brown\" " + FakeMusic.OTHER_SONG.id().link());
        assertThat(bot.reply(ALICE, "pending")).contains("\n1. " + TITLE + " → \"Carol Jones\"",
                "\n2. " + FakeMusic.OTHER_SONG.title() + " → \"Dan Brown\"");

        bot.advance(Invites.LIFETIME.minusDays(1).plusMinutes(1)); // Carol's has expired, Dan's not

        assertThat(bot.reply(ALICE, "cancel invite 1")).isEqualTo("Invite 1 in the list I showed you isn't open any "
                + "more (used, expired or cancelled), so I cancelled nothing.\nSee the list as it is now: /pending");
        assertThat(bot.reply(ALICE, "pending")).as("Dan's invite, 2 in the list shown, was not cancelled")
                .contains("\n1. " + FakeMusic.OTHER_SONG.title() + " → \"Dan Brown\"");
        assertThat(bot.reply(ALICE, "cancel invite 1")).as("the list as shown now")
                .startsWith("Cancelled your invite for " + FakeMusic.OTHER_SONG.title() + " to \"Dan Brown\"");
    }

    @Test
    void undoRightAfterAnInviteOffersToCancelThatInviteNotAnOlderSong() {
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        bot.reply(ALICE, "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.advance(Duration.ofMinutes(2));
        String token = telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK))
                .substring(Invite.REF_PREFIX.length());

        assertThat(bot.reply(ALICE, "unsend")).isEqualTo("Your invite for " + TITLE + " to \"Carol Jones\" hasn't "
                + "been used yet. Cancel it, so its link stops working and nothing is sent?");
        assertThat(telegram.messages(ALICE.id()).getLast().choices())
                .contains(new Choice("Cancel it", "cancel invite " + token));
    }

    @Test
    void anExpiredInviteSaysWhetherItWasOpenedAndWhetherSomeoneSignedUpUnderItsNameWithoutTheLink() {
        open(CAROL, telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK)));
        String other = FakeMusic.OTHER_SONG.id().link();
        bot.reply(ALICE, "send_song name:\"dan brown\" " + other);
        bot.register(BotHarness.at("dan"), "Dan Brown"); // wrote to the bot and signed up, without the link

        bot.advance(Invites.LIFETIME.plusMinutes(1));

        assertThat(bot.inbox(ALICE)).contains("Your invite for " + TITLE + " (to \"Carol Jones\") has expired: "
                        + "someone opened it but didn't sign up within 7 days, so nothing was sent. Once they've signed "
                        + "up, send it again.",
                "Nobody used your invite for " + FakeMusic.OTHER_SONG.title() + " (to \"dan brown\") within 7 days, "
                        + "so it has expired. Someone has signed up as Dan Brown since, without the link: if that's "
                        + "them, send it to them by name: /send name:\"Dan Brown\" " + other);
    }

    @Test
    void aFriendWhoOpenedAnInviteAndComesBackLaterIsRemindedOfTheSongWaitingUntilItExpires() {
        open(CAROL, telegramRef(bot.reply(ALICE, "send_song name:\"Carol Jones\" " + LINK)));
        bot.advance(Duration.ofDays(1).plusMinutes(1)); // the personal link of the welcome has expired

        assertThat(bot.reply(CAROL, "hi")).startsWith("Waiting for you once you sign up: " + TITLE + " from Alice "
                + "Smith.\n\nHi! I'm Send Songs");

        bot.advance(Invites.LIFETIME);
        assertThat(bot.reply(CAROL, "hi")).as("expired").startsWith("Hi! I'm Send Songs");
    }

    @Test
    void anInviteOpenedOnOneAppTellsWhoeverOpensItOnTheOtherWhereItWaitsAndWhatElseToDo() {
        String ref = telegramRef(bot.reply(ALICE, "send_song name:\"Dan Brown\" " + LINK));
        open(BotHarness.at("dan"), ref); // on Messenger first

        assertThat(open(CAROL, ref)).first().asString().startsWith("Someone else has already opened that invite. If "
                + "it was you, on Messenger, sign up there: the song goes to that chat. If not, ask whoever sent you "
                + "the link to send you the song by name once you've signed up.\n\nHi! I'm Send Songs");
        bot.register(BotHarness.at("erin"), "Erin Hale");
        assertThat(open(BotHarness.at("erin"), ref)).first().asString().startsWith("Someone else has already opened "
                + "that invite. Ask whoever sent you the link to send you the song by name.\n\nHi Erin");
    }

    @Test
    void theInviteForAFirstNameEndsWhenTheSongGoesToThePersonOfThatFullNameRightAfterAsACancelWould() {
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        bot.reply(ALICE, "send_song name:\"Erin\" " + LINK); // another name's invite of the song stays
        bot.reply(ALICE, LINK);
        String ref = telegramRef(bot.reply(ALICE, "Bob"));
        assertThat(bot.reply(ALICE, "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");

        assertThat(bot.reply(ALICE, "ok")).isEqualTo("Sent " + TITLE + " to Bob Fisher. I'll tell you when they play "
                + "it (I'll watch for 7 days).\nI dropped your invite of it for \"Bob\": its link no longer works.");

        assertThat(bot.last("bob")).startsWith("🎵 Alice Smith sent you a song");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10))
                .extracting(Invite::friendName).containsExactly("Erin");
        assertThat(open(CAROL, ref)).first().asString().as("its link, as after a cancel").startsWith("Alice Smith "
                + "cancelled this invite.");
        bot.advance(Duration.ofDays(8));
        assertThat(bot.inbox(ALICE)).filteredOn(text -> text.startsWith("Nobody used your invite"))
                .as("only the invite still open expires").singleElement().asString().contains("\"Erin\"");
    }

    @Test
    void anInviteSomeoneOpenedStaysWhenTheSongGoesToThePersonOfItsFullName() {
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        bot.reply(ALICE, LINK);
        open(CAROL, telegramRef(bot.reply(ALICE, "Bob"))); // maybe someone else: they sign up for it
        bot.reply(ALICE, "Bob Fisher");

        assertThat(bot.reply(ALICE, "ok")).startsWith("Sent " + TITLE + " to Bob Fisher.").doesNotContain("invite");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).hasSize(1);
    }

    @Test
    void anInviteOfAnotherSongOrMadeHoursBeforeStaysWhenTheSongGoesToThePersonOfItsFullName() {
        bot.register(BotHarness.at("bob"), "Bob Fisher");
        bot.reply(ALICE, "send_song name:\"Bob\" " + LINK);
        bot.advance(Duration.ofHours(2));
        bot.reply(ALICE, "send_song name:\"Bob\" " + FakeMusic.OTHER_SONG.id().link());

        assertThat(bot.reply(ALICE, "send_song name:\"Bob Fisher\" " + LINK)).startsWith("Sent " + TITLE
                + " to Bob Fisher.").doesNotContain("invite");
        assertThat(bot.stores.invites().openInvitesSentBy(ALICE, bot.clock.instant(), 10)).hasSize(2);
    }

    private List<String> open(ChatAddress person, String ref) {
        return bot.handle(new Inbound.OpenedLink(bot.nextEventId(), person, bot.clock.instant(), ref));
    }

    private String tap(ChatAddress person, String payload, String title) {
        return bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), person, bot.clock.instant(), payload, title))
                .getFirst();
    }

    private static String telegramRef(String told) {
        Matcher link = TELEGRAM_REF.matcher(told);
        assertThat(link.find()).as(told).isTrue();
        return link.group(1);
    }
}
