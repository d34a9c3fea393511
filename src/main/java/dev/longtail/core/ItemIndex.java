package dev.longtail.core;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, in-memory snapshot of the catalog as the scorer sees it: item ids, titles,
 * interaction counts and one unit-length vector per item, packed in a single {@code float[]} so
 * that a scan over all items touches contiguous memory.
 *
 * <p>Vectors are stored in blocks of {@link #BLOCK} items; inside a block the values are laid out
 * dimension by dimension ({@code block, dimension, item-in-block}). A scan then multiplies one
 * query value into a run of {@code BLOCK} consecutive floats, a loop the JIT turns into SIMD
 * instructions, which a row-by-row dot product with a single running sum never becomes.
 *
 * <p>Items are addressed by their position ({@code 0 .. size()-1}); {@link #indexOf} maps an
 * external id to that position. An item is <em>long-tail</em> when it is outside the most
 * popular {@link #HEAD_SHARE} of the catalog by interaction count.
 */
public final class ItemIndex {

    /** Share of the catalog, by interaction count, that counts as the popular head. */
    public static final double HEAD_SHARE = 0.2;

    /** Items per storage block of the packed vectors. */
    static final int BLOCK = 256;

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
     * @param vectors    vectors packed row after row, {@code ids.length * dimension} floats;
     *                   each row is normalised to unit length here (an all-zero row stays zero)
     * @param dimension  vector dimension, at least 1
     * @throws IllegalArgumentException when lengths disagree or an id repeats
     */
    public ItemIndex(String[] ids, String[] titles, int[] popularity, float[] vectors,
            int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
        }
        int n = ids.length;
        if (titles.length != n || popularity.length != n
                || vectors.length != (long) n * dimension) {
            throw new IllegalArgumentException("expected " + n + " titles, counts and "
                    + n + "x" + dimension + " floats; got " + titles.length + ", "
                    + popularity.length + " and " + vectors.length);
        }
        this.ids = ids.clone();
        this.titles = titles.clone();
        this.popularity = popularity.clone();
        this.vectors = new float[blocks(n) * BLOCK * dimension];
        this.dimension = dimension;
        this.positions = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (positions.put(Objects.requireNonNull(ids[i], "ids[" + i + "]"), i) != null) {
                throw new IllegalArgumentException("item id " + ids[i] + " appears twice");
            }
            store(i, unitRow(vectors, i, dimension));
        }
        this.tail = markTail(this.popularity);
    }

    private static float[] unitRow(float[] rows, int item, int dimension) {
        float[] row = Arrays.copyOfRange(rows, item * dimension, (item + 1) * dimension);
        Vectors.normalise(row, 0, dimension);
        return row;
    }

    private void store(int item, float[] row) {
        int base = offset(item);
        for (int k = 0; k < dimension; k++) {
            vectors[base + k * BLOCK] = row[k];
        }
    }

    /** Number of storage blocks needed for {@code items} items. */
    static int blocks(int items) {
        return (items + BLOCK - 1) / BLOCK;
    }

    /** Index of the item's first value; its value at dimension k is {@code BLOCK * k} further. */
    private int offset(int item) {
        return (item / BLOCK) * BLOCK * dimension + item % BLOCK;
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

    /** The blocked vectors (layout in the class comment); callers must not modify the array. */
    float[] blockedVectors() {
        return vectors;
    }

    /**
     * Dot product of the item's vector with {@code query} (cosine when the query has unit
     * length, as stored vectors do).
     *
     * @param query at least {@link #dimension()} floats
     */
    public double similarity(int item, float[] query) {
        int base = offset(item);
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
            sum += vectors[base + k * BLOCK] * query[k];
        }
        return sum;
    }

    /**
     * Similarity of every item to one query in a single brute-force scan.
     *
     * @param query at least {@link #dimension()} floats
     * @param out   receives {@code out[item]}, at least {@link #size()} floats
     */
    public void similarities(float[] query, float[] out) {
        similarities(new float[][] {query}, new float[][] {out});
    }

    /**
     * Similarity of every item to several queries in one pass over the vectors, which costs
     * far less than one pass per query.
     *
     * @param queries each at least {@link #dimension()} floats
     * @param out     one array per query, receiving {@code out[q][item]}, at least {@link #size()}
     *                floats each
     */
    public void similarities(float[][] queries, float[][] out) {
        float[] packed = new float[queries.length * dimension];
        for (int q = 0; q < queries.length; q++) {
            if (queries[q].length < dimension || out[q].length < size()) {
                throw new IllegalArgumentException("query " + q + " needs " + dimension
                        + " floats and room for " + size() + " scores; got " + queries[q].length
                        + " and " + out[q].length);
            }
            System.arraycopy(queries[q], 0, packed, q * dimension, dimension);
        }
        float[][] scratch = BlockScan.scratch(queries.length);
        for (int block = 0; block < blocks(size()); block++) {
            BlockScan.dots(vectors, block, dimension, packed, queries.length, scratch);
            int first = block * BLOCK;
            for (int q = 0; q < queries.length; q++) {
                System.arraycopy(scratch[q], 0, out[q], first, Math.min(BLOCK, size() - first));
            }
        }
    }

    /** Cosine similarity of two items' vectors, 0 when either has no vector. */
    public double similarity(int a, int b) {
        int first = offset(a);
        int second = offset(b);
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
            sum += vectors[first + k * BLOCK] * vectors[second + k * BLOCK];
        }
        return sum;
    }

    /** A copy of the item's unit vector (all zeros when the item has no vector). */
    public float[] vector(int item) {
        float[] row = new float[dimension];
        int base = offset(item);
        for (int k = 0; k < dimension; k++) {
            row[k] = vectors[base + k * BLOCK];
        }
        return row;
    }
}
