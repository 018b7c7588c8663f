package app.sendsongs.core.share;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
    /**
     * A token as {@link Invites} makes them: 16 random bytes in unpadded base64url, 22 characters. With its prefix the
     * ref is 29 characters of {@code A-Z a-z 0-9 _ -}, so it fits every platform's link: Telegram's start parameter
     * takes at most 64 of those (https://core.telegram.org/bots/features#deep-linking), Messenger's {@code ref} more.
     */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

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

    /**
     * The token a link's {@code ref} carries, when it is an invite's: everything after {@link #REF_PREFIX}, whatever
     * its shape (see {@link #wellFormed}); empty for another ref.
     */
    public static Optional<String> tokenOf(String ref) {
        return ref != null && ref.startsWith(REF_PREFIX) && ref.length() > REF_PREFIX.length()
                ? Optional.of(ref.substring(REF_PREFIX.length())) : Optional.empty();
    }

    /** Whether {@code token} has the shape of the tokens the bot makes: anything else names no invite. */
    static boolean wellFormed(String token) {
        return TOKEN.matcher(token).matches();
    }

    /** The same invite, opened by nobody. */
    public Invite unopened() {
        return new Invite(token, sender, friendName, track, title, pre, post, createdAt, expiresAt, Optional.empty());
    }

    /** The same invite, opened by {@code friend}. */
    public Invite openedBy(ChatAddress friend) {
        return new Invite(token, sender, friendName, track, title, pre, post, createdAt, expiresAt,
                Optional.of(friend));
    }
}
