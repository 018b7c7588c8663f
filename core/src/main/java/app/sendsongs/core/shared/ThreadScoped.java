package app.sendsongs.core.shared;

/** A value a thread carries while it does one piece of work, then the one it carried before (none, or an outer one). */
final class ThreadScoped {
    private ThreadScoped() {
    }

    /** Runs {@code work} with {@code local} set to {@code value} on this thread, restoring the outer value after. */
    static <T> void run(ThreadLocal<T> local, T value, Runnable work) {
        T outer = local.get();
        local.set(value);
        try {
            work.run();
        } finally {
            if (outer == null) {
                local.remove();
            } else {
                local.set(outer);
            }
        }
    }
}
