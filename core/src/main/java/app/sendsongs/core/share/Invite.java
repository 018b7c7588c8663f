package app.sendsongs.core.share;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A song for a friend who has not registered yet: the sender forwards a link carrying {@link #ref()}; whoever opens it
 * first is the friend ({@code friend}), and the song goes to them once they register. The token is random and
 * unguessable: it is the only thing that names the invite.
 *
 * @param friendName the name the sender used for the friend, as typed
 * @param title      the song's title, for what the bot tells
 * @param friend     who opened the link first; empty until someone has
 */
public record Invite(String token, ChatAddress sender, String friendName, TrackId track, String title, String pre,
                     String post, Instant createdAt, Instant expiresAt, Optional<ChatAddress> friend) {
    /** What an invite's link carries before its token ({@code ref=invite-<token>}). */
    public static final String REF_PREFIX = "invite-";

    public Invite {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(friendName, "friendName");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(friend, "friend");
    }

    /** The {@code ref} of the invite's link. */
    public String ref() {
        return REF_PREFIX + token;
    }

    /** The token a link's {@code ref} carries, when it is an invite's. */
    public static Optional<String> tokenOf(String ref) {
        return ref != null && ref.startsWith(REF_PREFIX) && ref.length() > REF_PREFIX.length()
                ? Optional.of(ref.substring(REF_PREFIX.length())) : Optional.empty();
    }

    /** The same invite, opened by {@code friend}. */
    public Invite openedBy(ChatAddress friend) {
        return new Invite(token, sender, friendName, track, title, pre, post, createdAt, expiresAt,
                Optional.of(friend));
    }
}
