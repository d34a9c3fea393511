package dev.longtail.eval;

import dev.longtail.core.CoOccurrence;
import dev.longtail.core.Interaction;
import dev.longtail.core.ItemIndex;
import dev.longtail.core.Signals;
import dev.longtail.eval.Dataset.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training part of a split in the shapes the systems need: per-user histories as the
 * product's {@link Interaction}s, per-item user counts, co-consumption counts and an
 * {@link ItemIndex} whose popularity is the training count.
 */
final class Training {

    final Event[][] events;
    final int[] itemCounts;
    final int[][] userItems;
    final List<List<Interaction>> histories;
    final CoOccurrence co;
    final ItemIndex index;

    Training(Dataset data, Event[][] train, float[] vectors, int dimension) {
        this.events = train;
        int items = data.items();
        userItems = new int[train.length][];
        histories = new ArrayList<>(train.length);
        itemCounts = new int[items];
        for (int u = 0; u < train.length; u++) {
            userItems[u] = Arrays.stream(train[u]).mapToInt(Event::item).distinct().toArray();
            for (int item : userItems[u]) {
                itemCounts[item]++;
            }
            histories.add(Arrays.stream(train[u])
                    .map(e -> new Interaction(e.item(), Signals.weight("rating", e.stars()),
                            e.timestampMillis()))
                    .toList());
        }
        co = coOccurrence(items, userItems);
        String[] ids = data.movies.stream().map(EvalData.Movie::id).toArray(String[]::new);
        String[] titles = data.movies.stream().map(EvalData.Movie::title).toArray(String[]::new);
        index = new ItemIndex(ids, titles, itemCounts, vectors, dimension);
    }

    int users() {
        return events.length;
    }

    int items() {
        return itemCounts.length;
    }

    /**
     * Pair counts built one item row at a time from an inverted index, so that each unordered
     * pair reaches the builder once with its final count.
     */
    private static CoOccurrence coOccurrence(int items, int[][] userItems) {
        int[][] itemUsers = invert(items, userItems);
        int[] together = new int[items];
        int[] touched = new int[items];
        CoOccurrence.Builder builder = CoOccurrence.builder(items);
        for (int a = 0; a < items; a++) {
            int touchedCount = 0;
            for (int user : itemUsers[a]) {
                for (int b : userItems[user]) {
                    if (b > a && together[b]++ == 0) {
                        touched[touchedCount++] = b;
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                builder.add(a, touched[t], together[touched[t]]);
                together[touched[t]] = 0;
            }
        }
        return builder.build();
    }

    private static int[][] invert(int items, int[][] userItems) {
        int[] sizes = new int[items];
        for (int[] row : userItems) {
            for (int item : row) {
                sizes[item]++;
            }
        }
        int[][] itemUsers = new int[items][];
        for (int i = 0; i < items; i++) {
            itemUsers[i] = new int[sizes[i]];
            sizes[i] = 0;
        }
        for (int u = 0; u < userItems.length; u++) {
            for (int item : userItems[u]) {
                itemUsers[item][sizes[item]++] = u;
            }
        }
        return itemUsers;
    }
}
