package app.sendsongs.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB-compatible server for tests: dynalite (tools/dynalite), started once per test JVM on
 * a free loopback port and stopped when the JVM's tests are done; a client for it per test class
 * (dummy static credentials, region us-east-1, the JDK's HTTP client) that records the operations
 * it sends; and a fresh table per call of {@link #freshTable()}, deleted after the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
 * ...
 * Stores stores = DynamoStores.create(DYNAMO.client(), DYNAMO.freshTable(), cipher);
 * }</pre>
 *
 * <p>Without Node.js or without dynalite installed ({@code ./run test} installs it with
 * {@code npm ci}), the tests are skipped, unless {@code CI=true} or
 * {@code SEND_SONGS_DYNAMODB_TESTS=required}, where they fail.
 */
public final class DynaliteExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCESS_KEY = "dynalite";
    public static final String SECRET_KEY = "dynalite";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynaliteExtension.class);

    private final BiConsumer<DynamoDbClient, String> createTable;
    private final List<String> tablesOfThisTest = new ArrayList<>();
    private volatile DynaliteServer server;
    private volatile Client client;

    /** {@code createTable} makes a table of the given name ready for use, e.g. {@code DynamoStores::createTable}. */
    public DynaliteExtension(BiConsumer<DynamoDbClient, String> createTable) {
        this.createTable = createTable;
    }

    /**
     * Starts the server (once per JVM) and this test class's client (nested classes share it). If
     * dynalite cannot run here, fails under CI and otherwise lets every test be skipped with the reason.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store jvm = context.getRoot().getStore(NAMESPACE);
        Optional<String> missing = jvm.getOrComputeIfAbsent(Missing.class, key -> Missing.check(), Missing.class).why();
        if (missing.isPresent()) {
            if (required()) {
                Assertions.fail(missing.get());
            }
            return;
        }
        server = jvm.getOrComputeIfAbsent(Server.class, key -> new Server(start()), Server.class).server();
        client = context.getStore(NAMESPACE).getOrComputeIfAbsent(Client.class, key -> Client.of(server),
                Client.class);
    }

    /** Skips the test, with the reason, when dynalite cannot run here. */
    @Override
    public void beforeEach(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).get(Missing.class, Missing.class).why().ifPresent(Assumptions::abort);
    }

    /** Whether the server runs (false when the tests are being skipped for want of dynalite). */
    public boolean isRunning() {
        return client != null;
    }

    /** A client of the server for this test class; closed after the class. */
    public DynamoDbClient client() {
        return clientResource().client();
    }

    /** The server's endpoint, for a runtime configured by URL (e.g. {@code DYNAMODB_ENDPOINT}). */
    public URI endpoint() {
        if (server == null) {
            throw notRunning();
        }
        return server.endpoint();
    }

    /** Every DynamoDB operation {@link #client()} has sent, with how often. */
    public OperationRecorder operations() {
        return clientResource().operations();
    }

    /** Another client of the server, as a second process would have one (the caller closes it). */
    public DynamoDbClient newClient() {
        return Client.build(endpoint(), new OperationRecorder());
    }

    /** A new, empty table with a random name, created with the constructor's function; deleted after the test. */
    public String freshTable() {
        String name = "test-" + UUID.randomUUID();
        createTable.accept(client(), name);
        synchronized (tablesOfThisTest) {
            tablesOfThisTest.add(name);
        }
        return name;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> tables;
        synchronized (tablesOfThisTest) {
            tables = List.copyOf(tablesOfThisTest);
            tablesOfThisTest.clear();
        }
        tables.forEach(name -> client().deleteTable(r -> r.tableName(name)));
    }

    private Client clientResource() {
        if (client == null) {
            throw notRunning();
        }
        return client;
    }

    private static IllegalStateException notRunning() {
        return new IllegalStateException("DynaliteExtension is not running: register it with @RegisterExtension "
                + "on a static field");
    }

    private static DynaliteServer start() {
        return DynaliteServer.start(DynaliteServer.node().orElseThrow(), DynaliteServer.installation().orElseThrow());
    }

    /** Under CI (or when asked) the DynamoDB tests must run: a missing dynalite fails them. */
    private static boolean required() {
        return "true".equals(System.getenv("CI")) || "required".equals(System.getenv("SEND_SONGS_DYNAMODB_TESTS"));
    }

    /** Why dynalite cannot run here, if it cannot; checked once per JVM and told once on standard error. */
    private record Missing(Optional<String> why) {
        static Missing check() {
            Optional<String> what = DynaliteServer.node().isEmpty() ? Optional.of("Node.js (node) is not on the PATH")
                    : DynaliteServer.installation().isEmpty() ? Optional.of("dynalite is not installed in tools/dynalite")
                    : Optional.empty();
            Optional<String> why = what.map(reason -> "The DynamoDB tests need dynalite: " + reason
                    + ". Install Node.js 20+ and npm (apt-get install nodejs npm), then run ./run test (it runs npm ci "
                    + "in tools/dynalite).");
            if (!required()) {
                why.ifPresent(message -> System.err.println("[WARNING] " + message + " Skipping them."));
            }
            return new Missing(why);
        }
    }

    /** The server, closed by JUnit when every test of the JVM has run. */
    private record Server(DynaliteServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    /** A test class's client and what it sent, closed by JUnit after the class. */
    private record Client(DynamoDbClient client, OperationRecorder operations)
            implements ExtensionContext.Store.CloseableResource {
        static Client of(DynaliteServer server) {
            OperationRecorder operations = new OperationRecorder();
            return new Client(build(server.endpoint(), operations), operations);
        }

        static DynamoDbClient build(URI endpoint, OperationRecorder operations) {
            return DynamoDbClient.builder()
                    .endpointOverride(endpoint)
                    .region(REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(config -> config.addExecutionInterceptor(operations))
                    .build();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
