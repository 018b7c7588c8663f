package app.sendsongs.lambda;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The AWS SDK clients a function uses, each built once, on first use. */
public interface AwsClients {
    SsmClient ssm();

    DynamoDbClient dynamoDb();

    SqsClient sqs();

    /**
     * Clients for the function's own region and role, as the Lambda runtime provides them ({@code AWS_REGION} and
     * the execution role's credentials), over the JDK's HTTP client. Nothing is resolved before first use, so no
     * credentials or connections end up in a SnapStart snapshot.
     */
    static AwsClients standard() {
        return new AwsClients() {
            private final Lazy<SsmClient> ssm = new Lazy<>(() -> SsmClient.builder()
                    .httpClient(UrlConnectionHttpClient.create()).build());
            private final Lazy<SqsClient> sqs = new Lazy<>(() -> SqsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create()).build());
            private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(() -> DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.create()).build());

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
        };
    }
}
