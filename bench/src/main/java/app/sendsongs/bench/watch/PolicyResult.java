package app.sendsongs.bench.watch;

/**
 * What one policy did in a run: its Spotify calls (refresh and recently-played are the watching
 * calls; track lookups are counted apart, being the sending's), its checks, and when the sender of
 * each song was told it was played (ms after the start, -1 never).
 */
record PolicyResult(String name, long refreshes, long recentlyPlayed, long trackLookups, long checks, long[] toldAt) {

    long watchCalls() {
        return refreshes + recentlyPlayed;
    }
}
