package dev.longtail.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, in-memory snapshot of the catalog as the scorer sees it: item ids, titles,
 * interaction counts and one unit-length vector per item, packed row after row in a single
 * {@code float[]} so that a scan over all items touches contiguous memory.
 *
 * <p>Items are addressed by their position ({@code 0 .. size()-1}); {@link #indexOf} maps an
 * external id to that position. An item is <em>long-tail</em> when it is outside the most
 * popular {@link #HEAD_SHARE} of the catalog by interaction count.
 */
public final class ItemIndex {

    /** Share of the catalog, by interaction count, that counts as the popular head. */
    public static final double HEAD_SHARE = 0.2;

    private final String[] ids;
    private final String[] titles;
    private final int[] popularity;
    private final float[] vectors;
    private final int dimension;
    private final boolean[] tail;
    private final Map<String, Integer> positions;

    /**
     * @param ids        external item ids, unique, in position order
     * @param titles     display titles, same length as {@code ids}
     * @param popularity interaction counts (0 or more), same length as {@code ids}
     * @param vectors    packed vectors, {@code ids.length * dimension} floats; each row is
     *                   normalised to unit length here (an all-zero row stays zero)
     * @param dimension  vector dimension, at least 1
     * @throws IllegalArgumentException when lengths disagree or an id repeats
     */
    public ItemIndex(String[] ids, String[] titles, int[] popularity, float[] vectors, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
        }
        int n = ids.length;
        if (titles.length != n || popularity.length != n || vectors.length != (long) n * dimension) {
            throw new IllegalArgumentException("expected " + n + " titles, counts and "
                    + n + "x" + dimension + " floats; got " + titles.length + ", "
                    + popularity.length + " and " + vectors.length);
        }
        this.ids = ids.clone();
        this.titles = titles.clone();
        this.popularity = popularity.clone();
        this.vectors = vectors.clone();
        this.dimension = dimension;
        this.positions = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (positions.put(Objects.requireNonNull(ids[i], "ids[" + i + "]"), i) != null) {
                throw new IllegalArgumentException("item id " + ids[i] + " appears twice");
            }
            Vectors.normalise(this.vectors, i * dimension, dimension);
        }
        this.tail = markTail(this.popularity);
    }

    private static boolean[] markTail(int[] popularity) {
        int n = popularity.length;
        boolean[] tail = new boolean[n];
        if (n == 0) {
            return tail;
        }
        int[] sorted = popularity.clone();
        Arrays.sort(sorted);
        int headSize = (int) Math.ceil(n * HEAD_SHARE);
        int threshold = sorted[n - headSize];
        for (int i = 0; i < n; i++) {
            // Items nobody touched are tail even when most of the catalog is untouched.
            tail[i] = popularity[i] < threshold || popularity[i] == 0;
        }
        return tail;
    }

    public int size() {
        return ids.length;
    }

    public int dimension() {
        return dimension;
    }

    public String id(int item) {
        return ids[item];
    }

    public String title(int item) {
        return titles[item];
    }

    public int popularity(int item) {
        return popularity[item];
    }

    public boolean isTail(int item) {
        return tail[item];
    }

    /** @return the item's position, or -1 when the id is not in this snapshot */
    public int indexOf(String id) {
        Integer position = positions.get(id);
        return position == null ? -1 : position;
    }

    /** The packed vectors; callers must not modify the array. */
    float[] vectors() {
        return vectors;
    }

    /** Dot product of the item's vector with {@code query} (cosine, as rows are unit length). */
    public double similarity(int item, float[] query) {
        return Vectors.dot(vectors, item * dimension, query, 0, dimension);
    }

    /** A copy of the item's unit vector. */
    public float[] vector(int item) {
        return Arrays.copyOfRange(vectors, item * dimension, (item + 1) * dimension);
    }
}
