package app.sendsongs.core.share;

/**
 * Told whenever a share stops being open (played, expired, cancelled, or its receiver left the
 * group it was sent to), so what waits on it, such as a group send's summary, can move on.
 */
@FunctionalInterface
public interface ShareSettled {
    void settled(Share share);
}
