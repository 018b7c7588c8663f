package app.sendsongs.core.share;

import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invites made by mistake: a first name typed at "Who is it for?" that matches no contact makes an invite ("Roberto"),
 * and the sender, told to type the full name of someone registered, sends the song to "Roberto Gomez" right after.
 * The song went where they meant, so the invite ends as their cancel would end it (its link says they cancelled it,
 * and no expiry is told of later). Only an invite of the same song, made by the same sender within {@link #WITHIN}
 * before the share (as long as a share being made is kept), whose name is the receiver's name or its first words, and
 * whose link nobody has opened: someone who opened it may be another person, who signs up for it.
 */
final class StrayInvites {
    /** How long before a share an invite it ends may have been made. */
    static final Duration WITHIN = Duration.ofHours(1);

    private final Invites invites;

    StrayInvites(Invites invites) {
        this.invites = invites;
    }

    /**
     * Ends the invites that {@code share}, just sent to {@code receiver}, makes stray; what to tell its sender, when
     * it ended any.
     */
    Optional<String> endFor(Share share, User receiver) {
        Instant since = share.createdAt().minus(WITHIN);
        List<String> ended = invites.waitingFrom(share.sender()).stream()
                .filter(invite -> invite.track().equals(share.track().id()) && invite.friend().isEmpty())
                .filter(invite -> !invite.createdAt().isBefore(since) && !invite.createdAt().isAfter(share.createdAt()))
                .filter(invite -> namesThem(invite.friendName(), receiver))
                .filter(invites::takeCancelled).map(invite -> Names.quoted(invite.friendName())).toList();
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("I dropped your invite" + (ended.size() == 1 ? "" : "s") + " of it for "
                + String.join(" and ", ended) + ": " + (ended.size() == 1 ? "its link no longer works."
                : "their links no longer work."));
    }

    /** Whether {@code friendName} is {@code receiver}'s name, or its first words ("Roberto" for Roberto Gomez). */
    private static boolean namesThem(String friendName, User receiver) {
        String typed = Names.key(friendName);
        return !typed.isEmpty() && (receiver.nameKey().equals(typed) || receiver.nameKey().startsWith(typed + " "));
    }
}
