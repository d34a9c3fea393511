package dev.longtail.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Serves the recommend function on 127.0.0.1 the way API Gateway would call it: each request
 * becomes an HTTP API (payload 2.0) event.
 */
final class LocalHttp {

    private LocalHttp() {
    }

    /** Serves until the process is stopped. */
    static void serve(int port, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler)
            throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> answer(exchange, handler));
        server.start();
        Demo.say("");
        Demo.say("Recommend API on http://127.0.0.1:" + port + " (Ctrl-C to stop), for example:");
        Demo.say("  curl 'http://127.0.0.1:" + port + "/users/1/recommendations?count=5&tailWeight=0.5'");
        Demo.say("  curl 'http://127.0.0.1:" + port + "/items/1/similar?count=5'");
        new CountDownLatch(1).await();
    }

    private static void answer(HttpExchange exchange,
            Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        APIGatewayV2HTTPResponse response = handler.apply(
                event(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query));
        byte[] body = response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.getStatusCode(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An HTTP API event as API Gateway builds it for a request. */
    static APIGatewayV2HTTPEvent event(String method, String rawPath, Map<String, String> query) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setStage("$default");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRawPath(rawPath);
        event.setRouteKey(method + " " + rawPath);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
