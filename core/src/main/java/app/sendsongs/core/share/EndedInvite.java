package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an invite once it ended, kept by its token for {@link #KEPT} so that its link, opened again, says
 * what happened instead of "expired or already used". It keeps only what that answer needs: how it ended, its sender
 * (to name them, and to be forgotten with them), who used it (to tell them it was theirs, and to be forgotten with
 * them), the song's title and when it ended; never the name it was made for, nor its notes.
 *
 * @param usedBy who used it, when it was {@link How#USED} or {@link How#USED_UNSENT}
 */
public record EndedInvite(String token, How how, ChatAddress sender, Optional<ChatAddress> usedBy, String title,
                          Instant endedAt, Instant keepUntil) {
    /** How long what became of an invite is kept after it ended. */
    public static final Duration KEPT = Duration.ofDays(30);

    /** How an invite ended. */
    public enum How {
        /** Its song went to whoever opened its link and signed up, or to someone the sender chose by name. */
        USED,
        /**
         * Used as {@link #USED}, but its song could not be sent to whoever used it (refused: a block, a limit, the
         * catalogue...). Why is not kept: it is nobody's to be told again (never a block to the sender).
         */
        USED_UNSENT,
        /** Its sender cancelled it. */
        CANCELLED,
        /** Its time ran out. */
        EXPIRED
    }

    public EndedInvite {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(usedBy, "usedBy");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(keepUntil, "keepUntil");
        if (usedBy.isPresent() != (how == How.USED || how == How.USED_UNSENT)) {
            throw new IllegalArgumentException("only a used invite has someone who used it");
        }
    }

    /** {@code invite}, ended {@code at} as {@code how} says (used by {@code usedBy}), kept for {@link #KEPT}. */
    static EndedInvite of(Invite invite, How how, Optional<ChatAddress> usedBy, Instant at) {
        return new EndedInvite(invite.token(), how, invite.sender(), usedBy, invite.title(), at, at.plus(KEPT));
    }
}
