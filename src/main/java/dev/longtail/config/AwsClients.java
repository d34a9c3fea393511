package dev.longtail.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients on the light URL-connection HTTP client. In AWS they take region and
 * credentials from the Lambda environment; with an endpoint override (a local server) they use
 * that endpoint, the given region or {@code us-east-1}, and fixed local credentials.
 */
public final class AwsClients {

    private final Optional<URI> endpoint;
    private final Optional<String> region;

    public AwsClients(Optional<URI> endpoint, Optional<String> region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    public DynamoDbClient dynamo() {
        return configure(DynamoDbClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(endpoint.isPresent())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
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
