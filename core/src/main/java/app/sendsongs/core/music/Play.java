package app.sendsongs.core.music;

import java.time.Instant;

/** One entry of a listener's recently-played history. */
public record Play(Track track, Instant playedAt) {
}
