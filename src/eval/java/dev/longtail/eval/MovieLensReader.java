package dev.longtail.eval;

import dev.longtail.eval.EvalData.Movie;
import dev.longtail.eval.EvalData.Rating;
import dev.longtail.eval.EvalData.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the MovieLens CSV layout: {@code movies.csv} (movieId,title,genres with genres split by
 * '|'), {@code ratings.csv} (userId,movieId,rating,timestamp in seconds) and, when present,
 * {@code tags.csv} (userId,movieId,tag,timestamp). Fields may be double-quoted with doubled
 * quotes inside; the first line of each file is a header.
 *
 * <p>Known shortcoming: this repeats part of the product's upload parsing in
 * {@code dev.longtail.catalog}. It stays separate because the evaluation needs each tag's user
 * and time (to leave out tags from a user's held-out items), which the product's parser does
 * not hand on.
 */
public final class MovieLensReader implements EvalDataReader {

    private static final String NO_GENRES = "(no genres listed)";

    @Override
    public EvalData read(Path folder) throws IOException {
        List<Movie> movies = rows(folder.resolve("movies.csv"), 3, f -> new Movie(f[0], f[1],
                f[2].equals(NO_GENRES) ? List.of() : Arrays.asList(f[2].split("\\|"))));
        List<Rating> ratings = rows(folder.resolve("ratings.csv"), 4, f -> new Rating(f[0], f[1],
                Double.parseDouble(f[2]), Long.parseLong(f[3]) * 1000));
        Path tagFile = folder.resolve("tags.csv");
        List<Tag> tags = Files.exists(tagFile)
                ? rows(tagFile, 4, f -> new Tag(f[0], f[1], f[2], Long.parseLong(f[3]) * 1000))
                : List.of();
        return new EvalData(movies, ratings, tags);
    }

    private static <T> List<T> rows(Path file, int fields, Function<String[], T> parse)
            throws IOException {
        List<T> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] values = split(line);
                try {
                    if (values.length != fields) {
                        throw new IllegalArgumentException("expected " + fields + " fields, found "
                                + values.length);
                    }
                    rows.add(parse.apply(values));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + number + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return rows;
    }

    /** Splits one CSV line, honouring double quotes. */
    static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
