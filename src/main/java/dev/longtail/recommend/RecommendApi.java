package dev.longtail.recommend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.longtail.core.ItemIndex;
import dev.longtail.core.Recommendation;
import dev.longtail.core.Recommender;
import dev.longtail.interest.InterestSummary;
import dev.longtail.interest.WeightedInterest;
import dev.longtail.store.EventStore;
import dev.longtail.store.ProfileStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0) of the recommend function:
 * <ul>
 * <li>{@code GET /users/{userId}/recommendations?count=10&tailWeight=0.3}</li>
 * <li>{@code GET /items/{itemId}/similar?count=10}</li>
 * <li>{@code GET /users/{userId}/interests}: the user's interest summary, 404 when there is none</li>
 * <li>{@code DELETE /users/{userId}}: erases the user's history and profile</li>
 * </ul>
 * Bad parameters answer 400 naming the parameter and its value; unknown items 404.
 */
public final class RecommendApi {

    static final int DEFAULT_COUNT = 10;
    private static final Pattern USER_RECOMMENDATIONS = Pattern.compile("^/users/([^/]+)/recommendations/?$");
    private static final Pattern USER_INTERESTS = Pattern.compile("^/users/([^/]+)/interests/?$");
    private static final Pattern ITEM_SIMILAR = Pattern.compile("^/items/([^/]+)/similar/?$");
    private static final Pattern USER = Pattern.compile("^/users/([^/]+)/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecommendService service;
    private final EventStore events;
    private final ProfileStore profiles;

    public RecommendApi(RecommendService service, EventStore events, ProfileStore profiles) {
        this.service = service;
        this.events = events;
        this.profiles = profiles;
    }

    /** Answers one request; never throws for bad input (that is a 4xx answer). */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        String method = method(request);
        String path = request.getRawPath() == null ? "/" : request.getRawPath();
        Map<String, String> query = query(request);
        try {
            Matcher user = USER_RECOMMENDATIONS.matcher(path);
            if (user.matches()) {
                return onlyGet(method, () -> recommendations(decode(user.group(1)), query));
            }
            Matcher interests = USER_INTERESTS.matcher(path);
            if (interests.matches()) {
                return onlyGet(method, () -> interests(decode(interests.group(1))));
            }
            Matcher item = ITEM_SIMILAR.matcher(path);
            if (item.matches()) {
                return onlyGet(method, () -> similar(decode(item.group(1)), query));
            }
            Matcher erase = USER.matcher(path);
            if (erase.matches() && method.equals("DELETE")) {
                return deleteUser(decode(erase.group(1)));
            }
            return error(404, "no route for " + method + " " + path, null, null);
        } catch (BadParameterException e) {
            return error(400, e.getMessage(), e.parameter, e.value);
        }
    }

    private APIGatewayV2HTTPResponse recommendations(String userId, Map<String, String> query) {
        int count = count(query);
        double tailWeight = tailWeight(query);
        RecommendService.UserList list = service.forUser(userId, count, tailWeight);
        ObjectNode body = JSON.createObjectNode().put("userId", userId)
                .put("coldStart", list.coldStart()).put("tailWeight", tailWeight);
        items(body, list);
        return json(200, body);
    }

    private APIGatewayV2HTTPResponse similar(String itemId, Map<String, String> query) {
        int count = count(query);
        Optional<RecommendService.UserList> list = service.similar(itemId, count);
        if (list.isEmpty()) {
            return error(404, "item '" + itemId + "' is not in the catalog (or has no vector yet)",
                    "itemId", itemId);
        }
        ObjectNode body = JSON.createObjectNode().put("itemId", itemId);
        items(body, list.get());
        return json(200, body);
    }

    private APIGatewayV2HTTPResponse interests(String userId) {
        Optional<ProfileStore.StoredInterests> stored = profiles.interests(userId);
        if (stored.isEmpty()) {
            return error(404, "user '" + userId + "' has no interest summary yet", "userId", userId);
        }
        InterestSummary summary = stored.get().summary();
        ObjectNode body = JSON.createObjectNode().put("userId", userId);
        ArrayNode list = body.putArray("interests");
        for (WeightedInterest interest : summary.interests()) {
            list.addObject().put("phrase", interest.phrase()).put("weight", interest.weight());
        }
        body.put("sentence", summary.sentence()).put("source", summary.source())
                .put("createdAt", summary.createdAt().toString());
        return json(200, body);
    }

    private APIGatewayV2HTTPResponse deleteUser(String userId) {
        int deletedEvents = events.deleteUser(userId);
        ProfileStore.Erased erased = profiles.delete(userId);
        ObjectNode body = JSON.createObjectNode().put("userId", userId)
                .put("eventsDeleted", deletedEvents).put("profileDeleted", erased.profile())
                .put("interestsDeleted", erased.interests());
        return json(200, body);
    }

    private static void items(ObjectNode body, RecommendService.UserList list) {
        ItemIndex index = list.index();
        ArrayNode items = body.putArray("items");
        int tail = 0;
        for (Recommendation r : list.items()) {
            boolean longTail = index.isTail(r.item());
            tail += longTail ? 1 : 0;
            items.addObject().put("itemId", index.id(r.item())).put("title", index.title(r.item()))
                    .put("score", Math.round(r.score() * 10_000) / 10_000.0)
                    .put("popularity", index.popularity(r.item())).put("longTail", longTail)
                    .put("reason", r.reason());
        }
        body.put("longTailCount", tail);
    }

    private static int count(Map<String, String> query) {
        String raw = query.get("count");
        if (raw == null) {
            return DEFAULT_COUNT;
        }
        try {
            int count = Integer.parseInt(raw.strip());
            if (count >= 1 && count <= Recommender.MAX_COUNT) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below with the same message as an out-of-range number.
        }
        throw new BadParameterException("count", raw, "count must be a whole number from 1 to "
                + Recommender.MAX_COUNT + ", was '" + raw + "'");
    }

    private double tailWeight(Map<String, String> query) {
        String raw = query.get("tailWeight");
        if (raw == null) {
            return service.defaultTailWeight();
        }
        try {
            double weight = Double.parseDouble(raw.strip());
            if (weight >= 0 && weight <= 1) {
                return weight;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below with the same message as an out-of-range number.
        }
        throw new BadParameterException("tailWeight", raw,
                "tailWeight must be a number from 0 to 1, was '" + raw + "'");
    }

    private static APIGatewayV2HTTPResponse onlyGet(String method,
            java.util.function.Supplier<APIGatewayV2HTTPResponse> get) {
        if (!method.equals("GET")) {
            return error(405, "method " + method + " is not allowed here; use GET", null, null);
        }
        return get.get();
    }

    private static String method(APIGatewayV2HTTPEvent request) {
        if (request.getRequestContext() != null && request.getRequestContext().getHttp() != null
                && request.getRequestContext().getHttp().getMethod() != null) {
            return request.getRequestContext().getHttp().getMethod().toUpperCase(java.util.Locale.ROOT);
        }
        return "GET";
    }

    private static Map<String, String> query(APIGatewayV2HTTPEvent request) {
        Map<String, String> query = new HashMap<>();
        if (request.getQueryStringParameters() != null) {
            query.putAll(request.getQueryStringParameters());
        } else if (request.getRawQueryString() != null && !request.getRawQueryString().isEmpty()) {
            for (String pair : request.getRawQueryString().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPResponse error(int status, String message, String parameter, String value) {
        ObjectNode body = JSON.createObjectNode().put("error", message);
        if (parameter != null) {
            body.put("parameter", parameter).put("value", value);
        }
        return json(status, body);
    }

    private static APIGatewayV2HTTPResponse json(int status, ObjectNode body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body)).withIsBase64Encoded(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** A query or path parameter with a value the API cannot use. */
    private static final class BadParameterException extends RuntimeException {
        private final String parameter;
        private final String value;

        BadParameterException(String parameter, String value, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
            this.value = value;
        }
    }
}
