package app.sendsongs.core.share;

/**
 * How many songs one person may send: {@code songsPerHour} in any hour (a song sent to a group counts once),
 * {@code songsPerFriendPerDay} to any one friend in any 24 hours (a group's songs count for each member), and
 * {@code openInvites} songs waiting at once for friends who have not signed up yet ({@link Invites}: an invite counts
 * until it is used or expires). A flood is refused with a clear reply, never queued.
 */
public record SendLimits(int songsPerHour, int songsPerFriendPerDay, int openInvites) {
    public SendLimits {
        if (songsPerHour < 1 || songsPerFriendPerDay < 1 || openInvites < 1) {
            throw new IllegalArgumentException("the send limits must allow at least one song");
        }
    }

    public static SendLimits standard() {
        return new SendLimits(20, 10, 20);
    }
}
