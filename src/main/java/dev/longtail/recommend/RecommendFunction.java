package dev.longtail.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.longtail.config.Components;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The recommend function, behind an API Gateway HTTP API (payload format 2.0). */
public class RecommendFunction {

    private static final Logger LOG = Logger.getLogger(RecommendFunction.class);

    private final Components components;

    @Inject
    public RecommendFunction(Components components) {
        this.components = components;
    }

    @Funq("recommend")
    public APIGatewayV2HTTPResponse recommend(APIGatewayV2HTTPEvent request) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = components.recommend().handle(request);
        LOG.infof("%s %s -> %d in %d ms", request.getRequestContext() == null ? "?"
                : request.getRequestContext().getHttp().getMethod(), request.getRawPath(),
                response.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
        return response;
    }
}
