package dev.longtail.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.longtail.catalog.Timestamps;
import dev.longtail.store.UserEvent;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The JSON body of a feedback message, read strictly: every problem names its field.
 *
 * <pre>{"eventId":"e-1","userId":"7","itemId":"42","type":"rating","value":4.5,
 *  "timestamp":"2018-09-26T10:00:00Z"}</pre>
 *
 * {@code value} is required for {@code rating} (0.5 to 5) and {@code text} for {@code review};
 * {@code timestamp} is ISO-8601 or epoch seconds or milliseconds.
 */
public final class FeedbackMessage {

    static final Set<String> TYPES = Set.of("view", "click", "like", "rating", "purchase", "review");
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackMessage() {
    }

    /**
     * @throws InvalidFeedbackException naming the field at fault when the body is not a valid event
     */
    public static UserEvent parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidFeedbackException("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidFeedbackException("body", "expected a JSON object");
        }
        String type = text(node, "type");
        if (!TYPES.contains(type)) {
            throw new InvalidFeedbackException("type", "'" + type + "' is not one of " + TYPES);
        }
        return new UserEvent(id(node, "eventId"), id(node, "userId"), id(node, "itemId"), type,
                value(node, type), reviewText(node, type), timestamp(node));
    }

    /** The JSON body for an event; {@link #parse} reads it back unchanged. */
    public static String write(UserEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", event.eventId()).put("userId", event.userId())
                .put("itemId", event.itemId()).put("type", event.type());
        if (event.value() != null) {
            node.put("value", event.value());
        }
        if (event.text() != null) {
            node.put("text", event.text());
        }
        node.put("timestamp", event.timestamp().toString());
        return node.toString();
    }

    private static String id(JsonNode node, String field) {
        String id = text(node, field);
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidFeedbackException(field, "longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidFeedbackException(field, "is missing");
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new InvalidFeedbackException(field, "expected text, found " + value.getNodeType());
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw new InvalidFeedbackException(field, "must not be empty");
        }
        return text;
    }

    private static Double value(JsonNode node, String type) {
        JsonNode value = node.get("value");
        if (!type.equals("rating")) {
            return null;
        }
        if (value == null || !value.isNumber()) {
            throw new InvalidFeedbackException("value", "a rating needs a numeric value from 0.5 to 5");
        }
        double rating = value.asDouble();
        if (!(rating >= 0.5 && rating <= 5)) {
            throw new InvalidFeedbackException("value", rating + " is outside the rating scale 0.5 to 5");
        }
        return rating;
    }

    private static String reviewText(JsonNode node, String type) {
        if (!type.equals("review")) {
            return null;
        }
        String text = text(node, "text");
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidFeedbackException("text", "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private static java.time.Instant timestamp(JsonNode node) {
        String raw = text(node, "timestamp");
        try {
            return Timestamps.parse(raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidFeedbackException("timestamp", "'" + raw
                    + "' is neither ISO-8601 nor epoch seconds or milliseconds");
        }
    }
}
