package dev.longtail.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Finds the hosted models' API key. Deployed, it is read from Secrets Manager through the AWS
 * Parameters and Secrets Lambda extension, which the template attaches as a layer and which
 * listens inside the function's own sandbox; locally it may be set directly.
 */
final class ApiKeys {

    private static final String EXTENSION = "http://localhost:2773/secretsmanager/get?secretId=";

    private ApiKeys() {
    }

    /**
     * @throws IllegalStateException when neither a key nor a secret is configured, or the secret
     *     cannot be read
     */
    static String resolve(LongtailConfig.Llm llm) {
        if (llm.apiKey().isPresent()) {
            return llm.apiKey().get();
        }
        String secret = llm.apiKeySecret().orElseThrow(() -> new IllegalStateException(
                "a hosted model is configured but no API key: set longtail.llm.api-key-secret"
                        + " (LONGTAIL_LLM_API_KEY_SECRET) to the secret holding it"));
        return fromExtension(secret);
    }

    private static String fromExtension(String secret) {
        String token = System.getenv("AWS_SESSION_TOKEN");
        if (token == null) {
            throw new IllegalStateException("secret " + secret + " can only be read inside AWS Lambda;"
                    + " set longtail.llm.api-key for local runs");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(EXTENSION
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                .header("X-Aws-Parameters-Secrets-Token", token).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("secret " + secret + " could not be read: HTTP "
                        + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body()).path("SecretString").asText();
        } catch (IOException e) {
            throw new IllegalStateException("secret " + secret + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading secret " + secret, e);
        }
    }
}
