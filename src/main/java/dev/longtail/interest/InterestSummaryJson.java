package dev.longtail.interest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@link InterestSummary} as JSON, strictly: every field must be present with
 * the right JSON type, no other field is accepted, duplicate keys and trailing content are
 * rejected. Nothing is coerced (a weight written as a string is an error).
 *
 * <p>Stored form:
 * <pre>{"interests":[{"phrase":"space opera","weight":0.8}],"sentence":"...",
 * "source":"offline","createdAt":"2018-09-26T10:00:00Z"}</pre>
 * A model answer is the same without {@code source} and {@code createdAt}.
 */
public final class InterestSummaryJson {

    private static final Set<String> ANSWER_FIELDS = Set.of("interests", "sentence");
    private static final Set<String> STORED_FIELDS =
            Set.of("interests", "sentence", "source", "createdAt");
    private static final Set<String> INTEREST_FIELDS = Set.of("phrase", "weight");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InterestSummaryJson() {
    }

    /** @return the stored form of {@code summary}, on one line */
    public static String toJson(InterestSummary summary) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode interests = root.putArray("interests");
        for (WeightedInterest interest : summary.interests()) {
            interests.addObject()
                    .put("phrase", interest.phrase())
                    .put("weight", interest.weight());
        }
        root.put("sentence", summary.sentence());
        root.put("source", summary.source());
        root.put("createdAt", summary.createdAt().toString());
        return root.toString();
    }

    /**
     * Reads a summary written by {@link #toJson}.
     *
     * @throws InvalidSummaryException when the text is not exactly that structure
     */
    public static InterestSummary fromJson(String json) {
        JsonNode root = readObject(json, STORED_FIELDS);
        String source = text(root, "source");
        String createdAt = text(root, "createdAt");
        try {
            return summary(root, source, Instant.parse(createdAt));
        } catch (DateTimeParseException e) {
            throw new InvalidSummaryException("createdAt is not an ISO-8601 instant");
        }
    }

    /**
     * Reads the structured part of a model's answer: exactly
     * {@code {"interests":[{"phrase":..,"weight":..}, ...],"sentence":..}}.
     *
     * @param answer    the model's raw answer; may be {@code null} or empty (rejected)
     * @param source    recorded as the summary's source
     * @param createdAt recorded as the summary's creation time
     * @throws InvalidSummaryException when the answer is not exactly that structure
     */
    public static InterestSummary fromModelAnswer(String answer, String source, Instant createdAt) {
        return summary(readObject(answer, ANSWER_FIELDS), source, createdAt);
    }

    private static InterestSummary summary(JsonNode root, String source, Instant createdAt) {
        return new InterestSummary(interests(root), text(root, "sentence"), source, createdAt);
    }

    private static List<WeightedInterest> interests(JsonNode root) {
        JsonNode array = root.get("interests");
        if (!array.isArray()) {
            throw new InvalidSummaryException("interests must be a JSON array, was "
                    + array.getNodeType());
        }
        List<WeightedInterest> interests = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            requireExactFields(item, INTEREST_FIELDS, "interests[" + i + "]");
            JsonNode weight = item.get("weight");
            if (!weight.isNumber()) {
                throw new InvalidSummaryException("interests[" + i
                        + "].weight must be a number, was " + weight.getNodeType());
            }
            interests.add(new WeightedInterest(text(item, "phrase"), weight.doubleValue()));
        }
        return interests;
    }

    private static JsonNode readObject(String json, Set<String> fields) {
        if (json == null || json.isBlank()) {
            throw new InvalidSummaryException("summary JSON is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input, which may be user or model text.
            throw new InvalidSummaryException("summary is not valid JSON ("
                    + e.getClass().getSimpleName() + " at " + where(e) + ")");
        }
        requireExactFields(root, fields, "summary");
        return root;
    }

    private static String where(JsonProcessingException e) {
        if (e.getLocation() == null) {
            return "unknown position";
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static void requireExactFields(JsonNode node, Set<String> fields, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidSummaryException(where + " must be a JSON object, was "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidSummaryException(where + " has unexpected field (one of "
                        + node.size() + "); expected only " + fields);
            }
        }
        for (String field : fields) {
            if (!node.has(field)) {
                throw new InvalidSummaryException(where + " lacks field " + field);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new InvalidSummaryException(field + " must be a JSON string, was "
                    + value.getNodeType());
        }
        return value.textValue();
    }
}
