package app.sendsongs.core.group;

/**
 * How big groups may get. Members include the owner. The limits keep one song from turning into
 * a flood of messages and Spotify checks, and keep anyone from being added to groups without end.
 */
public record GroupLimits(int membersPerGroup, int groupsOwned, int groupsJoined) {
    public GroupLimits {
        if (membersPerGroup < 2 || groupsOwned < 1 || groupsJoined < groupsOwned) {
            throw new IllegalArgumentException("group limits must allow at least one group of two");
        }
    }

    public static GroupLimits standard() {
        return new GroupLimits(50, 20, 50);
    }
}
