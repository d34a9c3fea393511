package dev.longtail.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request knows about a user: the items to exclude, the recency-weighted history used
 * for collaborative evidence, the tastes to retrieve for, an averaged dislike direction and the
 * user's own share of long-tail items.
 *
 * <p>A history is not averaged into one vector. Its liked items are grouped with a small
 * weighted k-means (seeded by farthest-point, so an outlying niche taste seeds its own cluster)
 * and every cluster becomes a {@link Taste}; explicit interests add one taste each.
 */
final class TasteProfile {

    private static final int ANCHORS = 8;
    private static final int KMEANS_ROUNDS = 6;
    private static final int MAX_INTERESTS = 4;
    /** Newest history items whose vectors form tastes and dislikes; older ones only add counts. */
    private static final int VECTOR_HISTORY = 100;

    final boolean[] consumed;
    final int[] history;
    final double[] historyWeights;
    final List<Taste> tastes;
    final float[] dislike;
    final double tailShare;
    final boolean personal;

    private TasteProfile(boolean[] consumed, int[] history, double[] historyWeights,
            List<Taste> tastes, float[] dislike, double tailShare, boolean personal) {
        this.consumed = consumed;
        this.history = history;
        this.historyWeights = historyWeights;
        this.tastes = tastes;
        this.dislike = dislike;
        this.tailShare = tailShare;
        this.personal = personal;
    }

    /**
     * The profile behind "more like this item".
     *
     * @param consumed all false, catalog-sized; the item is marked in it, and the caller clears
     *                 it after the request
     */
    static TasteProfile ofItem(ItemIndex items, int item, boolean[] consumed) {
        consumed[item] = true;
        List<Taste> tastes = new ArrayList<>();
        float[] query = items.vector(item);
        if (hasDirection(query)) {
            tastes.add(new Taste(query, 1, null, new int[] {item}, new float[][] {query}));
        }
        return new TasteProfile(consumed, new int[] {item}, new double[] {1}, tastes, null,
                Double.NaN, false);
    }

    /**
     * The profile of a user from their history (any order, repeats allowed) and interests.
     *
     * @param consumed all false, catalog-sized; the history's items are marked in it, and the
     *                 caller clears them after the request
     */
    static TasteProfile ofUser(ItemIndex items, List<Interaction> history, List<Interest> interests,
            RankingSettings settings, boolean[] consumed) {
        for (Interaction interaction : history) {
            consumed[interaction.item()] = true;
        }
        List<Interaction> recent = newestPerItem(history, settings.historyLimit());
        int[] ids = new int[recent.size()];
        double[] weights = new double[recent.size()];
        float[][] vectors = new float[Math.min(ids.length, VECTOR_HISTORY)][];
        for (int rank = 0; rank < ids.length; rank++) {
            ids[rank] = recent.get(rank).item();
            weights[rank] = recent.get(rank).weight() * recency(rank, settings);
            if (rank < vectors.length) {
                // Gathering a vector from the blocked layout is the costly part of a profile.
                vectors[rank] = items.vector(ids[rank]);
            }
        }
        List<Taste> tastes = new ArrayList<>(clusters(vectors, ids, weights, settings));
        tastes.addAll(explicit(interests));
        return new TasteProfile(consumed, ids, weights, tastes, dislike(vectors, weights),
                tailShare(items, ids, weights), true);
    }

    /** Latest interaction per item, newest first, at most {@code limit}. */
    private static List<Interaction> newestPerItem(List<Interaction> history, int limit) {
        Map<Integer, Interaction> latest = new HashMap<>();
        for (Interaction interaction : history) {
            latest.merge(interaction.item(), interaction,
                    (a, b) -> b.timestampMillis() >= a.timestampMillis() ? b : a);
        }
        return latest.values().stream()
                .sorted(Comparator.comparingLong(Interaction::timestampMillis).reversed()
                        .thenComparingInt(Interaction::item))
                .limit(limit)
                .toList();
    }

    private static double recency(int rank, RankingSettings settings) {
        double decay = Math.pow(0.5, rank / settings.recencyHalfLife());
        return settings.recencyFloor() + (1 - settings.recencyFloor()) * decay;
    }

    private static List<Taste> explicit(List<Interest> interests) {
        return interests.stream()
                .sorted(Comparator.comparingDouble(Interest::weight).reversed())
                .limit(MAX_INTERESTS)
                .map(i -> new Taste(unit(i.vector()), i.weight(), i.label(), new int[0],
                        new float[0][]))
                .filter(t -> hasDirection(t.query()))
                .toList();
    }

    private static List<Taste> clusters(float[][] historyVectors, int[] ids, double[] weights,
            RankingSettings settings) {
        List<Integer> liked = new ArrayList<>();
        for (int i = 0; i < historyVectors.length; i++) {
            if (weights[i] > 0 && hasDirection(historyVectors[i])) {
                liked.add(i);
            }
        }
        if (liked.isEmpty()) {
            return List.of();
        }
        int k = Math.min(settings.tasteClusters(),
                (liked.size() + settings.itemsPerTaste() - 1) / settings.itemsPerTaste());
        float[][] vectors = new float[liked.size()][];
        double[] strength = new double[liked.size()];
        for (int m = 0; m < vectors.length; m++) {
            vectors[m] = historyVectors[liked.get(m)];
            strength[m] = weights[liked.get(m)];
        }
        int[] assignment = WeightedKMeans.cluster(vectors, strength, k, KMEANS_ROUNDS);
        return tastesOf(vectors, strength, assignment, k, liked, ids);
    }

    private static List<Taste> tastesOf(float[][] vectors, double[] strength, int[] assignment,
            int k, List<Integer> liked, int[] ids) {
        List<Taste> tastes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            float[] centre = new float[vectors[0].length];
            double total = 0;
            List<Integer> members = new ArrayList<>();
            for (int m = 0; m < vectors.length; m++) {
                if (assignment[m] == c) {
                    addScaled(centre, vectors[m], strength[m]);
                    total += strength[m];
                    members.add(m);
                }
            }
            if (members.isEmpty() || !hasDirection(centre)) {
                continue;
            }
            members.sort(Comparator.comparingDouble((Integer m) -> -strength[m]));
            List<Integer> strongest = members.subList(0, Math.min(ANCHORS, members.size()));
            int[] anchors = strongest.stream().mapToInt(m -> ids[liked.get(m)]).toArray();
            float[][] anchorVectors =
                    strongest.stream().map(m -> vectors[m]).toArray(float[][]::new);
            tastes.add(new Taste(unit(centre), total, null, anchors, anchorVectors));
        }
        return tastes;
    }

    /** Weighted mean direction of the disliked items, or null when nothing was disliked. */
    private static float[] dislike(float[][] vectors, double[] weights) {
        if (vectors.length == 0) {
            return null;
        }
        float[] sum = new float[vectors[0].length];
        for (int i = 0; i < vectors.length; i++) {
            if (weights[i] < 0) {
                addScaled(sum, vectors[i], -weights[i]);
            }
        }
        return hasDirection(sum) ? unit(sum) : null;
    }

    /** Weighted share of liked items that are long-tail, NaN when nothing was liked. */
    private static double tailShare(ItemIndex items, int[] ids, double[] weights) {
        double tail = 0;
        double total = 0;
        for (int i = 0; i < ids.length; i++) {
            if (weights[i] > 0) {
                total += weights[i];
                tail += items.isTail(ids[i]) ? weights[i] : 0;
            }
        }
        return total > 0 ? tail / total : Double.NaN;
    }

    private static void addScaled(float[] sum, float[] vector, double scale) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += (float) (vector[k] * scale);
        }
    }

    private static float[] unit(float[] vector) {
        float[] copy = Arrays.copyOf(vector, vector.length);
        Vectors.normalise(copy, 0, copy.length);
        return copy;
    }

    private static boolean hasDirection(float[] vector) {
        for (float value : vector) {
            if (value != 0) {
                return true;
            }
        }
        return false;
    }
}
