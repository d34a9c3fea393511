package dev.longtail.eval;

import dev.longtail.catalog.CatalogItem;
import dev.longtail.catalog.Interaction;
import dev.longtail.catalog.Rejection;
import dev.longtail.catalog.UploadParser;
import dev.longtail.catalog.UploadSink;
import dev.longtail.eval.EvalData.Movie;
import dev.longtail.eval.EvalData.Rating;
import dev.longtail.eval.EvalData.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the MovieLens layout with the product's own upload parser: {@code movies.csv},
 * {@code ratings.csv} and, when present, {@code tags.csv}. The evaluation sees exactly the
 * items, genres, ratings and tags an upload of the same files would give the product.
 */
public final class MovieLensReader implements EvalDataReader {

    /**
     * @throws IllegalArgumentException for the first row the product's parser rejects, naming
     *                                  its file, line and field; for ratings that are not star
     *                                  ratings; or for a tag without a timestamp
     */
    @Override
    public EvalData read(Path folder) throws IOException {
        Collector collector = new Collector();
        parse(folder.resolve("movies.csv"), collector);
        parse(folder.resolve("ratings.csv"), collector);
        Path tags = folder.resolve("tags.csv");
        if (Files.exists(tags)) {
            parse(tags, collector);
        }
        return new EvalData(collector.movies, collector.ratings, collector.tags);
    }

    private static void parse(Path file, UploadSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            UploadParser.parse(file.getFileName().toString(), in, sink);
        }
    }

    /** Gathers the parsed rows; the evaluation wants a clean data set, so any rejection stops it. */
    private static final class Collector implements UploadSink {

        final List<Movie> movies = new ArrayList<>();
        final List<Rating> ratings = new ArrayList<>();
        final List<Tag> tags = new ArrayList<>();

        @Override
        public void item(CatalogItem item) {
            movies.add(new Movie(item.id(), item.title(), item.tags()));
        }

        @Override
        public void itemTag(long line, String userId, String itemId, String tag,
                Instant timestamp) {
            if (timestamp == null) {
                throw new IllegalArgumentException("tags.csv line " + line
                        + ": the evaluation needs a timestamp for every tag");
            }
            tags.add(new Tag(userId, itemId, tag, timestamp.toEpochMilli()));
        }

        @Override
        public void interaction(Interaction interaction) {
            if (interaction.value() == null) {
                throw new IllegalArgumentException("interaction of user " + interaction.userId()
                        + " with item " + interaction.itemId() + " is a '" + interaction.type()
                        + "', the evaluation needs star ratings");
            }
            ratings.add(new Rating(interaction.userId(), interaction.itemId(),
                    interaction.value(), interaction.timestamp().toEpochMilli()));
        }

        @Override
        public void reject(Rejection rejection) {
            throw new IllegalArgumentException("rejected row " + rejection);
        }
    }
}
