package app.sendsongs.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends prepared requests over kept-alive connections, one thread per connection, each connection's
 * requests in order and each as soon as the previous one was answered (a closed loop), and times
 * every exchange. A request answered with anything but 200 is sent again after a short pause, as
 * Messenger redelivers an event its webhook did not accept.
 */
final class ClosedLoop {
    static final int MAX_ATTEMPTS = 50;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

    /**
     * What a phase did: requests answered 200, when it started ({@link System#nanoTime()}) and how
     * long it took, every exchange's latency, refusals (each followed by a resend) and requests given
     * up after {@link #MAX_ATTEMPTS}.
     */
    record Result(int accepted, long startedAt, long elapsedNanos, Latencies latencies, int refusals, int abandoned) {
        double perSecond(long count) {
            return count / (elapsedNanos / 1e9);
        }
    }

    private ClosedLoop() {
    }

    static Result run(String host, int port, List<List<byte[]>> perConnection) {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        AtomicInteger abandoned = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<byte[]> requests : perConnection) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            threads.add(Thread.ofPlatform().name("load-connection").start(() -> {
                try (LoopbackHttp http = new LoopbackHttp(host, port)) {
                    start.await();
                    for (byte[] request : requests) {
                        if (send(http, request, mine, refusals)) {
                            accepted.incrementAndGet();
                        } else {
                            abandoned.incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long elapsed = System.nanoTime() - began;
        if (failure.get() != null) {
            throw new IllegalStateException("a load connection failed: " + failure.get(), failure.get());
        }
        return new Result(accepted.get(), began, elapsed, Latencies.merge(latencies), refusals.get(), abandoned.get());
    }

    /** True once the server answered 200; false after {@link #MAX_ATTEMPTS} refusals. */
    private static boolean send(LoopbackHttp http, byte[] request, Latencies latencies, AtomicInteger refusals)
            throws IOException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long sent = System.nanoTime();
            int status = http.exchange(request);
            latencies.add(System.nanoTime() - sent);
            if (status == 200) {
                return true;
            }
            refusals.incrementAndGet();
            ServerProcess.sleep(RETRY_PAUSE);
        }
        return false;
    }
}
