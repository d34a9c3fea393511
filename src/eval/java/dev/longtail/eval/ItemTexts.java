package dev.longtail.eval;

import dev.longtail.eval.EvalData.Movie;
import dev.longtail.eval.EvalData.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The text each item is embedded from: title, genres and its most frequent tags, for example
 * "Heat (1995). Genres: Action, Crime, Thriller. Tags: heist, los angeles."
 *
 * <p>A tag a user put on an item that is in that user's held-out part is left out: it would
 * tell the content signal about a consumption the evaluation asks the systems to predict.
 */
final class ItemTexts {

    static final int TAGS_PER_ITEM = 10;

    private ItemTexts() {
    }

    /**
     * @param heldOut per user id, the item ids of that user's held-out part
     * @return one text per movie, in catalog order
     */
    static List<String> of(List<Movie> movies, List<List<String>> topTags) {
        List<String> texts = new ArrayList<>(movies.size());
        for (int i = 0; i < movies.size(); i++) {
            texts.add(text(movies.get(i), topTags.get(i)));
        }
        return texts;
    }

    /**
     * Each movie's most frequent tags, lower case, most frequent first.
     *
     * @param heldOut per user id, the item ids of that user's held-out part
     */
    static List<List<String>> topTags(List<Movie> movies, List<Tag> tags,
            Map<String, Set<String>> heldOut) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Tag tag : tags) {
            if (heldOut.getOrDefault(tag.user(), Set.of()).contains(tag.item())) {
                continue;
            }
            String text = tag.tag().strip().toLowerCase(Locale.ROOT);
            if (!text.isEmpty()) {
                counts.computeIfAbsent(tag.item(), i -> new TreeMap<>()).merge(text, 1, Integer::sum);
            }
        }
        List<List<String>> top = new ArrayList<>(movies.size());
        for (Movie movie : movies) {
            top.add(counts.getOrDefault(movie.id(), Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(TAGS_PER_ITEM)
                    .map(Map.Entry::getKey)
                    .toList());
        }
        return top;
    }

    private static String text(Movie movie, List<String> top) {
        StringBuilder text = new StringBuilder(movie.title()).append('.');
        if (!movie.genres().isEmpty()) {
            text.append(" Genres: ").append(String.join(", ", movie.genres())).append('.');
        }
        if (!top.isEmpty()) {
            text.append(" Tags: ").append(String.join(", ", top)).append('.');
        }
        return text.toString();
    }

    /** Item ids of every user's held-out part. */
    static Map<String, Set<String>> heldOut(Dataset data, TemporalSplit split) {
        Map<String, Set<String>> byUser = new HashMap<>();
        for (int u = 0; u < data.users(); u++) {
            Set<String> items = new HashSet<>();
            for (Dataset.Event event : split.test()[u]) {
                items.add(data.movies.get(event.item()).id());
            }
            byUser.put(data.userIds[u], items);
        }
        return byUser;
    }
}
