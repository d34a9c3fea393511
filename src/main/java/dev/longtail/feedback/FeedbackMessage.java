package dev.longtail.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.longtail.catalog.Timestamps;
import dev.longtail.store.UserEvent;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON body of a feedback message, read strictly: every problem names its field.
 *
 * <pre>{"eventId":"e-1","userId":"7","itemId":"42","type":"rating","value":4.5,
 *  "timestamp":"2018-09-26T10:00:00Z"}</pre>
 *
 * {@code value} is required for {@code rating} (0.5 to 5) and {@code text} for {@code review};
 * {@code timestamp} is ISO-8601 or epoch seconds or milliseconds.
 *
 * <p>A message may also carry a run of events, {@code {"events":[{...},{...}]}}: ingest sends an
 * uploaded interaction log that way, one run per user and at most {@link #MAX_RUN} events, so
 * that a history is applied in a few writes instead of four per event.
 */
public final class FeedbackMessage {

    static final Set<String> TYPES = Set.of("view", "click", "like", "rating", "purchase", "review");
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 10_000;
    /** The most events one message may carry. */
    public static final int MAX_RUN = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackMessage() {
    }

    /**
     * The events of a message: its good events, and one exception per bad one naming the event's
     * position and field.
     */
    public record Parsed(List<UserEvent> events, List<InvalidFeedbackException> errors) {
    }

    /**
     * Reads a message holding one event or a run of events.
     *
     * @throws InvalidFeedbackException when the body as a whole is unreadable
     */
    public static Parsed parseAll(String body) {
        JsonNode node = tree(body);
        JsonNode run = node.get("events");
        if (run == null) {
            return new Parsed(List.of(event(node)), List.of());
        }
        if (!run.isArray() || run.isEmpty() || run.size() > MAX_RUN) {
            throw new InvalidFeedbackException("events", "expected a list of 1 to " + MAX_RUN + " events");
        }
        List<UserEvent> events = new ArrayList<>();
        List<InvalidFeedbackException> errors = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            try {
                events.add(event(run.get(i)));
            } catch (InvalidFeedbackException e) {
                errors.add(new InvalidFeedbackException("events[" + i + "]." + e.field(), e.reason()));
            }
        }
        return new Parsed(events, errors);
    }

    /** The JSON body for a run of events; {@link #parseAll} reads it back unchanged. */
    public static String writeRun(List<UserEvent> events) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode run = body.putArray("events");
        events.forEach(event -> run.add(node(event)));
        return body.toString();
    }

    private static JsonNode tree(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidFeedbackException("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidFeedbackException("body", "expected a JSON object");
        }
        return node;
    }

    private static UserEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidFeedbackException("event", "expected a JSON object");
        }
        String type = text(node, "type");
        if (!TYPES.contains(type)) {
            throw new InvalidFeedbackException("type", "'" + type + "' is not one of " + TYPES);
        }
        return new UserEvent(id(node, "eventId"), id(node, "userId"), id(node, "itemId"), type,
                value(node, type), reviewText(node, type), timestamp(node));
    }

    /** The JSON body for one event; {@link #parseAll} reads it back unchanged. */
    public static String write(UserEvent event) {
        return node(event).toString();
    }

    private static ObjectNode node(UserEvent event) {
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
        return node;
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
