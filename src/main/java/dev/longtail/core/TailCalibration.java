package dev.longtail.core;

import java.util.Arrays;

/**
 * Per-item calibration of the tail aspect's co-consumption evidence, fitted from the
 * co-consumption counts alone (no request-time state).
 *
 * <p>A user's evidence for item j sums {@code co(i,j) / n_i^a} over the items i they consumed.
 * A tail item whose few consumers consumed a great deal collects that evidence from almost any
 * history, so the same such items would win the tail slots of many users. Its expected evidence
 * from one consumption drawn in proportion to popularity is
 * <pre>
 *   E_j = sum over neighbours i of co(i,j) * n_i^(1 - a) / n_j
 * </pre>
 * (the inverse-user-frequency idea applied to items), and the tail aspect divides the evidence
 * by {@code E_j^b}: with b = 1 it scores how far this user's evidence exceeds what a typical
 * consumption gives, with b = 0 it keeps the raw evidence.
 */
final class TailCalibration {

    private TailCalibration() {
    }

    /**
     * @param balance  the neighbour balance a of the shared relevance, 0..1
     * @param exponent b, 0..1
     * @return one factor per item, {@code E_j^-b}; 1 for an item with no co-consumption
     */
    static float[] factors(ItemIndex items, CoOccurrence co, double balance, double exponent) {
        int n = items.size();
        float[] factors = new float[n];
        Arrays.fill(factors, 1f);
        if (exponent == 0) {
            return factors;
        }
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = Math.pow(Math.max(1, items.popularity(i)), 1 - balance);
        }
        for (int j = 0; j < n; j++) {
            double expected = 0;
            for (int slot = co.rowStart(j); slot < co.rowEnd(j); slot++) {
                expected += co.countAt(slot) * weight[co.neighbourAt(slot)];
            }
            expected /= Math.max(1, items.popularity(j));
            if (expected > 0) {
                factors[j] = (float) Math.pow(expected, -exponent);
            }
        }
        return factors;
    }
}
