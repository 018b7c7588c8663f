package app.sendsongs.lambda;

import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.OperationRecorder;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * AWS clients for one function under test: the real SDK clients, as in production, pointed at the local
 * emulators, with a recorder of every call they make and faults a test can inject.
 */
final class TestAws implements AwsClients {
    private static final Region REGION = DynaliteExtension.REGION;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"));

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final InjectedFaults faults = new InjectedFaults();
    private final OperationRecorder operations = new OperationRecorder();
    private final Lazy<SsmClient> ssm;
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<SqsClient> sqs;

    TestAws(URI ssmEndpoint, URI dynamoDbEndpoint, URI sqsEndpoint) {
        ClientOverrideConfiguration recording = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(recorder)
                .addExecutionInterceptor(operations).addExecutionInterceptor(faults).build();
        this.ssm = new Lazy<>(() -> SsmClient.builder().endpointOverride(ssmEndpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(recording).build());
        this.dynamoDb = new Lazy<>(() -> DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(recording).build());
        this.sqs = new Lazy<>(() -> SqsClient.builder().endpointOverride(sqsEndpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(recording).build());
    }

    @Override
    public SsmClient ssm() {
        return ssm.get();
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    @Override
    public SqsClient sqs() {
        return sqs.get();
    }

    RecordingInterceptor recorder() {
        return recorder;
    }

    /** How often each operation was called (every call counts, unlike {@link #recorder()}'s set). */
    OperationRecorder operations() {
        return operations;
    }

    InjectedFaults faults() {
        return faults;
    }
}
