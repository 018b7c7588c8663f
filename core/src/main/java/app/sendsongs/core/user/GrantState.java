package app.sendsongs.core.user;

/** Whether a person's listening connection still works. */
public enum GrantState {
    ACTIVE,
    /** Still works, and the person was told it ends soon (a Spotify grant's six months): told once. */
    ENDING_SOON_TOLD,
    /** The source refused the connection: the person must connect again; their watches are paused. */
    NEEDS_RECONNECT
}
