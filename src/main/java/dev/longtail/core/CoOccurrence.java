package dev.longtail.core;

import java.util.Arrays;

/**
 * Sparse, symmetric item-item co-consumption counts: how many users consumed both items.
 * Items are {@link ItemIndex} positions. Immutable and safe to share between threads.
 *
 * <p>Stored as compressed rows: for every item its neighbours in ascending position order and
 * the matching counts, so that a lookup is a binary search and a walk over an item's
 * neighbours reads two contiguous runs of ints.
 */
public final class CoOccurrence {

    private final int[] rowStart;
    private final int[] neighbours;
    private final int[] counts;

    private CoOccurrence(int[] rowStart, int[] neighbours, int[] counts) {
        this.rowStart = rowStart;
        this.neighbours = neighbours;
        this.counts = counts;
    }

    /**
     * @param items number of item positions, 0 or more
     * @throws IllegalArgumentException when {@code items} is negative
     */
    public static Builder builder(int items) {
        return new Builder(items);
    }

    /** Counts for {@code items} positions with no pair consumed together. */
    public static CoOccurrence empty(int items) {
        return builder(items).build();
    }

    /** Number of item positions covered. */
    public int items() {
        return rowStart.length - 1;
    }

    /** Positions that were consumed together with {@code item}, ascending; a fresh copy. */
    public int[] neighbours(int item) {
        checkItem(item);
        return Arrays.copyOfRange(neighbours, rowStart[item], rowStart[item + 1]);
    }

    /** Number of users who consumed both items; 0 for an unseen pair or when {@code a == b}. */
    public int count(int a, int b) {
        checkItem(a);
        checkItem(b);
        int found = Arrays.binarySearch(neighbours, rowStart[a], rowStart[a + 1], b);
        return found < 0 ? 0 : counts[found];
    }

    /** Receives one neighbour of an item and how many users consumed both. */
    @FunctionalInterface
    public interface NeighbourVisitor {
        void visit(int neighbour, int count);
    }

    /** Calls {@code visitor} for each neighbour of {@code item}, ascending, without copying. */
    public void forEachNeighbour(int item, NeighbourVisitor visitor) {
        checkItem(item);
        for (int slot = rowStart[item]; slot < rowStart[item + 1]; slot++) {
            visitor.visit(neighbours[slot], counts[slot]);
        }
    }

    int rowStart(int item) {
        return rowStart[item];
    }

    int rowEnd(int item) {
        return rowStart[item + 1];
    }

    int neighbourAt(int slot) {
        return neighbours[slot];
    }

    int countAt(int slot) {
        return counts[slot];
    }

    private void checkItem(int item) {
        if (item < 0 || item >= items()) {
            throw new IllegalArgumentException("item " + item + " is outside 0.." + (items() - 1));
        }
    }

    /**
     * Collects pair counts. Adding the same unordered pair again adds to its count, so a pair
     * must be fed once per source of evidence (not once from each side). Not thread-safe.
     */
    public static final class Builder {

        private static final long EMPTY = -1L;

        private final int items;
        private long[] keys = new long[16];
        private int[] values = new int[16];
        private int size;

        private Builder(int items) {
            if (items < 0) {
                throw new IllegalArgumentException("items must be 0 or more, was " + items);
            }
            this.items = items;
            Arrays.fill(keys, EMPTY);
        }

        /**
         * Adds {@code count} joint consumptions of items {@code a} and {@code b}, in both
         * directions.
         *
         * @throws IllegalArgumentException when a position is out of range, {@code a == b} or
         *                                  {@code count} is not positive
         */
        public Builder add(int a, int b, int count) {
            checkPosition(a);
            checkPosition(b);
            if (a == b) {
                throw new IllegalArgumentException("an item cannot co-occur with itself: " + a);
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive, was " + count);
            }
            long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
            int slot = find(key);
            if (keys[slot] == EMPTY) {
                keys[slot] = key;
                size++;
            }
            values[slot] += count;
            if (size * 2 > keys.length) {
                grow();
            }
            return this;
        }

        /** The finished, immutable counts; the builder can keep collecting afterwards. */
        public CoOccurrence build() {
            int[] rowStart = new int[items + 1];
            for (long key : keys) {
                if (key != EMPTY) {
                    rowStart[(int) (key >>> 32) + 1]++;
                    rowStart[(int) key + 1]++;
                }
            }
            for (int i = 0; i < items; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] neighbours = new int[rowStart[items]];
            int[] counts = new int[neighbours.length];
            int[] next = Arrays.copyOf(rowStart, items);
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != EMPTY) {
                    int low = (int) (keys[slot] >>> 32);
                    int high = (int) keys[slot];
                    place(low, high, values[slot], next, neighbours, counts);
                    place(high, low, values[slot], next, neighbours, counts);
                }
            }
            for (int i = 0; i < items; i++) {
                sortRow(neighbours, counts, rowStart[i], rowStart[i + 1]);
            }
            return new CoOccurrence(rowStart, neighbours, counts);
        }

        private static void place(int row, int other, int count, int[] next, int[] neighbours,
                int[] counts) {
            int at = next[row]++;
            neighbours[at] = other;
            counts[at] = count;
        }

        /** Sorts one row by neighbour; packing (neighbour, count) in a long keeps pairs intact. */
        private static void sortRow(int[] neighbours, int[] counts, int from, int to) {
            long[] packed = new long[to - from];
            for (int i = from; i < to; i++) {
                packed[i - from] = ((long) neighbours[i] << 32) | counts[i];
            }
            Arrays.sort(packed);
            for (int i = from; i < to; i++) {
                neighbours[i] = (int) (packed[i - from] >>> 32);
                counts[i] = (int) packed[i - from];
            }
        }

        private void checkPosition(int item) {
            if (item < 0 || item >= items) {
                throw new IllegalArgumentException("item " + item + " is outside 0.."
                        + (items - 1));
            }
        }

        private int find(long key) {
            int mask = keys.length - 1;
            int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (keys[slot] != EMPTY && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int slot = find(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}
