package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the songs waiting for friends who have not registered yet ({@link Invite}), by their token. */
public interface InviteStore {
    void saveInvite(Invite invite);

    Optional<Invite> findInvite(String token);

    /**
     * Binds the invite to the person who opened its link, unless someone else opened it first: true when it is now
     * theirs (also when it already was), false when it is someone else's or gone.
     */
    boolean openInvite(String token, ChatAddress friend);

    /**
     * Unbinds the invite from {@code friend}, who opened it, so that whoever opens its link next may have it (someone
     * not registered who asks to be forgotten): true when it was theirs and is now free, false otherwise.
     */
    boolean releaseInvite(String token, ChatAddress friend);

    /**
     * Up to {@code limit} of the invites {@code sender} made that are still open (not used, expiring after
     * {@code now}), the earliest to expire first.
     */
    List<Invite> openInvitesSentBy(ChatAddress sender, Instant now, int limit);

    /**
     * Up to {@code limit} of the invites nobody has opened yet, made for a friend whose name, as the sender typed it,
     * has the key {@code friendNameKey} ({@code Names.key}), and expiring after {@code now}: the oldest first.
     */
    List<Invite> unopenedInvitesFor(String friendNameKey, Instant now, int limit);

    /** The invites {@code friend} opened and that are still there, oldest first. */
    List<Invite> invitesOpenedBy(ChatAddress friend);

    /**
     * Marks the invite, which {@code friend} opened, as having its song sent to them now (they signed up, or its
     * sender chose them), so that {@link #takeUnclaimedInvite} no longer removes it: true when it is so marked (also
     * when it already was), false when it is gone or not theirs. {@link #releaseInvite} clears the mark.
     */
    boolean claimInvite(String token, ChatAddress friend);

    /** Removes the invite; true only for the one caller that removed it (so its song goes out, or expires, once). */
    boolean takeInvite(String token);

    /**
     * Removes the invite unless its song is being sent ({@link #claimInvite}): true only for the one caller that
     * removed it (its sender's cancel, which must not say nothing was sent while the song is going).
     */
    boolean takeUnclaimedInvite(String token);

    /** Up to {@code limit} invites whose expiry is at or before {@code now}, earliest first. */
    List<Invite> invitesExpiredBy(Instant now, int limit);

    /**
     * Keeps what became of an invite that ended, by its token (replacing what was kept for it), until its
     * {@code keepUntil}: the purge removes it after that, and forgetting its sender or whoever used it removes it.
     */
    void saveEndedInvite(EndedInvite ended);

    /** What became of the invite of {@code token}, while it is kept. */
    Optional<EndedInvite> findEndedInvite(String token);
}
