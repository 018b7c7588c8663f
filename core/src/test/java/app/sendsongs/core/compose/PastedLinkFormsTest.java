package app.sendsongs.core.compose;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A song link as phones paste it, mangled a little on the way: each still starts the share of that song. */
class PastedLinkFormsTest {
    /** {@link FakeMusic#SONG}'s id, a constant for the parameters below. */
    private static final String ID = "4uLU6hMCjMI75M1A2tKUQC";
    private static final String OTHER_ID = FakeMusic.OTHER_SONG.id().value();
    /** What a pasted link gets from someone who has shared with nobody yet: no taps of people to offer. */
    private static final String WHO = "Who is it for? Type their name, as they registered with me.";
    private BotHarness bot;

    @BeforeEach
    void registered() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
    }

    /**
     * Without its {@code https://} (a browser's address bar shows it so, and people type it), with the host in capitals
     * (a phone's keyboard capitalises the first letter), or on Spotify's older web player host.
     */
    @ParameterizedTest
    @ValueSource(strings = {"open.spotify.com/track/" + ID, "Open.spotify.com/track/" + ID + "?si=abc",
            "OPEN.SPOTIFY.COM/track/" + ID, "http://open.spotify.com/track/" + ID, "www.open.spotify.com/track/" + ID,
            "https://play.spotify.com/track/" + ID, "HTTPS://Open.Spotify.com/intl-de/track/" + ID})
    void aLinkWithoutItsSchemeOrWithCapitalsInItsHostIsTheSong(String pasted) {
        assertThat(bot.reply("alice", pasted)).isEqualTo(WHO);
        assertThat(bot.stores.drafts().findDraft(BotHarness.at("alice")).orElseThrow().track().value())
                .isEqualTo(ID);
    }

    @Test
    void anEmojiTypedRightAfterTheLinkIsANoteNotPartOfTheLink() {
        assertThat(bot.reply("alice", "https://open.spotify.com/track/" + ID + "🎶"))
                .isEqualTo(WHO + "\nWith it: “🎶”");
        assertThat(bot.reply("alice", "no")).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.reply("alice", "this one! https://open.spotify.com/track/" + ID + "?si=a1b2🔥🔥"))
                .isEqualTo(WHO + "\nWith it: “this one! 🔥🔥”");
    }

    @Test
    void fullWidthPunctuationBesideTheLinkOrNoSpaceBeforeItAsChineseAndJapaneseAreWrittenStillReadsTheSong() {
        assertThat(bot.reply("alice", "听这首歌 https://open.spotify.com/track/" + ID + "。"))
                .isEqualTo(WHO + "\nWith it: “听这首歌”");
        assertThat(bot.reply("alice", "no")).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.reply("alice", "この曲！ （https://open.spotify.com/track/" + ID + "）"))
                .isEqualTo(WHO + "\nWith it: “この曲！”");
        assertThat(bot.reply("alice", "no")).isEqualTo("OK, I've dropped that song.");
        assertThat(bot.reply("alice", "听这首歌https://open.spotify.com/track/" + ID)).as("no space before the link")
                .isEqualTo(WHO + "\nWith it: “听这首歌”");
    }

    @Test
    void aLinkBrokenAcrossTwoLinesIsJoinedAgain() {
        assertThat(bot.reply("alice", "listen https://open.spotify.com/track/\n" + ID + "?si=abc"))
                .isEqualTo(WHO + "\nWith it: “listen”");
    }

    @Test
    void aLinkWithoutItsSchemeTypedAtWhoIsItForIsTheNextSongNotSomeoneToInvite() {
        bot.reply("alice", "https://open.spotify.com/track/" + ID);

        assertThat(bot.reply("alice", "open.spotify.com/track/" + OTHER_ID))
                .startsWith("Who is it for?")
                .doesNotContain("I don't know anyone called");
        assertThat(bot.stores.drafts().findDraft(BotHarness.at("alice")).orElseThrow().track().value())
                .isEqualTo(OTHER_ID);
    }
    @Test
    void aSongLinkedBesideItsPlaylistOrAlbumIsSharedWithTheOtherLinkInItsNote() {
        String playlist = "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=p";

        assertThat(bot.reply("alice", "this one https://open.spotify.com/track/" + ID + "?si=t from my playlist "
                + playlist)).isEqualTo(WHO + "\nWith it: “this one from my playlist " + playlist + "”");
        bot.register("bob", "Bob Fisher");
        assertThat(bot.reply("alice", "Bob Fisher")).startsWith("Send " + FakeMusic.SONG.title() + " to Bob Fisher?");
        assertThat(bot.reply("alice", "send")).startsWith("Sent " + FakeMusic.SONG.title() + " to Bob Fisher.");
        assertThat(bot.inbox("bob")).anyMatch(text -> text.contains("this one from my playlist " + playlist));

        assertThat(bot.reply("alice", "https://open.spotify.com/track/" + ID + " https://open.spotify.com/track/"
                + OTHER_ID + " " + playlist)).as("two songs are still two")
                .isEqualTo("I found more than one link; send one song at a time.");
    }
    @Test
    void aSongLinkPageOrShazamLinkSaysWhereToFindTheSpotifyLinkAlsoAtWhoIsItFor() {
        assertThat(bot.reply("alice", "https://www.shazam.com/song/1558534271/x")).startsWith("That link is to "
                + "Shazam, and I can only send songs from Spotify.");
        bot.reply("alice", "https://open.spotify.com/track/" + ID);

        assertThat(bot.reply("alice", "https://song.link/s/" + OTHER_ID)).startsWith("That's a song.link page, which "
                + "links the song on every service. Open it, tap Spotify,").doesNotContain("A name can't hold a link");
    }
    /**
     * With a direction mark before it (copied next to Arabic or Hebrew text), as a URI whose first letter the phone
     * capitalised, or as the link to its album that Spotify makes to show one song of it ({@code ?highlight=}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u200ehttps://open.spotify.com/track/" + ID, "https://open.spotify.com/track/" + ID
            + "\u200f", "\u2067https://open.spotify.com/track/" + ID + "\u2069", "Spotify:track:" + ID,
            "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy?highlight=spotify:track:" + ID,
            "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy?si=ab&highlight=spotify%3Atrack%3A" + ID})
    void aLinkWithADirectionMarkACapitalisedUriOrAnAlbumLinkHighlightingASongIsThatSong(String pasted) {
        assertThat(bot.reply("alice", pasted)).isEqualTo(WHO);
        assertThat(bot.stores.drafts().findDraft(BotHarness.at("alice")).orElseThrow().track().value())
                .isEqualTo(ID);
    }
    @Test
    void aLinkInCurlyQuotesIsStillOneQuotedWordOfACommand() {
        bot.register("bob", "Bob Fisher");

        assertThat(bot.reply("alice", "send_song name:\"Bob Fisher\" “https://open.spotify.com/track/" + ID + "”"))
                .startsWith("Sent " + FakeMusic.SONG.title() + " to Bob Fisher.");
    }
}
