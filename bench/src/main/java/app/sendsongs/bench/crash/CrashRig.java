package app.sendsongs.bench.crash;

import app.sendsongs.bench.load.ServerProcess;
import app.sendsongs.bench.load.Workload;
import app.sendsongs.sandbox.WebhookSigner;
import app.sendsongs.testsupport.DynaliteServer;
import app.sendsongs.testsupport.SandboxControl;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The processes of a crash run: the emulators in a process of their own (so their inboxes outlive
 * the server), the server in its {@code serve} wiring pointed at them, killed and started again on
 * the same SQLite file or DynamoDB table, and for DynamoDB a dynalite unless one is given.
 */
final class CrashRig implements AutoCloseable {
    private static final String APP_SECRET = "crash-test-app-secret";
    private static final int MOST_START_ATTEMPTS = 3;
    private static final Map<String, String> CREDENTIALS = Map.of("MESSENGER_APP_SECRET", APP_SECRET,
            "MESSENGER_PAGE_ACCESS_TOKEN", "crash-test-page-token", "SPOTIFY_CLIENT_ID", "crash-test-client",
            "SPOTIFY_CLIENT_SECRET", "crash-test-client-secret");

    private final ServerProcess sandbox;
    private final DynaliteServer dynalite;
    private final Map<String, String> serverEnvironment;
    private final List<String> serverJvm;
    private final int serverPort;
    private final Path serverLog;
    private final List<String> failedStarts = new ArrayList<>();
    private ServerProcess server;
    private int serverStarts;

    private CrashRig(ServerProcess sandbox, DynaliteServer dynalite, Map<String, String> serverEnvironment,
                     List<String> serverJvm, int serverPort, Path serverLog) {
        this.sandbox = sandbox;
        this.dynalite = dynalite;
        this.serverEnvironment = serverEnvironment;
        this.serverJvm = serverJvm;
        this.serverPort = serverPort;
        this.serverLog = serverLog;
    }

    /**
     * Starts the emulators and the server (and dynalite when the store is DynamoDB and no
     * {@code dynamoEndpoint} is given); the server's database and every log go to {@code dir}.
     */
    static CrashRig start(CrashOptions options, Path dir, Optional<URI> dynamoEndpoint) {
        int serverPort = ServerProcess.freePort();
        int sandboxPort = ServerProcess.freePort();
        ServerProcess sandbox = ServerProcess.start(List.of("sandbox", "--port", Integer.toString(sandboxPort),
                        "--bot-webhook-url", "http://127.0.0.1:" + serverPort + "/webhook"),
                // The emulators keep every inbox, and the echoes waiting for the killed server, for the whole run.
                jvm("512m", options), CREDENTIALS, sandboxPort, dir.resolve("sandbox.log"));
        DynaliteServer dynalite = null;
        try {
            // As the operator does: the echoes confirm the messages a killed server sent but could not record as sent.
            new SandboxControl(sandbox.baseUrl()).messengerSubscribeWithEchoes(
                    CREDENTIALS.get("MESSENGER_PAGE_ACCESS_TOKEN"));
            Map<String, String> environment = new HashMap<>(CREDENTIALS);
            environment.put("HOST", "127.0.0.1");
            environment.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + serverPort);
            environment.put("MESSENGER_VERIFY_TOKEN", "crash-test-verify-token");
            environment.put("TOKEN_ENCRYPTION_KEY", randomKey());
            environment.put("MESSENGER_GRAPH_BASE_URL", sandbox.baseUrl() + "/sandbox/graph");
            environment.put("SPOTIFY_ACCOUNTS_BASE_URL", sandbox.baseUrl() + "/sandbox/accounts");
            environment.put("SPOTIFY_API_BASE_URL", sandbox.baseUrl() + "/sandbox/api");
            environment.put("TICK_SECONDS", "1");
            environment.put("LEASE_SECONDS", Long.toString(options.lease().toSeconds()));
            environment.putAll(Workload.UNLIMITED_SENDING);
            if (options.store() == CrashOptions.Store.DYNAMODB) {
                if (dynamoEndpoint.isEmpty()) {
                    dynalite = startDynalite();
                }
                environment.putAll(dynamoDb(dynamoEndpoint.orElse(dynalite == null ? null : dynalite.endpoint())));
            } else {
                environment.put("SQLITE_PATH", dir.resolve("crash.db").toString());
            }
            CrashRig rig = new CrashRig(sandbox, dynalite, Map.copyOf(environment),
                    jvm(options.serverHeap(), options), serverPort, dir.resolve("server.log"));
            rig.startServer();
            return rig;
        } catch (RuntimeException e) {
            sandbox.close();
            if (dynalite != null) {
                dynalite.close();
            }
            throw e;
        }
    }

    String serverBase() {
        return "http://127.0.0.1:" + serverPort;
    }

    String host() {
        return "localhost";
    }

    int serverPort() {
        return serverPort;
    }

    String sandboxBase() {
        return sandbox.baseUrl();
    }

    WebhookSigner signer() {
        return new WebhookSigner(APP_SECRET);
    }

    /**
     * Starts the server on the same port and store, and waits until it answers. A server that exits
     * while starting (its store unreachable for a moment, say) is started again, as its supervisor
     * would, at most {@link #MOST_START_ATTEMPTS} times; each such failure is kept for the report.
     */
    void startServer() {
        for (int attempt = 1; ; attempt++) {
            try {
                server = ServerProcess.start(List.of("serve"), serverJvm, serverEnvironment, serverPort, serverLog);
                serverStarts++;
                return;
            } catch (IllegalStateException e) {
                if (attempt == MOST_START_ATTEMPTS) {
                    throw e;
                }
                failedStarts.add(e.getMessage());
            }
        }
    }

    /** Why each start that failed and was tried again failed (the server's last output). */
    List<String> failedStarts() {
        return List.copyOf(failedStarts);
    }

    /** {@code kill -9} of the server; waits until it is gone. */
    void killServer() {
        server.kill();
    }

    int serverStarts() {
        return serverStarts;
    }

    /** The last lines of the server's, the emulators' and dynalite's output, for error messages. */
    String tails() {
        return "server output:\n" + (server == null ? "(not started)" : server.tail()) + "\nsandbox output:\n"
                + sandbox.tail() + (dynalite == null ? "" : "\ndynalite output:\n" + dynalite.recentOutput());
    }

    /** Stops the server as SIGTERM would, then the emulators and dynalite. */
    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            sandbox.close();
            if (dynalite != null) {
                dynalite.close();
            }
        }
    }

    private static List<String> jvm(String heap, CrashOptions options) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
        jvm.addAll(options.jvmOptions());
        return List.copyOf(jvm);
    }

    private static DynaliteServer startDynalite() {
        Path node = DynaliteServer.node().orElseThrow(() -> new IllegalStateException(
                "--store dynamodb needs Node.js (node) on the PATH"));
        Path installation = DynaliteServer.installation().orElseThrow(() -> new IllegalStateException(
                "--store dynamodb needs dynalite in tools/dynalite (./run test or npm ci there installs it)"));
        return DynaliteServer.start(node, installation);
    }

    private static Map<String, String> dynamoDb(URI endpoint) {
        return Map.of("STORE", "dynamodb", "DYNAMODB_TABLE", "crash-" + UUID.randomUUID(), "AWS_REGION", "us-east-1",
                "DYNAMODB_ENDPOINT", endpoint.toString(), "DYNAMODB_CREATE_TABLE", "true",
                "AWS_ACCESS_KEY_ID", "dynalite", "AWS_SECRET_ACCESS_KEY", "dynalite");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
