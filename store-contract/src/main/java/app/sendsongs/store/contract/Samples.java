package app.sendsongs.store.contract;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
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

    private Samples() {
    }

    /** {@link #T0} moved by whole minutes (negative for earlier). */
    public static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static SpotifyConnection connection(String owner) {
        return new SpotifyConnection("spotify-" + owner, "access-" + owner, T0.plusSeconds(3600), "refresh-" + owner);
    }

    public static User user(String psid, String name, Instant registeredAt) {
        return new User(psid, name, connection(psid), GrantState.ACTIVE, registeredAt,
                registeredAt.plusMillis(1_234));
    }

    /** A share just accepted: status HELD, nothing delivered, played or uncertain. */
    public static Share heldShare(String id, String sender, String receiver, Instant createdAt) {
        return new Share(id, sender, receiver, TRACK, "you'll love the bridge", "told you!", createdAt,
                Optional.empty(), Optional.empty(), ShareStatus.HELD, Optional.empty(), false, Optional.empty());
    }

    /** A member's share of a group send, just accepted (HELD). */
    public static Share groupShare(String id, String groupSendId, String sender, String receiver, Instant createdAt) {
        return new Share(id, sender, receiver, TRACK, "for the road", "told you all!", createdAt, Optional.empty(),
                Optional.empty(), ShareStatus.HELD, Optional.empty(), false, Optional.of(groupSendId));
    }

    public static Group group(String id, String owner, String name, Instant createdAt) {
        return new Group(id, owner, name, createdAt);
    }

    /** A song sent to a group, not yet summarized. */
    public static GroupSend groupSend(String id, String groupId, String sender, Instant sentAt) {
        return new GroupSend(id, groupId, "Family “Fisher” 🎶", sender, sentAt, Optional.empty());
    }

    /** A share delivered at {@code deliveredAt}: status WATCHING, expiring seven days later. */
    public static Share watchingShare(String id, String sender, String receiver, Instant createdAt,
                                      Instant deliveredAt) {
        return heldShare(id, sender, receiver, createdAt).delivered(deliveredAt, deliveredAt.plus(Duration.ofDays(7)));
    }

    /** A share in any status (delivered at creation for every status but HELD). */
    public static Share share(String id, String sender, String receiver, Instant createdAt, ShareStatus status) {
        Share share = status == ShareStatus.HELD ? heldShare(id, sender, receiver, createdAt)
                : watchingShare(id, sender, receiver, createdAt, createdAt);
        return share.withStatus(status);
    }

    public static HeldMessage held(String id, String psid, Instant heldAt) {
        return new HeldMessage(id, psid, "text of " + id, heldAt, Optional.empty(), Optional.empty());
    }

    public static HeldMessage heldForRetry(String id, String psid, Instant heldAt, Instant retryAt) {
        return new HeldMessage(id, psid, "text of " + id, heldAt, Optional.of(retryAt), Optional.empty());
    }
}
