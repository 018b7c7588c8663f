package app.sendsongs.core.compose;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.TapKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A share someone started by pasting a link and has not finished: the song (and its title, "Song by Artist", to
 * show without asking the catalogue again), the notes so far, who it is for once
 * chosen, the people and groups the bot offered as taps (a tapped number picks one of them, in order), and what
 * the bot is waiting for. One per person: a new link replaces it. It survives a restart and is dropped at
 * {@code expiresAt}.
 */
public record ShareDraft(ChatAddress person, TrackId track, String title, String pre, String post, Stage stage,
                         Optional<Recipient> recipient, List<Recipient> offered, Instant expiresAt) {
    /** At most this many people and groups are offered (a platform shows 13 taps; the rest are actions). */
    public static final int MAX_OFFERED = 12;

    public ShareDraft {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(recipient, "recipient");
        offered = List.copyOf(offered);
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (offered.size() > MAX_OFFERED) {
            throw new IllegalArgumentException("at most " + MAX_OFFERED + " recipients are offered");
        }
        if (stage != Stage.WHO && recipient.isEmpty()) {
            throw new IllegalArgumentException("a draft past choosing who it is for has a recipient");
        }
    }

    /** What the bot waits for. */
    public enum Stage {
        /** Who the song is for: a tap on an offered person or group, or a typed name. */
        WHO,
        /** Whether to send it now or add a note first. */
        READY,
        /** The note that goes with the song, typed. */
        NOTE,
        /** The note they get once they have played it, typed. */
        AFTER_NOTE
    }

    public ShareDraft at(Stage newStage, Instant newExpiry) {
        return new ShareDraft(person, track, title, pre, post, newStage, recipient, offered, newExpiry);
    }

    public ShareDraft to(Recipient chosen, Instant newExpiry) {
        return new ShareDraft(person, track, title, pre, post, Stage.READY, Optional.of(chosen), offered, newExpiry);
    }

    /** The share back at "Who is it for?", its notes kept, no longer for {@code gone} nor offering it. */
    public ShareDraft without(Recipient gone, Instant newExpiry) {
        return new ShareDraft(person, track, title, pre, post, Stage.WHO, Optional.empty(),
                offered.stream().filter(other -> !other.equals(gone)).toList(), newExpiry);
    }

    /** The share offering {@code people} as taps (a number picks one of them, in order). */
    public ShareDraft offering(List<Recipient> people) {
        return new ShareDraft(person, track, title, pre, post, stage, recipient, people, expiresAt);
    }

    public ShareDraft withNotes(String newPre, String newPost) {
        return new ShareDraft(person, track, title, newPre, newPost, stage, recipient, offered, expiresAt);
    }

    /**
     * Eight hex digits that tell this share from one of another song or for someone else (the notes and the stage do
     * not count), so a tap can name the share it was shown with.
     */
    public String key() {
        return TapKey.of(track.value() + " " + recipient.map(Recipient::key).orElse(""));
    }

    /** The key of the people and groups offered for this song, which their number taps carry. */
    public String offerKey() {
        return TapKey.of(track.value() + " " + offered.stream().map(Recipient::key).toList());
    }

    /** The notes are left out: they are personal. */
    @Override
    public String toString() {
        return "ShareDraft[person=" + person + ", track=" + track + ", " + stage + ", recipient="
                + recipient.map(Recipient::getClass).map(Class::getSimpleName).orElse("none") + ", offered="
                + offered.size() + ", expiresAt=" + expiresAt + "]";
    }
}
