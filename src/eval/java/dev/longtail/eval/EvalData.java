package dev.longtail.eval;

import java.util.List;

/**
 * A catalog with its users' ratings and tags, as read from disk, ids still as strings.
 *
 * @param movies  every catalog item
 * @param ratings every rating, any order
 * @param tags    every free-text tag, any order
 */
public record EvalData(List<Movie> movies, List<Rating> ratings, List<Tag> tags) {

    /** One catalog item; {@code genres} may be empty. */
    public record Movie(String id, String title, List<String> genres) {
    }

    /** One rating, 0.5..5 stars. */
    public record Rating(String user, String item, double stars, long timestampMillis) {
    }

    /** One tag a user gave an item. */
    public record Tag(String user, String item, String tag, long timestampMillis) {
    }
}
