package app.sendsongs.core.user;

/** Whether a person's Spotify authorisation still works. */
public enum GrantState {
    ACTIVE,
    /** Spotify refused the refresh token: the person must connect again; their watches are paused. */
    NEEDS_RECONNECT
}
