package app.sendsongs.bench.crash;

import app.sendsongs.bench.TempDirectory;
import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.Population;
import app.sendsongs.bench.load.Reconciliation;
import app.sendsongs.bench.load.ServerProcess;
import app.sendsongs.bench.load.Workload.Request;
import app.sendsongs.bench.load.Workload;
import app.sendsongs.testsupport.SandboxControl;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The crash test of "acknowledged means kept". Runs the emulators in a process of their own and the
 * server in its {@code serve} wiring pointed at them; registers people through the real connect
 * flow and makes groups by command; then sends bursts of signed webhook POSTs (single messages,
 * batches, group sends) and kills the server with {@code kill -9} at a random moment of some of
 * them, starts it again on the same store, and sends again every POST that got no 200, as Messenger
 * does. At the end, a closing message from each person shows everything acknowledged has been
 * handled, each person's {@code pending} shows the songs still waiting to be delivered, and the
 * emulated inboxes are reconciled with every message sent.
 */
public final class CrashTest {
    /** How long after its lease ends a held message surely has been retried (the server ticks every second). */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MOST_RESENDS = 20;

    private CrashTest() {
    }

    /** {@code bench crash [options]}; exit code 0 when every acknowledged message was handled exactly once. */
    public static int main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(CrashOptions.HELP);
            return 0;
        }
        CrashOptions options;
        try {
            options = CrashOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + CrashOptions.HELP);
            return 2;
        }
        Path dir = TempDirectory.create("send-songs-crash");
        boolean held = false;
        try {
            CrashReport report = run(options, dir, System.out, Optional.empty());
            System.out.println();
            System.out.print(report.format());
            held = report.holds();
            return held ? 0 : 1;
        } finally {
            if (held) {
                TempDirectory.deleteQuietly(dir);
            } else {
                System.out.println("the logs, the database and (when a count was off) the emulated inboxes are kept in " + dir);
            }
        }
    }

    /**
     * Runs the whole test with the database and the logs in {@code dir}; progress goes to
     * {@code progress}. With the DynamoDB store, {@code dynamoEndpoint} names a running
     * DynamoDB-compatible server; without it a dynalite is started for the run.
     */
    static CrashReport run(CrashOptions options, Path dir, PrintStream progress, Optional<URI> dynamoEndpoint) {
        progress.printf("starting the emulators and the server (serve, %s, -Xmx%s) as two processes...%n",
                options.store() == CrashOptions.Store.SQLITE ? "SQLite" : "DynamoDB", options.serverHeap());
        long began = System.nanoTime();
        try (CrashRig rig = CrashRig.start(options, dir, dynamoEndpoint)) {
            try {
                CrashReport report = new CrashTest.Run(options, rig, progress).crash(began);
                if (!report.holds()) {
                    keepInboxes(rig, dir.resolve("inboxes.json"), progress);
                }
                return report;
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + "\n" + rig.tails(), e);
            }
        }
    }

    /**
     * Writes every emulated inbox, each message with its time, its Send API body (the bot's reference in its
     * {@code metadata}) and its id, beside the logs: what a failed run's examples are traced back with.
     */
    private static void keepInboxes(CrashRig rig, Path file, PrintStream progress) {
        try {
            Files.writeString(file, new SandboxControl(rig.serverBase(), rig.sandboxBase()).allInboxMessages()
                    .toPrettyString());
        } catch (IOException | RuntimeException e) {
            progress.println("the emulated inboxes could not be kept: " + e);
        }
    }

    /** One run's state. */
    private static final class Run {
        private final CrashOptions options;
        private final CrashRig rig;
        private final PrintStream progress;
        private final SandboxControl sandbox;
        private final Random random;
        private final List<Kill> kills = new ArrayList<>();
        /** When the server last started again after a kill ({@link System#nanoTime}). */
        private long lastRestartAt;
        private int posts;
        private int sentAgain;
        private int refusals;

        Run(CrashOptions options, CrashRig rig, PrintStream progress) {
            this.options = options;
            this.rig = rig;
            this.progress = progress;
            this.sandbox = new SandboxControl(rig.serverBase(), rig.sandboxBase());
            this.random = new Random(options.seed());
        }

        CrashReport crash(long began) {
            sandbox.messengerRate(Workload.UNLIMITED_SEND_API, Workload.UNLIMITED_SEND_API);
            progress.printf("registering %,d people through /connect, consent, /callback and register...%n",
                    options.users());
            List<Person> people = Population.register(sandbox, options.users(), Math.min(8, options.users()),
                    options.timeout());
            progress.printf("making %,d groups of %,d by create_group and add_to_group...%n", options.groups(),
                    options.groupSize());
            List<Crew> crews = Crew.form(sandbox, people, options.groups(), options.groupSize(), random,
                    options.timeout());
            Map<String, Integer> baseline = Reconciliation.inboxSizes(sandbox.inboxes());
            CrashWorkload workload = new CrashWorkload(people, crews, sandbox.songIds(), options, rig.signer(),
                    rig.host(), random);

            bursts(workload);
            int burstMessages = workload.events().size();
            progress.println("every POST answered 200; a closing message from each person...");
            sendUntilAcknowledged(workload.closing());
            awaitClosingAnswers(people);

            progress.println("asking each person for their pending songs, then reconciling every inbox...");
            Check check = check(workload, people, baseline);
            boolean waited = !check.clean() && awaitALeaseAfterTheLastRestart();
            if (waited) {
                check = check(workload, people, baseline);
            }
            return new CrashReport(options, crews.stream().map(crew -> crew.members().size()).toList(), burstMessages,
                    List.copyOf(kills), rig.serverStarts(), rig.failedStarts().size(), posts, sentAgain, refusals,
                    check.outcome(), check.openListed(), check.stuck(), waited,
                    Duration.ofNanos(System.nanoTime() - began));
        }

        /**
         * Waits until a message lease has passed since the server last started again, and the tick has retried what
         * was due then: what the killed server held has been taken again, and what it was sending has had its echo
         * or been sent again (a restarted server waits a lease for those echoes). False when there was no kill or
         * that time has passed already.
         */
        private boolean awaitALeaseAfterTheLastRestart() {
            if (kills.isEmpty()) {
                return false;
            }
            Duration left = Duration.ofNanos(lastRestartAt - System.nanoTime())
                    .plus(options.lease()).plus(LEASE_MARGIN);
            if (!left.isPositive()) {
                return false;
            }
            progress.printf("not all settled yet: waiting %d s until a lease has passed since the last restart, "
                    + "then looking again...%n", left.toSeconds());
            ServerProcess.sleep(left);
            return true;
        }

        /** The bursts, some ended by a kill; each starts with what the previous one left without a 200. */
        private void bursts(CrashWorkload workload) {
            Set<Integer> killed = killedBursts();
            List<List<Request>> left = List.of();
            for (int burst = 1; burst <= options.rounds(); burst++) {
                List<List<Request>> fresh = workload.burst();
                posts += count(fresh);
                List<List<Request>> sending = concat(left, fresh);
                Optional<BurstSender.KillMoment> kill = killed.contains(burst)
                        ? Optional.of(killMoment(count(sending))) : Optional.empty();
                BurstSender.Result result = send(sending, kill);
                if (result.killedAt().isPresent()) {
                    Kill done = Kill.of(burst, result);
                    kills.add(done);
                    progress.printf("  %s; starting it again...%n", done.format());
                    restart();
                    lastRestartAt = System.nanoTime();
                } else {
                    progress.printf("  burst %2d: %,d POSTs acknowledged, no kill%n", burst, result.acknowledged());
                }
                left = result.unanswered();
            }
            sendUntilAcknowledged(left);
        }

        private void restart() {
            int failedBefore = rig.failedStarts().size();
            rig.startServer();
            rig.failedStarts().subList(failedBefore, rig.failedStarts().size()).forEach(failure ->
                    progress.printf("  the server failed to start and was started again: %s%n", failure));
        }

        /**
         * Half the kills come while the burst's POSTs are being answered, right after a random number
         * of them got their 200; the others at a random moment up to {@code --kill-within-ms} after the
         * burst began, mostly while the acknowledged messages are being handled.
         */
        private BurstSender.KillMoment killMoment(int posts) {
            return random.nextBoolean() ? new BurstSender.KillMoment(1 + random.nextInt(posts), Duration.ZERO)
                    : new BurstSender.KillMoment(0,
                            Duration.ofMillis(random.nextLong(options.killWithin().toMillis() + 1)));
        }

        private Set<Integer> killedBursts() {
            List<Integer> all = new ArrayList<>();
            for (int burst = 1; burst <= options.rounds(); burst++) {
                all.add(burst);
            }
            Collections.shuffle(all, random);
            return new HashSet<>(all.subList(0, options.kills()));
        }

        private BurstSender.Result send(List<List<Request>> perConnection, Optional<BurstSender.KillMoment> kill) {
            BurstSender.Result result = BurstSender.send(rig.host(), rig.serverPort(), perConnection, kill,
                    rig::killServer);
            sentAgain += result.unansweredCount();
            refusals += result.refusals();
            return result;
        }

        /** Sends the POSTs, and again what gets no 200, until every one is acknowledged (no kills now). */
        private void sendUntilAcknowledged(List<List<Request>> perConnection) {
            List<List<Request>> left = perConnection;
            for (int attempt = 0; count(left) > 0; attempt++) {
                if (attempt == MOST_RESENDS) {
                    throw new IllegalStateException(count(left) + " POSTs were still not answered 200 after "
                            + MOST_RESENDS + " rounds of sending them again");
                }
                left = send(left, Optional.empty()).unanswered();
            }
        }

        /** Waits until each person has the answer to their closing message: all they sent before it is handled. */
        private void awaitClosingAnswers(List<Person> people) {
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (true) {
                Map<String, List<String>> inboxes = sandbox.inboxes();
                List<Person> waiting = people.stream().filter(person -> inboxes.getOrDefault(person.psid(), List.of())
                        .stream().noneMatch(text -> text.contains(CrashWorkload.closingName(person)))).toList();
                if (waiting.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting.size() + " people got no answer to their closing message "
                            + "within " + options.timeout() + ", e.g. " + waiting.getFirst().psid());
                }
                ServerProcess.sleep(POLL);
            }
        }

        /** Asks everyone for {@code pending}, waits for the whole answers, and reconciles every inbox. */
        private Check check(CrashWorkload workload, List<Person> people, Map<String, Integer> baseline) {
            Map<String, Integer> answersBefore = pendingAnswerCounts(people);
            sendUntilAcknowledged(workload.pending(people));
            Map<String, List<String>> joined = awaitPendingAnswers(people, answersBefore);
            Reconciliation.Outcome outcome = Reconciliation.check(workload.events(), baseline, joined);
            int listed = 0;
            int stuck = 0;
            for (Person person : people) {
                String answer = PendingAnswers.last(joined.get(person.psid())).orElseThrow();
                listed += PendingAnswers.listed(answer);
                stuck += PendingAnswers.waiting(answer);
            }
            return new Check(outcome, listed, stuck);
        }

        private Map<String, Integer> pendingAnswerCounts(List<Person> people) {
            Map<String, List<String>> joined = joinedInboxes();
            Map<String, Integer> counts = new HashMap<>();
            people.forEach(person -> counts.put(person.psid(),
                    PendingAnswers.all(joined.getOrDefault(person.psid(), List.of())).size()));
            return counts;
        }

        private Map<String, List<String>> awaitPendingAnswers(List<Person> people, Map<String, Integer> before) {
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (true) {
                Map<String, List<String>> joined = joinedInboxes();
                long waiting = people.stream().filter(person -> PendingAnswers.all(joined.getOrDefault(person.psid(),
                        List.of())).size() <= before.get(person.psid())).count();
                if (waiting == 0) {
                    return joined;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting + " people got no whole answer to pending within "
                            + options.timeout());
                }
                ServerProcess.sleep(POLL);
            }
        }

        private Map<String, List<String>> joinedInboxes() {
            Map<String, List<String>> joined = new HashMap<>();
            sandbox.inboxes().forEach((psid, texts) -> joined.put(psid, PendingAnswers.joined(texts)));
            return joined;
        }
    }

    /** A reconciliation, with the songs the senders' pending answers list as open and as waiting to be delivered. */
    private record Check(Reconciliation.Outcome outcome, int openListed, int stuck) {
        boolean clean() {
            Reconciliation.Outcome o = outcome;
            return stuck == 0 && o.lostAnswers() == 0 && o.duplicateAnswers() == 0 && o.lostSongs() == 0
                    && o.duplicateSongs() == 0 && o.misdelivered() == 0;
        }
    }

    private static List<List<Request>> concat(List<List<Request>> first, List<List<Request>> then) {
        List<List<Request>> both = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), then.size()); i++) {
            List<Request> connection = new ArrayList<>(i < first.size() ? first.get(i) : List.of());
            connection.addAll(i < then.size() ? then.get(i) : List.of());
            both.add(connection);
        }
        return both;
    }

    private static int count(List<List<Request>> perConnection) {
        return perConnection.stream().mapToInt(List::size).sum();
    }
}
