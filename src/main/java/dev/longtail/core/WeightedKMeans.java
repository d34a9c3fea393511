package dev.longtail.core;

/**
 * Weighted spherical k-means over a handful of unit vectors (a user's liked items), seeded by
 * farthest-point: the heaviest item first, then repeatedly the item least similar to every
 * seed so far, which lets a small, distant taste start a cluster of its own.
 */
final class WeightedKMeans {

    private WeightedKMeans() {
    }

    /**
     * @param vectors unit vectors, at least one, all of one dimension
     * @param weights positive weight per vector
     * @param k       clusters wanted, 1..vectors.length
     * @param rounds  most assignment rounds after seeding; stops early once nothing moves
     * @return the cluster 0..k-1 of every vector; a cluster may end up empty
     */
    static int[] cluster(float[][] vectors, double[] weights, int k, int rounds) {
        float[][] centres = seeds(vectors, weights, k);
        int[] assignment = new int[vectors.length];
        assign(vectors, centres, assignment);
        for (int round = 0; round < rounds; round++) {
            centres = centres(vectors, weights, assignment, centres);
            int[] previous = assignment.clone();
            assign(vectors, centres, assignment);
            if (java.util.Arrays.equals(previous, assignment)) {
                break;
            }
        }
        return assignment;
    }

    private static float[][] seeds(float[][] vectors, double[] weights, int k) {
        float[][] seeds = new float[k][];
        int first = 0;
        for (int i = 1; i < vectors.length; i++) {
            first = weights[i] > weights[first] ? i : first;
        }
        seeds[0] = vectors[first];
        double[] closest = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            closest[i] = dot(vectors[i], seeds[0]);
        }
        for (int s = 1; s < k; s++) {
            int farthest = 0;
            for (int i = 1; i < vectors.length; i++) {
                farthest = closest[i] < closest[farthest] ? i : farthest;
            }
            seeds[s] = vectors[farthest];
            for (int i = 0; i < vectors.length; i++) {
                closest[i] = Math.max(closest[i], dot(vectors[i], seeds[s]));
            }
        }
        return seeds;
    }

    private static void assign(float[][] vectors, float[][] centres, int[] assignment) {
        for (int i = 0; i < vectors.length; i++) {
            int best = 0;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double similarity = dot(vectors[i], centres[c]);
                if (similarity > bestSimilarity) {
                    best = c;
                    bestSimilarity = similarity;
                }
            }
            assignment[i] = best;
        }
    }

    private static float[][] centres(float[][] vectors, double[] weights, int[] assignment,
            float[][] previous) {
        int dimension = vectors[0].length;
        float[][] sums = new float[previous.length][dimension];
        for (int i = 0; i < vectors.length; i++) {
            float[] sum = sums[assignment[i]];
            for (int d = 0; d < dimension; d++) {
                sum[d] += (float) (weights[i] * vectors[i][d]);
            }
        }
        for (int c = 0; c < sums.length; c++) {
            Vectors.normalise(sums[c], 0, dimension);
            // An emptied cluster keeps its old centre so that it may win members back.
            if (Vectors.dot(sums[c], 0, sums[c], 0, dimension) == 0) {
                sums[c] = previous[c];
            }
        }
        return sums;
    }

    private static double dot(float[] a, float[] b) {
        return Vectors.dot(a, 0, b, 0, a.length);
    }
}
