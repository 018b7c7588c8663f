package app.sendsongs.server;

import java.util.concurrent.CountDownLatch;

/** What serve, demo and sandbox do once they run: wait to be asked to stop. */
final class StopSignal {
    private StopSignal() {
    }

    /**
     * Blocks until the process is asked to stop (Ctrl+C, SIGTERM), then closes {@code running}
     * inside the shutdown hook: the JVM halts when the hooks end, so closing after {@code main}
     * wakes up could be cut short.
     */
    static void awaitThenClose(AutoCloseable running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
