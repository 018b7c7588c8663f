package app.sendsongs.core.music;

import java.time.Instant;

/** One entry of a listener's recently-played history: what the source knows of the recording, and when. */
public record Play(Recording recording, Instant playedAt) {
}
