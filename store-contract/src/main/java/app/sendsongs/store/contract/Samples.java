package app.sendsongs.store.contract;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.compose.Recipient;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Test data for the contract: fixed times (whole milliseconds, never the wall clock) and records
 * with every field filled in, so a field an adapter drops or mangles shows up as a difference.
 */
public final class Samples {
    /** The suite's "now". */
    public static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");

    public static final Track TRACK = new Track(new TrackId("4uLU6hMCjMI75M1A2tKUQC"), "Never Gonna Give You Up",
            List.of("Rick Astley"), Duration.ofMillis(213_573), Optional.empty(), Optional.empty());

    /** A track with every optional part present, several artists and non-ASCII text. */
    public static final Track FULL_TRACK = new Track(new TrackId("7GhIk7Il098yCjg4BQjzvb"), "Déjà vu — “live”",
            List.of("Beyoncé", "Jay-Z", ""), Duration.ofMillis(240_001), Optional.of("USSM10603618"),
            Optional.of(new TrackId("0a1B2c3D4e5F6g7H8i9J0k")));

    /** A message with every part: text, choices, and a card with an image and both kinds of button. */
    public static final Message RICH_MESSAGE = Message.text("🎵 Bob sent you a song\n\"quoted\" ‘note’")
            .withCard(new SongCard("Déjà vu — “live”", "Beyoncé, Jay-Z", Optional.of(URI.create(
                    "https://i.scdn.co/image/ab67616d0000b273")), URI.create(
                    "https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb"), List.of(
                    new Button.Link("Open in Spotify", URI.create(
                            "https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb")),
                    new Button.Reply("Don't tell Bob", "receipts off \"Bob Fisher\""))))
            .withChoices(List.of(Choice.of("history"), new Choice("Émile Zoë 🎧", "1")));

    private Samples() {
    }

    /** {@link #T0} moved by whole minutes (negative for earlier). */
    public static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static SpotifyConnection connection(String owner) {
        return new SpotifyConnection("spotify-" + owner, "access-" + owner, T0.plusSeconds(3600), "refresh-" + owner,
                T0.minusSeconds(86_400));
    }

    /** A Last.fm session, with a user name of non-ASCII letters. */
    public static LastfmConnection lastfm(String owner) {
        return new LastfmConnection("Zoë_" + owner, "d580d57f32848f5dcf574d1ce18d78b2-" + owner);
    }

    public static ListenBrainzConnection listenBrainz(String owner) {
        return new ListenBrainzConnection("rob " + owner, "6f1d3c6e-8f8b-4a0c-9a55-0c5e1e4b9d21-" + owner);
    }

    /** The Messenger address with this id: the people of the suite are on Messenger unless a test says otherwise. */
    public static ChatAddress at(String id) {
        return ChatAddress.messenger(id);
    }

    /** The Telegram address with this id. */
    public static ChatAddress onTelegram(String id) {
        return new ChatAddress(Platform.TELEGRAM, id);
    }

    public static User user(String id, String name, Instant registeredAt) {
        return user(at(id), name, registeredAt);
    }

    public static User user(ChatAddress address, String name, Instant registeredAt) {
        return new User(address, name, connection(address.key()), GrantState.ACTIVE, registeredAt,
                registeredAt.plusMillis(1_234));
    }

    /** A share just accepted: status HELD, nothing delivered, played or uncertain. */
    public static Share heldShare(String id, String sender, String receiver, Instant createdAt) {
        return heldShare(id, at(sender), at(receiver), createdAt);
    }

    public static Share heldShare(String id, ChatAddress sender, ChatAddress receiver, Instant createdAt) {
        return Share.direct(id, sender, receiver, TRACK, "you'll love the bridge", "told you!", createdAt);
    }

    /** A member's share of a group send, just accepted (HELD). */
    public static Share groupShare(String id, String groupSendId, String sender, String receiver, Instant createdAt) {
        return Share.forGroupMember(id, groupSendId, at(sender), at(receiver), TRACK, "for the road", "told you all!",
                createdAt);
    }

    public static Group group(String id, String owner, String name, Instant createdAt) {
        return new Group(id, at(owner), name, createdAt);
    }

    /** A song sent to a group, not yet summarized. */
    public static GroupSend groupSend(String id, String groupId, String sender, Instant sentAt) {
        return GroupSend.of(id, groupId, "Family “Fisher” 🎶", at(sender), sentAt);
    }

    /** A share delivered at {@code deliveredAt}: status WATCHING, expiring seven days later. */
    public static Share watchingShare(String id, String sender, String receiver, Instant createdAt,
                                      Instant deliveredAt) {
        return heldShare(id, sender, receiver, createdAt).delivered(deliveredAt, deliveredAt.plus(Duration.ofDays(7)));
    }

    /**
     * A share in any status: delivered at creation for every status but HELD, played a minute after
     * creation when PLAYED.
     */
    public static Share share(String id, String sender, String receiver, Instant createdAt, ShareStatus status) {
        if (status == ShareStatus.HELD) {
            return heldShare(id, sender, receiver, createdAt);
        }
        Share watching = watchingShare(id, sender, receiver, createdAt, createdAt);
        return switch (status) {
            case HELD, WATCHING -> watching;
            case PLAYED -> watching.played(createdAt.plus(Duration.ofMinutes(1)));
            case EXPIRED -> watching.expired();
            case CANCELLED -> watching.cancelled();
            case LEFT_GROUP -> watching.leftGroup();
            case UNDELIVERED -> heldShare(id, sender, receiver, createdAt).undelivered();
        };
    }

    /**
     * An unfinished share with every field filled in: notes with line breaks and non-ASCII text, a chosen friend, and
     * people and a group offered, in that order.
     */
    public static ShareDraft draft(ChatAddress person, Instant expiresAt) {
        return new ShareDraft(person, FULL_TRACK.id(), FULL_TRACK.title(), "for the road\n“Émile” 🎶",
                "told you — again", ShareDraft.Stage.AFTER_NOTE, Optional.of(new Recipient.Person(onTelegram("bob"))),
                List.of(new Recipient.Person(at("carol")), new Recipient.Group("group-1"),
                        new Recipient.Person(onTelegram("bob"))), expiresAt);
    }

    /** A message waiting for its person (no retry time), expiring 14 days after it was held. */
    public static HeldMessage held(String id, String person, Instant heldAt) {
        return new HeldMessage(id, at(person), Message.text("text of " + id), heldAt, Optional.empty(),
                Optional.empty(), 0, 0, heldAt.plus(Duration.ofDays(14)), List.of());
    }

    public static HeldMessage heldForRetry(String id, String person, Instant heldAt, Instant retryAt) {
        return held(id, person, heldAt).retryingAt(Optional.of(retryAt));
    }

    /** A message about other people: it carries their names. */
    public static HeldMessage heldAbout(String id, String person, Instant heldAt, String... about) {
        HeldMessage held = held(id, person, heldAt);
        return new HeldMessage(id, held.to(), held.message(), heldAt, Optional.empty(), Optional.empty(), 0, 0,
                held.expiresAt(), List.of(about).stream().map(Samples::at).toList());
    }
}
