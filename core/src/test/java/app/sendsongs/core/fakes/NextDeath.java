package app.sendsongs.core.fakes;

/**
 * A death a fake store arms for the next call of one of its methods: the process dies there, once, with a
 * {@link RecordingChat.ProcessDied}. Used under the fake's own lock.
 */
final class NextDeath {
    private boolean armed;

    void arm() {
        armed = true;
    }

    /** Dies here when armed, and is disarmed: the work handled again passes. */
    void dieIfArmed() {
        if (armed) {
            armed = false;
            throw new RecordingChat.ProcessDied();
        }
    }
}
