package dev.longtail.core;

/**
 * The {@code capacity} best-scoring items offered so far, kept in a min-heap over primitive
 * arrays so that offering an item allocates nothing. Ties keep the lower position.
 */
final class TopItems {

    private final int[] items;
    private final float[] scores;
    private int size;

    TopItems(int capacity) {
        items = new int[Math.max(capacity, 0)];
        scores = new float[items.length];
    }

    /** Smallest score that would still enter, or negative infinity while not full. */
    float threshold() {
        return size < items.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int item, float score) {
        if (size < items.length) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
        } else if (items.length > 0 && beats(score, item, scores[0], items[0])) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** The kept items, best first; empties this heap. */
    int[] drainBestFirst() {
        int[] best = new int[size];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = items[0];
            size--;
            items[0] = items[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return best;
    }

    private static boolean beats(float score, int item, float otherScore, int otherItem) {
        return score > otherScore || (score == otherScore && item < otherItem);
    }

    private void siftUp(int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!beats(scores[parent], items[parent], scores[at], items[at])) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at) {
        while (true) {
            int worst = at;
            for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
                if (beats(scores[worst], items[worst], scores[child], items[child])) {
                    worst = child;
                }
            }
            if (worst == at) {
                return;
            }
            swap(at, worst);
            at = worst;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
