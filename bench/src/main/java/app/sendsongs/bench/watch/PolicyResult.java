package app.sendsongs.bench.watch;

import app.sendsongs.core.music.SourceKind;
import java.util.Map;

/**
 * What one policy did in a run: its Spotify calls (refresh and recently-played are the watching
 * calls; track lookups are counted apart, being the sending's), its checks, and when the sender of
 * each song was told it was played (ms after the start, -1 never). {@code bySource}: the watch calls on each
 * listening source (the seed's: on Spotify, for the songs whose receivers are on that source).
 */
record PolicyResult(String name, long refreshes, long recentlyPlayed, long trackLookups, long checks, long[] toldAt,
                    Map<SourceKind, SourceCalls> bySource) {

    /** Watch calls on one source, in all and on the busiest day (-1: not counted by day). */
    record SourceCalls(long calls, long busiestDay) {
    }

    long watchCalls() {
        return refreshes + recentlyPlayed;
    }
}
