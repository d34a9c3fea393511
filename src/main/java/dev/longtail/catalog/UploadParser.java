package dev.longtail.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams an uploaded file into an {@link UploadSink}: catalogs as CSV with a header or as JSON
 * Lines, the MovieLens layout ({@code movies.csv}, {@code tags.csv}, {@code ratings.csv}) and
 * interaction logs as CSV. Rows are read one at a time, so memory does not grow with the file.
 *
 * <p>A row that fails validation is passed to {@link UploadSink#reject} with its line and field
 * and the rest of the file is still read. Only a file that cannot be recognised at all, or whose
 * quoting breaks so that no later row can be trusted, stops early (with one rejection).
 */
public final class UploadParser {

    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TITLE_LENGTH = 1000;
    static final int MAX_TAG_LENGTH = 100;
    static final Set<String> INTERACTION_TYPES =
            Set.of("view", "click", "like", "rating", "purchase", "review");

    private static final ObjectMapper JSON = new ObjectMapper();

    private UploadParser() {
    }

    /**
     * Reads {@code in} to its end, closing it.
     *
     * @param file name or object key of the upload, used to recognise JSON Lines and in messages
     * @return the kind of upload, or {@code null} when it was not recognised (then one rejection
     *     for line 1 says why)
     */
    public static UploadKind parse(String file, InputStream in, UploadSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (UploadKind.isJsonLines(file)) {
            try (reader) {
                readJsonLines(file, reader, sink);
            }
            return UploadKind.CATALOG_JSONL;
        }
        try (CsvReader csv = new CsvReader(reader)) {
            return readCsv(file, csv, sink);
        }
    }

    private static UploadKind readCsv(String file, CsvReader csv, UploadSink sink) throws IOException {
        CsvReader.Row header = csv.next();
        if (header == null) {
            sink.reject(new Rejection(file, 1, "header", "the file is empty"));
            return null;
        }
        Map<String, Integer> columns = columnIndex(header.fields());
        UploadKind kind = UploadKind.ofCsvHeader(columns.keySet());
        if (kind == null) {
            sink.reject(new Rejection(file, 1, "header", "unrecognised columns " + header.fields()
                    + "; expected id,title,... or userId,itemId,... or the MovieLens layout"));
            return null;
        }
        RowReader rows = new RowReader(file, columns, sink);
        try {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                    continue;
                }
                rows.accept(kind, row);
            }
        } catch (MalformedRowException e) {
            sink.reject(new Rejection(file, e.line(), "row", e.getMessage()
                    + "; the rest of the file was not read"));
        }
        return kind;
    }

    private static Map<String, Integer> columnIndex(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normalise(header.get(i)), i);
        }
        return columns;
    }

    static String normalise(String column) {
        return column.strip().replace("\uFEFF", "").replaceAll("[_\\-\\s]", "").toLowerCase(Locale.ROOT);
    }

    /** Turns the CSV rows of one recognised file into items, tags or interactions. */
    private static final class RowReader {
        private final String file;
        private final Map<String, Integer> columns;
        private final UploadSink sink;

        RowReader(String file, Map<String, Integer> columns, UploadSink sink) {
            this.file = file;
            this.columns = columns;
            this.sink = sink;
        }

        void accept(UploadKind kind, CsvReader.Row row) {
            try {
                switch (kind) {
                    case MOVIELENS_MOVIES -> sink.item(movie(row));
                    case MOVIELENS_TAGS -> itemTag(row);
                    case INTERACTIONS_CSV -> sink.interaction(interaction(row));
                    case CATALOG_CSV -> sink.item(catalogItem(row));
                    default -> throw new IllegalStateException("not a CSV kind: " + kind);
                }
            } catch (RowException e) {
                sink.reject(new Rejection(file, row.line(), e.field, e.getMessage()));
            }
        }

        private void itemTag(CsvReader.Row row) {
            String userId = id(row, "userid");
            String itemId = id(row, "movieid");
            String tag = tag(row, "tag", required(row, "tag"));
            Instant timestamp = columns.containsKey("timestamp") ? timestamp(row) : null;
            sink.itemTag(row.line(), userId, itemId, tag, timestamp);
        }

        private CatalogItem movie(CsvReader.Row row) {
            List<String> genres = new ArrayList<>();
            for (String genre : split(optional(row, "genres"))) {
                if (!genre.equals("(no genres listed)")) {
                    genres.add(tag(row, "genres", genre));
                }
            }
            return new CatalogItem(id(row, "movieid"), title(row), "", genres, Map.of());
        }

        private CatalogItem catalogItem(CsvReader.Row row) {
            String id = columns.containsKey("id") ? id(row, "id") : id(row, "itemid");
            Set<String> tags = new LinkedHashSet<>();
            for (String column : List.of("tags", "categories", "genres")) {
                for (String tag : split(optional(row, column))) {
                    tags.add(tag(row, column, tag));
                }
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            columns.forEach((name, index) -> {
                if (!Set.of("id", "itemid", "title", "description", "tags", "categories", "genres")
                        .contains(name) && index < row.fields().size()
                        && !row.fields().get(index).isBlank()) {
                    attributes.put(name, row.fields().get(index).strip());
                }
            });
            return new CatalogItem(id, title(row), optional(row, "description"), List.copyOf(tags),
                    attributes);
        }

        private Interaction interaction(CsvReader.Row row) {
            String userId = id(row, "userid");
            String itemId = columns.containsKey("itemid") ? id(row, "itemid") : id(row, "movieid");
            String type = optional(row, "type").toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                type = columns.containsKey("rating") ? "rating" : "view";
            }
            if (!INTERACTION_TYPES.contains(type)) {
                throw new RowException("type", "unknown interaction type '" + type
                        + "', expected one of " + INTERACTION_TYPES);
            }
            Double value = null;
            if (type.equals("rating")) {
                String column = columns.containsKey("rating") ? "rating" : "value";
                value = rating(required(row, column), column);
            }
            String text = type.equals("review") ? required(row, "text") : null;
            return new Interaction(userId, itemId, type, value, text, timestamp(row));
        }

        private Instant timestamp(CsvReader.Row row) {
            String raw = required(row, "timestamp");
            try {
                return Timestamps.parse(raw);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new RowException("timestamp", "'" + raw
                        + "' is neither epoch seconds, epoch milliseconds nor ISO-8601");
            }
        }

        private String id(CsvReader.Row row, String column) {
            String id = required(row, column);
            if (id.length() > MAX_ID_LENGTH) {
                throw new RowException(column, "id is longer than " + MAX_ID_LENGTH + " characters");
            }
            return id;
        }

        private String title(CsvReader.Row row) {
            String title = required(row, "title");
            if (title.length() > MAX_TITLE_LENGTH) {
                throw new RowException("title", "title is longer than " + MAX_TITLE_LENGTH
                        + " characters");
            }
            return title;
        }

        private String required(CsvReader.Row row, String column) {
            String value = optional(row, column);
            if (value.isEmpty()) {
                throw new RowException(column, columns.containsKey(column)
                        && columns.get(column) >= row.fields().size()
                        ? "missing: the row has only " + row.fields().size() + " fields"
                        : "must not be empty");
            }
            return value;
        }

        private String optional(CsvReader.Row row, String column) {
            Integer index = columns.get(column);
            if (index == null || index >= row.fields().size()) {
                return "";
            }
            return row.fields().get(index).strip();
        }
    }

    private static void readJsonLines(String file, BufferedReader reader, UploadSink sink)
            throws IOException {
        long line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                sink.item(jsonItem(JSON.readTree(text)));
            } catch (JsonProcessingException e) {
                sink.reject(new Rejection(file, line, "row", "not valid JSON: "
                        + e.getOriginalMessage()));
            } catch (RowException e) {
                sink.reject(new Rejection(file, line, e.field, e.getMessage()));
            }
        }
    }

    private static CatalogItem jsonItem(JsonNode node) {
        if (!node.isObject()) {
            throw new RowException("row", "expected a JSON object");
        }
        String id = jsonText(node, node.has("id") ? "id" : "itemId", true);
        if (id.length() > MAX_ID_LENGTH) {
            throw new RowException("id", "id is longer than " + MAX_ID_LENGTH + " characters");
        }
        String title = jsonText(node, "title", true);
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new RowException("title", "title is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String field : List.of("tags", "categories", "genres")) {
            tags.addAll(jsonTags(node, field));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode extra = node.get("attributes");
        if (extra != null && !extra.isNull()) {
            if (!extra.isObject()) {
                throw new RowException("attributes", "expected an object of names to values");
            }
            extra.fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        }
        return new CatalogItem(id, title, jsonText(node, "description", false), List.copyOf(tags),
                attributes);
    }

    private static String jsonText(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw new RowException(field, "must be present and not empty");
            }
            return "";
        }
        if (!value.isValueNode()) {
            throw new RowException(field, "expected text, found " + value.getNodeType());
        }
        return value.asText().strip();
    }

    private static List<String> jsonTags(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return checkedTags(field, split(value.asText()));
        }
        if (!value.isArray()) {
            throw new RowException(field, "expected a list of strings or a '|'-separated string");
        }
        List<String> tags = new ArrayList<>();
        value.forEach(tag -> tags.add(tag.asText().strip()));
        return checkedTags(field, tags);
    }

    private static List<String> checkedTags(String field, List<String> tags) {
        List<String> checked = new ArrayList<>();
        for (String tag : tags) {
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new RowException(field, "tag longer than " + MAX_TAG_LENGTH + " characters");
            }
            if (!tag.isEmpty()) {
                checked.add(tag);
            }
        }
        return checked;
    }

    private static String tag(CsvReader.Row row, String column, String tag) {
        if (tag.length() > MAX_TAG_LENGTH) {
            throw new RowException(column, "tag longer than " + MAX_TAG_LENGTH + " characters");
        }
        return tag;
    }

    private static double rating(String raw, String column) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new RowException(column, "'" + raw + "' is not a number");
        }
        if (!(value >= 0.5 && value <= 5)) {
            throw new RowException(column, raw + " is outside the rating scale 0.5 to 5");
        }
        return value;
    }

    private static List<String> split(String joined) {
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("[|;]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /** A row-level validation failure naming the field at fault. */
    private static final class RowException extends RuntimeException {
        private final String field;

        RowException(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
