package app.sendsongs.bench.crash;

import app.sendsongs.bench.load.LoopbackHttp;
import app.sendsongs.bench.load.ServerProcess;
import app.sendsongs.bench.load.Workload.Request;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the POSTs of a burst as Messenger would: one kept-alive connection per list, each list in
 * order, the next POST once the previous one is answered. A POST answered with anything but 200 is
 * sent again after a short pause. A POST that gets no answer at all (the server is gone) ends its
 * connection's part of the burst: it and the rest of that list are left to be sent again once the
 * server is back. The burst may be cut by a kill of the server at a given moment.
 */
final class BurstSender {
    /**
     * When to kill the server: once {@code acknowledged} of the burst's POSTs have been answered 200
     * (0: from the start), and {@code delay} after that.
     */
    record KillMoment(int acknowledged, Duration delay) {
    }

    private static final int MOST_ATTEMPTS = 50;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

    /**
     * What a burst did.
     *
     * @param acknowledged       POSTs answered 200
     * @param unanswered         by connection, the POSTs to send again, in order
     * @param startedAt          {@link System#nanoTime()} when the burst started
     * @param killedAt           when the server was killed, if it was
     * @param lastAcknowledgedAt when the last 200 came, 0 if none did
     * @param refusals           answers other than 200, each followed by a resend
     */
    record Result(int acknowledged, List<List<Request>> unanswered, long startedAt, Optional<Long> killedAt,
                  long lastAcknowledgedAt, int refusals) {
        int unansweredCount() {
            return unanswered.stream().mapToInt(List::size).sum();
        }
    }

    private BurstSender() {
    }

    /** Sends the burst; when a {@code moment} is given, runs {@code kill} then. */
    static Result send(String host, int port, List<List<Request>> perConnection, Optional<KillMoment> moment,
                       Runnable kill) {
        Connections connections = new Connections(moment.map(KillMoment::acknowledged).orElse(0));
        List<List<Request>> unanswered = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<Request> requests : perConnection) {
            List<Request> left = new ArrayList<>();
            unanswered.add(left);
            threads.add(Thread.ofPlatform().name("crash-connection")
                    .start(() -> connections.sendAll(host, port, requests, left)));
        }
        long began = System.nanoTime();
        connections.start.countDown();
        Optional<Long> killedAt = moment.map(when -> {
            awaitOrAllDone(connections.enoughAcknowledged, threads);
            ServerProcess.sleep(when.delay());
            kill.run();
            return System.nanoTime();
        });
        joinAll(threads);
        RuntimeException failure = connections.failure.get();
        if (failure != null) {
            throw new IllegalStateException("a crash-test connection failed: " + failure, failure);
        }
        return new Result(connections.acknowledged.get(), unanswered, began, killedAt,
                connections.lastAcknowledged.get(), connections.refusals.get());
    }

    /** What the burst's connections share: the signal to start, and what they counted. */
    private static final class Connections {
        private final CountDownLatch start = new CountDownLatch(1);
        private final CountDownLatch enoughAcknowledged;
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger refusals = new AtomicInteger();
        private final AtomicLong lastAcknowledged = new AtomicLong();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        Connections(int acknowledgedBeforeKill) {
            enoughAcknowledged = new CountDownLatch(acknowledgedBeforeKill);
        }

        /** Once started, sends one connection's POSTs in order; those it could not send go to {@code left}. */
        void sendAll(String host, int port, List<Request> requests, List<Request> left) {
            try (LoopbackHttp http = new LoopbackHttp(host, port)) {
                start.await();
                for (int i = 0; i < requests.size(); i++) {
                    if (!send(http, requests.get(i), refusals)) {
                        left.addAll(requests.subList(i, requests.size()));
                        return;
                    }
                    acknowledged.incrementAndGet();
                    lastAcknowledged.accumulateAndGet(System.nanoTime(), Math::max);
                    enoughAcknowledged.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the latch opens, or every connection has finished (fewer POSTs were answered than it waits for). */
    private static void awaitOrAllDone(CountDownLatch latch, List<Thread> threads) {
        try {
            while (!latch.await(5, TimeUnit.MILLISECONDS)) {
                if (threads.stream().noneMatch(Thread::isAlive)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True once the server answered 200; false when it did not answer at all, or refused every attempt. */
    private static boolean send(LoopbackHttp http, Request request, AtomicInteger refusals) {
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            int status;
            try {
                status = http.exchange(request.bytes());
            } catch (IOException gone) {
                http.close();
                return false;
            }
            if (status == 200) {
                return true;
            }
            refusals.incrementAndGet();
            ServerProcess.sleep(RETRY_PAUSE);
        }
        return false;
    }
}
