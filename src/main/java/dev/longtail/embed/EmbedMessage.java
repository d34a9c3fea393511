package dev.longtail.embed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON body of an embed message: items to (re-)embed, or a user whose interest summary is due.
 *
 * <pre>{"kind":"items","itemIds":["1","2"]}   {"kind":"item","itemId":"1"}
 * {"kind":"profile","userId":"7"}</pre>
 *
 * @param itemIds items to embed (empty for a profile message)
 * @param userId  the user whose summary to refresh, or {@code null}
 */
public record EmbedMessage(List<String> itemIds, String userId) {

    /** The most item ids one message may carry. */
    public static final int MAX_ITEMS = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    public EmbedMessage {
        itemIds = List.copyOf(itemIds);
    }

    /** @throws IllegalArgumentException naming the field at fault */
    public static EmbedMessage parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body: not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("body: expected a JSON object");
        }
        String kind = node.path("kind").asText("");
        return switch (kind) {
            case "item" -> new EmbedMessage(List.of(text(node, "itemId")), null);
            case "items" -> new EmbedMessage(ids(node), null);
            case "profile" -> new EmbedMessage(List.of(), text(node, "userId"));
            default -> throw new IllegalArgumentException("kind: '" + kind
                    + "' is not one of item, items, profile");
        };
    }

    /** The body asking to embed these items. */
    public static String forItems(List<String> itemIds) {
        ObjectNode node = JSON.createObjectNode().put("kind", "items");
        ArrayNode ids = node.putArray("itemIds");
        itemIds.forEach(ids::add);
        return node.toString();
    }

    /** The body asking to refresh this user's interest summary. */
    public static String forProfile(String userId) {
        return JSON.createObjectNode().put("kind", "profile").put("userId", userId).toString();
    }

    private static List<String> ids(JsonNode node) {
        JsonNode ids = node.get("itemIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new IllegalArgumentException("itemIds: expected a non-empty list of item ids");
        }
        if (ids.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("itemIds: at most " + MAX_ITEMS + " per message, got " + ids.size());
        }
        List<String> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new IllegalArgumentException("itemIds: every id must be non-empty text, found " + id);
            }
            list.add(id.asText());
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + ": is missing or empty");
        }
        return value.asText();
    }
}
