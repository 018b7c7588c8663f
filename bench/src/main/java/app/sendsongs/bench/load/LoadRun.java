package app.sendsongs.bench.load;

import app.sendsongs.bench.load.Population.Person;
import app.sendsongs.bench.load.Workload.Event;
import app.sendsongs.testsupport.SandboxControl;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The load test's phases against a started server: register, warm up, measure, then reconcile every inbox. */
final class LoadRun {
    private final LoadOptions options;
    private final ServerProcess server;
    private final Optional<ServerProcess> emulators;
    private final SandboxControl sandbox;
    private final PrintStream progress;
    private final LoadPlatform platform;
    private final String host;
    private final int port;
    private final Random random;
    private final Set<String> songsSent = new HashSet<>();

    LoadRun(LoadOptions options, ServerProcess server, Optional<ServerProcess> emulators, SandboxControl sandbox,
            PrintStream progress) {
        this.options = options;
        this.server = server;
        this.emulators = emulators;
        this.sandbox = sandbox;
        this.progress = progress;
        this.platform = options.platform();
        URI base = URI.create(server.baseUrl());
        this.host = base.getHost();
        this.port = base.getPort();
        this.random = new Random(options.seed());
    }

    LoadReport measure() {
        sandbox.messengerRate(Workload.UNLIMITED_SEND_API, Workload.UNLIMITED_SEND_API);
        progress.printf("registering %,d people through /connect, consent, /callback and register...%n",
                options.users());
        List<Person> people = Population.register(sandbox, platform, options.users(), Math.min(16, options.users()),
                options.timeout());
        List<String> tracks = sandbox.songIds();
        if (options.warmup() > 0) {
            warmUp(people, tracks);
        }
        Map<String, Integer> baseline = Reconciliation.inboxSizes(platform.inboxes(sandbox));

        Workload load = Workload.of(Workload.mixed(platform, people, tracks, options.events(), options.songShare(), 0,
                random, songsSent), options.connections(), options.batch(), options.redeliveryShare(), platform, host,
                random);
        progress.printf("ceiling: %,d bare POST /bench/ok...%n", load.requests() - load.redeliveries());
        ClosedLoop.Result ceiling = ClosedLoop.run(host, port, load.ceilingRequests(host));
        return measureWebhook(load, ceiling, people, baseline);
    }

    private void warmUp(List<Person> people, List<String> tracks) {
        progress.printf("warming up with %,d bare requests and %,d messages...%n", options.warmup(),
                options.warmup());
        Workload warmup = Workload.of(Workload.mixed(platform, people, tracks, options.warmup(),
                options.songShare(), options.events() + people.size(), random, songsSent), options.connections(),
                options.batch(), 0, platform, host, random);
        ClosedLoop.run(host, port, warmup.ceilingRequests(host));
        if (!runToCompletion(warmup)) {
            throw new IllegalStateException("the bot did not finish the warm-up within " + options.timeout());
        }
    }

    private LoadReport measureWebhook(Workload load, ClosedLoop.Result ceiling, List<Person> people,
                                      Map<String, Integer> baseline) {
        progress.printf("webhook: %,d POSTs carrying %,d messages (%,d send_song), %,d of them redeliveries...%n",
                load.requests(), load.events().size(), load.songs(), load.redeliveries());
        CpuSeconds cpuBefore = cpuSeconds();
        long expected = platform.delivered(sandbox) + load.expectedOutbound();
        CompletableFuture<Long> handled = CompletableFuture.supplyAsync(
                () -> platform.awaitDelivered(sandbox, n -> n >= expected, options.timeout()));
        ClosedLoop.Result webhook = ClosedLoop.run(host, port, load.requestBytes());
        long doneAt = handled.join();
        long handlingNanos = doneAt < 0 ? -1 : doneAt - webhook.startedAt();
        CpuSeconds cpu = cpuSeconds().minus(cpuBefore);
        long eventsPosted = load.allRequests().stream().mapToLong(request -> request.events().size()).sum();

        Reconciliation.Outcome outcome = reconcile(load, people, baseline);
        return new LoadReport(options, ceiling, webhook, eventsPosted, handlingNanos, load.events().size(),
                load.songs(), cpu.server(), cpu.compiler(), cpu.emulators(), cpu.own(), outcome, server.memory());
    }

    private Reconciliation.Outcome reconcile(Workload load, List<Person> people, Map<String, Integer> baseline) {
        progress.println("closing with one help from each person, then reconciling every inbox...");
        Workload barrier = Workload.of(Workload.helpFromEach(platform, people, options.events(), "m-last-"),
                options.connections(), 1, 0, platform, host, random);
        runToCompletion(barrier);
        List<Event> all = new ArrayList<>(load.events());
        all.addAll(barrier.events());
        return Reconciliation.check(all, baseline, platform.inboxes(sandbox));
    }

    /** Sends the workload and waits until the bot has sent as many messages as it should for it; false on timeout. */
    private boolean runToCompletion(Workload workload) {
        long expected = platform.delivered(sandbox) + workload.expectedOutbound();
        ClosedLoop.run(host, port, workload.requestBytes());
        return platform.awaitDelivered(sandbox, n -> n >= expected, options.timeout()) >= 0;
    }

    private CpuSeconds cpuSeconds() {
        return new CpuSeconds(server.cpuSeconds(), server.compilerCpuSeconds(),
                emulators.map(ServerProcess::cpuSeconds).orElse(0.0),
                ProcessMemory.cpuSeconds(ProcessHandle.current().pid()));
    }

    /** CPU used so far by the server, its JIT compiler, the emulators' own process and this one. */
    private record CpuSeconds(double server, double compiler, double emulators, double own) {
        CpuSeconds minus(CpuSeconds before) {
            return new CpuSeconds(server - before.server, compiler - before.compiler, emulators - before.emulators,
                    own - before.own);
        }
    }
}
