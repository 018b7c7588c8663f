package app.sendsongs.core.share;

import app.sendsongs.core.music.Track;
import java.time.Instant;
import java.util.Optional;

/**
 * One song sent to one person. {@code pre} goes with the song, {@code post} is released when the
 * receiver plays it (empty strings when not given). {@code uncertain} records that some plays in
 * the watch window could not be seen (the history page overflowed), so "not played" is not certain.
 * {@code groupSendId} is set when the song went to a group: it names the group send this share is
 * one member's part of.
 */
public record Share(String id, String senderPsid, String receiverPsid, Track track, String pre, String post,
                    Instant createdAt, Optional<Instant> deliveredAt, Optional<Instant> expiresAt,
                    ShareStatus status, Optional<Instant> playedAt, boolean uncertain, Optional<String> groupSendId) {

    /** A share sent to one friend directly, not through a group. */
    public Share(String id, String senderPsid, String receiverPsid, Track track, String pre, String post,
                 Instant createdAt, Optional<Instant> deliveredAt, Optional<Instant> expiresAt,
                 ShareStatus status, Optional<Instant> playedAt, boolean uncertain) {
        this(id, senderPsid, receiverPsid, track, pre, post, createdAt, deliveredAt, expiresAt, status, playedAt,
                uncertain, Optional.empty());
    }

    public boolean sentToGroup() {
        return groupSendId.isPresent();
    }

    public Share delivered(Instant at, Instant expiry) {
        return new Share(id, senderPsid, receiverPsid, track, pre, post, createdAt, Optional.of(at),
                Optional.of(expiry), ShareStatus.WATCHING, playedAt, uncertain, groupSendId);
    }

    public Share played(Instant at) {
        return new Share(id, senderPsid, receiverPsid, track, pre, post, createdAt, deliveredAt, expiresAt,
                ShareStatus.PLAYED, Optional.of(at), uncertain, groupSendId);
    }

    public Share withStatus(ShareStatus newStatus) {
        return new Share(id, senderPsid, receiverPsid, track, pre, post, createdAt, deliveredAt, expiresAt,
                newStatus, playedAt, uncertain, groupSendId);
    }

    public Share markedUncertain() {
        return new Share(id, senderPsid, receiverPsid, track, pre, post, createdAt, deliveredAt, expiresAt,
                status, playedAt, true, groupSendId);
    }
}
