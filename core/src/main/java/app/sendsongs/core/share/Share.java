package app.sendsongs.core.share;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One song sent to one person. {@code pre} goes with the song, {@code post} is released when the
 * receiver plays it (empty strings when not given). {@code uncertain} records that some plays in
 * the watch window could not be seen (the history page overflowed), so "not played" is not certain.
 * {@code groupSendId} is set when the song went to a group: it names the group send this share is
 * one member's part of. {@code receiptsOff} records that the receiver does not share receipts with the sender: the
 * sender is never told whether it was played or not (the {@code post} note is still released when it is).
 *
 * <p>A new share is made by {@link #direct} or {@link #forGroupMember} and changes only by its named
 * steps ({@link #delivered}, {@link #played}, ...); a store rebuilds a stored one with {@link #stored}.
 * Every share is consistent with its status: delivered and expiry times from {@code WATCHING} on, a
 * play time exactly when {@code PLAYED}, neither while {@code HELD}.
 */
public final class Share {
    private final String id;
    private final ChatAddress sender;
    private final ChatAddress receiver;
    private final Track track;
    private final String pre;
    private final String post;
    private final Instant createdAt;
    private final String groupSendId;
    private final ShareStatus status;
    private final Instant deliveredAt;
    private final Instant expiresAt;
    private final Instant playedAt;
    private final boolean uncertain;
    private final boolean receiptsOff;

    private Share(Stored stored) {
        this.id = Objects.requireNonNull(stored.id, "id");
        this.sender = Objects.requireNonNull(stored.sender, "sender");
        this.receiver = Objects.requireNonNull(stored.receiver, "receiver");
        this.track = Objects.requireNonNull(stored.track, "track");
        this.pre = Objects.requireNonNull(stored.pre, "pre");
        this.post = Objects.requireNonNull(stored.post, "post");
        this.createdAt = Objects.requireNonNull(stored.createdAt, "createdAt");
        this.groupSendId = stored.groupSendId;
        this.status = Objects.requireNonNull(stored.status, "status");
        this.deliveredAt = stored.deliveredAt;
        this.expiresAt = stored.expiresAt;
        this.playedAt = stored.playedAt;
        this.uncertain = stored.uncertain;
        this.receiptsOff = stored.receiptsOff;
        checkConsistent();
    }

    /** A song just sent to one friend: held until it reaches them. */
    public static Share direct(String id, ChatAddress sender, ChatAddress receiver, Track track, String pre,
                               String post, Instant createdAt) {
        return stored(id, sender, receiver, track, createdAt, ShareStatus.HELD).notes(pre, post).build();
    }

    /** One member's part of a song just sent to a group ({@code groupSendId}): held until it reaches them. */
    public static Share forGroupMember(String id, String groupSendId, ChatAddress sender, ChatAddress receiver,
                                       Track track, String pre, String post, Instant createdAt) {
        return stored(id, sender, receiver, track, createdAt, ShareStatus.HELD).notes(pre, post)
                .groupSend(groupSendId).build();
    }

    /**
     * Rebuilds a share as a store kept it: the fields every share has, then whichever others it has.
     * {@link Stored#build()} refuses a combination no share can have (a store mapped a field wrongly).
     */
    public static Stored stored(String id, ChatAddress sender, ChatAddress receiver, Track track, Instant createdAt,
                                ShareStatus status) {
        return new Stored(id, sender, receiver, track, createdAt, status);
    }

    /** It reached the receiver at {@code at}: watched until {@code expiry}. */
    public Share delivered(Instant at, Instant expiry) {
        return copy().status(ShareStatus.WATCHING).delivered(at, expiry).build();
    }

    public Share played(Instant at) {
        return copy().status(ShareStatus.PLAYED).playedAt(at).build();
    }

    /** Not played within the watch period. */
    public Share expired() {
        return copy().status(ShareStatus.EXPIRED).build();
    }

    /** The sender stopped watching it. */
    public Share cancelled() {
        return copy().status(ShareStatus.CANCELLED).build();
    }

    /** The sender undid their cancel of a delivered song: watched again, until its watch period ends as before. */
    public Share watchedAgain() {
        return copy().status(ShareStatus.WATCHING).build();
    }

    /** It could never be delivered (see {@link ShareStatus#UNDELIVERED}). */
    public Share undelivered() {
        return copy().status(ShareStatus.UNDELIVERED).build();
    }

    /** Its receiver stopped being in the group it was sent to. */
    public Share leftGroup() {
        return copy().status(ShareStatus.LEFT_GROUP).build();
    }

    /** The receiver does not share receipts with the sender: the sender is never told how it went. */
    public Share withReceiptsOff() {
        return copy().receiptsOff(true).build();
    }

    /** Some plays in the watch window could not be seen. */
    public Share markedUncertain() {
        return copy().uncertain(true).build();
    }

    public String id() {
        return id;
    }

    public ChatAddress sender() {
        return sender;
    }

    public ChatAddress receiver() {
        return receiver;
    }

    public Track track() {
        return track;
    }

    public String pre() {
        return pre;
    }

    public String post() {
        return post;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<String> groupSendId() {
        return Optional.ofNullable(groupSendId);
    }

    public boolean sentToGroup() {
        return groupSendId != null;
    }

    public ShareStatus status() {
        return status;
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> playedAt() {
        return Optional.ofNullable(playedAt);
    }

    public boolean uncertain() {
        return uncertain;
    }

    public boolean receiptsOff() {
        return receiptsOff;
    }

    private Stored copy() {
        Stored copy = stored(id, sender, receiver, track, createdAt, status).notes(pre, post).uncertain(uncertain)
                .receiptsOff(receiptsOff);
        if (groupSendId != null) {
            copy.groupSend(groupSendId);
        }
        if (deliveredAt != null) {
            copy.delivered(deliveredAt, expiresAt);
        }
        if (playedAt != null) {
            copy.playedAt(playedAt);
        }
        return copy;
    }

    private void checkConsistent() {
        if ((deliveredAt == null) != (expiresAt == null)) {
            throw new IllegalStateException("a share has both a delivery and an expiry time, or neither");
        }
        boolean mustBeDelivered = status == ShareStatus.WATCHING || status == ShareStatus.PLAYED
                || status == ShareStatus.EXPIRED;
        if (mustBeDelivered && deliveredAt == null) {
            throw new IllegalStateException("a share " + status + " must have been delivered");
        }
        if (status == ShareStatus.HELD && deliveredAt != null) {
            throw new IllegalStateException("a HELD share has not been delivered");
        }
        if ((status == ShareStatus.PLAYED) != (playedAt != null)) {
            throw new IllegalStateException("a share has a play time exactly when it is PLAYED, not " + status);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Share that && id.equals(that.id) && sender.equals(that.sender)
                && receiver.equals(that.receiver) && track.equals(that.track) && pre.equals(that.pre)
                && post.equals(that.post) && createdAt.equals(that.createdAt)
                && Objects.equals(groupSendId, that.groupSendId) && status == that.status
                && Objects.equals(deliveredAt, that.deliveredAt) && Objects.equals(expiresAt, that.expiresAt)
                && Objects.equals(playedAt, that.playedAt) && uncertain == that.uncertain
                && receiptsOff == that.receiptsOff;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sender, receiver, track, pre, post, createdAt, groupSendId, status, deliveredAt,
                expiresAt, playedAt, uncertain, receiptsOff);
    }

    /** The notes are left out: they are personal. */
    @Override
    public String toString() {
        return "Share[id=" + id + ", " + status + ", sender=" + sender + ", receiver=" + receiver + ", track="
                + track.id() + ", createdAt=" + createdAt + (groupSendId == null ? "" : ", groupSend=" + groupSendId)
                + (deliveredAt == null ? "" : ", deliveredAt=" + deliveredAt + ", expiresAt=" + expiresAt)
                + (playedAt == null ? "" : ", playedAt=" + playedAt) + (uncertain ? ", uncertain" : "")
                + (receiptsOff ? ", receiptsOff" : "") + "]";
    }

    /** A share as a store kept it, field by field; see {@link Share#stored}. */
    public static final class Stored {
        private final String id;
        private final ChatAddress sender;
        private final ChatAddress receiver;
        private final Track track;
        private final Instant createdAt;
        private ShareStatus status;
        private String pre = "";
        private String post = "";
        private String groupSendId;
        private Instant deliveredAt;
        private Instant expiresAt;
        private Instant playedAt;
        private boolean uncertain;
        private boolean receiptsOff;

        private Stored(String id, ChatAddress sender, ChatAddress receiver, Track track, Instant createdAt,
                       ShareStatus status) {
            this.id = id;
            this.sender = sender;
            this.receiver = receiver;
            this.track = track;
            this.createdAt = createdAt;
            this.status = status;
        }

        private Stored status(ShareStatus newStatus) {
            this.status = newStatus;
            return this;
        }

        /** The notes; empty strings for notes not given (the default). */
        public Stored notes(String pre, String post) {
            this.pre = pre;
            this.post = post;
            return this;
        }

        /** The group send this share is one member's part of. */
        public Stored groupSend(String groupSendId) {
            this.groupSendId = Objects.requireNonNull(groupSendId, "groupSendId");
            return this;
        }

        public Stored delivered(Instant deliveredAt, Instant expiresAt) {
            this.deliveredAt = Objects.requireNonNull(deliveredAt, "deliveredAt");
            this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
            return this;
        }

        public Stored playedAt(Instant playedAt) {
            this.playedAt = Objects.requireNonNull(playedAt, "playedAt");
            return this;
        }

        public Stored uncertain(boolean uncertain) {
            this.uncertain = uncertain;
            return this;
        }

        public Stored receiptsOff(boolean receiptsOff) {
            this.receiptsOff = receiptsOff;
            return this;
        }

        /** @throws IllegalStateException when the fields do not fit the status (see {@link Share}) */
        public Share build() {
            return new Share(this);
        }
    }
}
