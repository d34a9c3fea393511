package dev.longtail.eval;

import dev.longtail.eval.EvalData.Movie;
import dev.longtail.eval.EvalData.Rating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link EvalData} with dense positions: items in catalog order, users in ascending id order,
 * and every user's ratings sorted by time (ties by item position). Ratings of items missing
 * from the catalog are dropped and counted.
 */
final class Dataset {

    /** One rating of one user. */
    record Event(int item, double stars, long timestampMillis) {
    }

    final List<Movie> movies;
    final String[] userIds;
    final Event[][] events;
    final int droppedRatings;

    private Dataset(List<Movie> movies, String[] userIds, Event[][] events, int droppedRatings) {
        this.movies = movies;
        this.userIds = userIds;
        this.events = events;
        this.droppedRatings = droppedRatings;
    }

    static Dataset of(EvalData data) {
        Map<String, Integer> positions = new HashMap<>();
        for (Movie movie : data.movies()) {
            positions.putIfAbsent(movie.id(), positions.size());
        }
        Map<String, List<Event>> byUser = new TreeMap<>(Comparator
                .comparingLong(Dataset::numericOrMax).thenComparing(Comparator.naturalOrder()));
        int dropped = 0;
        for (Rating rating : data.ratings()) {
            Integer item = positions.get(rating.item());
            if (item == null) {
                dropped++;
                continue;
            }
            byUser.computeIfAbsent(rating.user(), u -> new ArrayList<>())
                    .add(new Event(item, rating.stars(), rating.timestampMillis()));
        }
        String[] users = byUser.keySet().toArray(String[]::new);
        Event[][] events = new Event[users.length][];
        for (int u = 0; u < users.length; u++) {
            events[u] = byUser.get(users[u]).stream()
                    .sorted(Comparator.comparingLong(Event::timestampMillis)
                            .thenComparingInt(Event::item))
                    .toArray(Event[]::new);
        }
        return new Dataset(data.movies(), users, events, dropped);
    }

    private static long numericOrMax(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    int items() {
        return movies.size();
    }

    int users() {
        return userIds.length;
    }

    /**
     * The same catalog with {@code count} users spread evenly over the id order; all users when
     * {@code count} is 0 or at least {@link #users()}.
     */
    Dataset sample(int count) {
        if (count <= 0 || count >= users()) {
            return this;
        }
        String[] ids = new String[count];
        Event[][] kept = new Event[count][];
        for (int s = 0; s < count; s++) {
            int u = (int) ((long) s * users() / count);
            ids[s] = userIds[u];
            kept[s] = events[u];
        }
        return new Dataset(movies, ids, kept, droppedRatings);
    }
}
