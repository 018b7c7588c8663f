package app.sendsongs.core.share;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/** A song the sender already sent the receiver and that is still open (waiting or watched) is not sent twice. */
public final class Repeats {
    private Repeats() {
    }

    /** The open share of the same track from {@code sender} to {@code receiver}, if there is one. */
    public static Optional<Share> openShareOf(ShareStore shares, ChatAddress sender, ChatAddress receiver,
                                              Track track) {
        return shares.openSharesFrom(sender, receiver).stream()
                .filter(share -> share.track().recording().sameSongAs(track.recording())
                        || share.track().id().equals(track.id()))
                .findFirst();
    }
}
