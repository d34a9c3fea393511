package dev.longtail.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients on the light URL-connection HTTP client. In AWS they take region and
 * credentials from the Lambda environment; with an endpoint override (a local server) they use
 * that endpoint, the given region or {@code us-east-1}, and fixed local credentials
 * ({@code local}/{@code local}).
 *
 * <p>One override serves all three services; S3 and SQS may each have their own instead, for
 * local servers that speak one protocol only (a DynamoDB-compatible server next to an
 * S3-compatible one).
 */
public final class AwsClients {

    private final Optional<URI> dynamoEndpoint;
    private final Optional<URI> s3Endpoint;
    private final Optional<URI> sqsEndpoint;
    private final Optional<String> region;

    /** Clients of AWS itself (empty {@code endpoint}) or all of one local server. */
    public AwsClients(Optional<URI> endpoint, Optional<String> region) {
        this(endpoint, Optional.empty(), Optional.empty(), region);
    }

    /**
     * @param endpoint    override of every service, or empty for AWS
     * @param s3Endpoint  override of S3 alone, taking precedence over {@code endpoint}
     * @param sqsEndpoint override of SQS alone, taking precedence over {@code endpoint}
     * @param region      the region; empty takes the Lambda environment's, or {@code us-east-1}
     *     with an override
     */
    public AwsClients(Optional<URI> endpoint, Optional<URI> s3Endpoint, Optional<URI> sqsEndpoint,
            Optional<String> region) {
        this.dynamoEndpoint = endpoint;
        this.s3Endpoint = s3Endpoint.or(() -> endpoint);
        this.sqsEndpoint = sqsEndpoint.or(() -> endpoint);
        this.region = region;
    }

    public DynamoDbClient dynamo() {
        return configure(DynamoDbClient.builder(), dynamoEndpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public S3Client s3() {
        S3ClientBuilder builder = configure(S3Client.builder(), s3Endpoint)
                .forcePathStyle(s3Endpoint.isPresent())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (s3Endpoint.isPresent()) {
            // Local S3-compatible servers (S3Proxy 2.6) refuse the trailing checksums the SDK
            // adds to every upload by default; checksums are then sent only where S3 requires.
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), sqsEndpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Optional<URI> endpoint) {
        region.map(Region::of).ifPresent(builder::region);
        if (endpoint.isPresent()) {
            builder.endpointOverride(endpoint.get()).credentialsProvider(localCredentials());
            if (region.isEmpty()) {
                builder.region(Region.US_EAST_1);
            }
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder;
    }

    private static AwsCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
