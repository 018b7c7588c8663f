package app.sendsongs.core.share;

/**
 * How many songs one person may send: {@code songsPerHour} in any hour (a song sent to a group counts once) and
 * {@code songsPerFriendPerDay} to any one friend in any 24 hours (a group's songs count for each member). A flood
 * is refused with a clear reply, never queued.
 */
public record SendLimits(int songsPerHour, int songsPerFriendPerDay) {
    public SendLimits {
        if (songsPerHour < 1 || songsPerFriendPerDay < 1) {
            throw new IllegalArgumentException("the send limits must allow at least one song");
        }
    }

    public static SendLimits standard() {
        return new SendLimits(20, 10);
    }
}
