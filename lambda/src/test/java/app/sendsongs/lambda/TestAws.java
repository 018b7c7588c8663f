package app.sendsongs.lambda;

import app.sendsongs.testsupport.DynaliteExtension;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * AWS clients for one function under test: the real SDK clients, as in production, pointed at the local
 * emulators, with a recorder of every call they make.
 */
final class TestAws implements AwsClients {
    private static final Region REGION = DynaliteExtension.REGION;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"));

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final Lazy<SsmClient> ssm;
    private final Lazy<DynamoDbClient> dynamoDb;

    TestAws(URI ssmEndpoint, URI dynamoDbEndpoint) {
        ClientOverrideConfiguration recording = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(recorder).build();
        this.ssm = new Lazy<>(() -> SsmClient.builder().endpointOverride(ssmEndpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(recording).build());
        this.dynamoDb = new Lazy<>(() -> DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(REGION)
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

    RecordingInterceptor recorder() {
        return recorder;
    }
}
