package dev.longtail.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Ranking metrics of the offline evaluation. Relevance is binary: every held-out item of a
 * user is relevant. {@code list} arguments are recommendation lists, best first, already cut
 * to the metric's length; {@code relevant} arrays are ascending item positions.
 */
final class Metrics {

    private Metrics() {
    }

    /** Normalised discounted cumulative gain with the log2(rank + 1) discount. */
    static double ndcg(int[] list, int[] relevant, int k) {
        double gain = 0;
        for (int rank = 0; rank < Math.min(k, list.length); rank++) {
            if (contains(relevant, list[rank])) {
                gain += discount(rank);
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, relevant.length); rank++) {
            ideal += discount(rank);
        }
        return ideal == 0 ? 0 : gain / ideal;
    }

    /** Share of the relevant items found in the list; 0 when nothing is relevant. */
    static double recall(int[] list, int[] relevant) {
        return relevant.length == 0 ? 0 : (double) hits(list, relevant) / relevant.length;
    }

    /** Recall over the relevant long-tail items only; NaN when none of them is long-tail. */
    static double tailRecall(int[] list, int[] relevant, boolean[] tail) {
        int[] relevantTail = Arrays.stream(relevant).filter(i -> tail[i]).toArray();
        return relevantTail.length == 0 ? Double.NaN : recall(list, relevantTail);
    }

    /** Share of the catalog that appears in at least one list. */
    static double coverage(List<int[]> lists, int catalogSize) {
        return (double) Arrays.stream(exposure(lists, catalogSize)).filter(c -> c > 0).count()
                / catalogSize;
    }

    /** Average percentage of long-tail items: the mean, over lists, of their tail share. */
    static double aplt(List<int[]> lists, boolean[] tail) {
        return lists.stream().filter(l -> l.length > 0)
                .mapToDouble(l -> (double) Arrays.stream(l).filter(i -> tail[i]).count() / l.length)
                .average().orElse(0);
    }

    /**
     * Gini index of how often each catalog item is recommended, over the whole catalog: 0 when
     * all items are shown equally often, near 1 when a few items take all exposure.
     */
    static double gini(List<int[]> lists, int catalogSize) {
        long[] exposure = Arrays.stream(exposure(lists, catalogSize)).asLongStream().sorted().toArray();
        long total = Arrays.stream(exposure).sum();
        if (total == 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < catalogSize; i++) {
            weighted += (2.0 * (i + 1) - catalogSize - 1) * exposure[i];
        }
        return weighted / ((double) catalogSize * total);
    }

    /**
     * Mean self-information {@code -log2 p(i)} of the recommended items, with
     * {@code p(i) = (users who consumed i + 1) / (users + 1)} in training, so that an item no one
     * consumed has a finite, largest value.
     */
    static double novelty(List<int[]> lists, int[] itemCounts, int users) {
        double sum = 0;
        long shown = 0;
        for (int[] list : lists) {
            for (int item : list) {
                sum += -Math.log((itemCounts[item] + 1.0) / (users + 1.0)) / Math.log(2);
                shown++;
            }
        }
        return shown == 0 ? 0 : sum / shown;
    }

    private static int[] exposure(List<int[]> lists, int catalogSize) {
        int[] counts = new int[catalogSize];
        for (int[] list : lists) {
            for (int item : list) {
                counts[item]++;
            }
        }
        return counts;
    }

    private static int hits(int[] list, int[] relevant) {
        int hits = 0;
        for (int item : list) {
            hits += contains(relevant, item) ? 1 : 0;
        }
        return hits;
    }

    private static boolean contains(int[] sorted, int item) {
        return Arrays.binarySearch(sorted, item) >= 0;
    }

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 2) / Math.log(2));
    }
}
