package app.sendsongs.lambda;

import app.sendsongs.testsupport.DynaliteExtension;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS-compatible server for tests: ElasticMQ (FIFO queues, deduplication, redrive to a dead-letter queue),
 * started once per test JVM on a free loopback port and stopped when the JVM's tests are done; a client of it
 * that records nothing (the operator's, for looking into queues); and a fresh pair of queues per
 * {@link #freshQueues()}, made as the deployment makes them and deleted after the test.
 */
final class ElasticMqExtension implements BeforeAllCallback, AfterEachCallback {
    static final String ACCESS_KEY = "elasticmq";
    static final String SECRET_KEY = "elasticmq";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ElasticMqExtension.class);

    private final List<IntakeQueues> queuesOfThisTest = new ArrayList<>();
    private volatile Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, key -> Server.start(),
                Server.class);
    }

    URI endpoint() {
        return running().endpoint();
    }

    /** A client of the server that no function's recorder sees. */
    SqsClient client() {
        return running().client();
    }

    /** The intake queue and its dead-letter queue, new and empty, with random names; deleted after the test. */
    IntakeQueues freshQueues() {
        IntakeQueues queues = IntakeQueues.create(client(), "test-" + UUID.randomUUID());
        synchronized (queuesOfThisTest) {
            queuesOfThisTest.add(queues);
        }
        return queues;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<IntakeQueues> queues;
        synchronized (queuesOfThisTest) {
            queues = List.copyOf(queuesOfThisTest);
            queuesOfThisTest.clear();
        }
        queues.forEach(pair -> pair.delete(client()));
    }

    private Server running() {
        if (server == null) {
            throw new IllegalStateException("ElasticMqExtension is not running: register it with @RegisterExtension "
                    + "on a static field");
        }
        return server;
    }

    /** The server and its client, closed by JUnit when every test of the JVM has run. */
    private record Server(SQSRestServer server, URI endpoint, SqsClient client)
            implements ExtensionContext.Store.CloseableResource {
        static Server start() {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                    .withAWSRegion(DynaliteExtension.REGION.id()).start();
            InetSocketAddress address = server.waitUntilStarted().localAddress();
            URI endpoint = URI.create("http://127.0.0.1:" + address.getPort());
            return new Server(server, endpoint, client(endpoint));
        }

        static SqsClient client(URI endpoint) {
            return SqsClient.builder().endpointOverride(endpoint).region(DynaliteExtension.REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                            SECRET_KEY)))
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }

        @Override
        public void close() {
            client.close();
            server.stopAndWait();
        }
    }
}
