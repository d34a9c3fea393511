package dev.longtail.eval;

import java.util.Arrays;

/**
 * EASE, the embarrassingly shallow autoencoder (Steck 2019): item-item weights
 * {@code B = I - P * diag(1 / diag(P))} with {@code P = (X^T X + lambda I)^-1} and a zero
 * diagonal, scoring {@code score(j) = sum over consumed i of B[i][j]}.
 *
 * <p>The dense inverse grows with the cube of the item count, so the model is restricted to
 * items with at least {@code minCount} training interactions; other items are never
 * recommended by it.
 */
final class Ease {

    private final Training training;
    private final int[] restricted;
    private final int[] positionOf;
    private final float[][] weights;

    Ease(Training training, int minCount, double lambda) {
        this.training = training;
        restricted = java.util.stream.IntStream.range(0, training.items())
                .filter(i -> training.itemCounts[i] >= minCount).toArray();
        positionOf = new int[training.items()];
        Arrays.fill(positionOf, -1);
        for (int r = 0; r < restricted.length; r++) {
            positionOf[restricted[r]] = r;
        }
        weights = fit(gram(lambda));
    }

    int restrictedItems() {
        return restricted.length;
    }

    Scorer scorer() {
        return user -> {
            float[] sums = new float[restricted.length];
            for (int item : training.userItems[user]) {
                int row = positionOf[item];
                if (row >= 0) {
                    float[] weightRow = weights[row];
                    for (int j = 0; j < sums.length; j++) {
                        sums[j] += weightRow[j];
                    }
                }
            }
            float[] scores = new float[training.items()];
            Arrays.fill(scores, Float.NEGATIVE_INFINITY);
            for (int r = 0; r < restricted.length; r++) {
                scores[restricted[r]] = sums[r];
            }
            return scores;
        };
    }

    private double[][] gram(double lambda) {
        int m = restricted.length;
        double[][] gram = new double[m][m];
        for (int r = 0; r < m; r++) {
            double[] row = gram[r];
            row[r] = training.itemCounts[restricted[r]] + lambda;
            training.co.forEachNeighbour(restricted[r], (other, count) -> {
                int column = positionOf[other];
                if (column >= 0) {
                    row[column] = count;
                }
            });
        }
        return gram;
    }

    /** Inverts the symmetric positive definite matrix through its Cholesky factor. */
    private static float[][] fit(double[][] a) {
        int m = a.length;
        double[][] lower = cholesky(a);
        double[][] inverseLower = invertLower(lower);
        float[][] b = new float[m][m];
        double[] diagonal = new double[m];
        // P = L^-T L^-1, so P[i][j] = sum over k >= max(i, j) of Linv[k][i] * Linv[k][j].
        double[][] p = new double[m][];
        for (int i = 0; i < m; i++) {
            p[i] = new double[m];
        }
        for (int k = 0; k < m; k++) {
            double[] row = inverseLower[k];
            for (int i = 0; i <= k; i++) {
                double factor = row[i];
                if (factor == 0) {
                    continue;
                }
                double[] target = p[i];
                for (int j = 0; j <= k; j++) {
                    target[j] += factor * row[j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            diagonal[i] = p[i][i];
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                b[i][j] = i == j ? 0f : (float) (-p[i][j] / diagonal[j]);
            }
        }
        return b;
    }

    private static double[][] cholesky(double[][] a) {
        int m = a.length;
        double[][] lower = new double[m][];
        for (int i = 0; i < m; i++) {
            lower[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                double[] li = lower[i];
                double[] lj = lower[j];
                for (int k = 0; k < j; k++) {
                    sum -= li[k] * lj[k];
                }
                lower[i][j] = i == j ? Math.sqrt(sum) : sum / lower[j][j];
            }
        }
        return lower;
    }

    /**
     * Inverse of a lower-triangular matrix, stored as full rows; row i is
     * {@code (e_i - sum over k < i of L[i][k] * row k) / L[i][i]}, built from contiguous rows.
     */
    private static double[][] invertLower(double[][] lower) {
        int m = lower.length;
        double[][] inverse = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] row = inverse[i];
            double[] li = lower[i];
            for (int k = 0; k < i; k++) {
                double factor = li[k];
                if (factor == 0) {
                    continue;
                }
                double[] previous = inverse[k];
                for (int j = 0; j <= k; j++) {
                    row[j] -= factor * previous[j];
                }
            }
            row[i] = 1;
            for (int j = 0; j <= i; j++) {
                row[j] /= li[i];
            }
        }
        return inverse;
    }
}
