package dev.longtail.eval;

import java.util.Arrays;

/** Picks the best items from dense scores. */
final class Ranking {

    private Ranking() {
    }

    /**
     * The {@code n} best-scoring items, best first, leaving out {@code excluded} and items
     * scored negative infinity; ties keep the lower position first.
     */
    static int[] top(float[] scores, int[] excluded, int n) {
        boolean[] skip = new boolean[scores.length];
        for (int item : excluded) {
            skip[item] = true;
        }
        long[] keyed = new long[scores.length];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            if (!skip[item] && scores[item] != Float.NEGATIVE_INFINITY) {
                // Descending score, then ascending position, as one sortable long.
                keyed[size++] = ((long) ~sortable(scores[item]) << 32) | item;
            }
        }
        Arrays.sort(keyed, 0, size);
        int[] best = new int[Math.min(n, size)];
        for (int i = 0; i < best.length; i++) {
            best[i] = (int) keyed[i];
        }
        return best;
    }

    /** A ranker that lists the top items of a scorer. */
    static Ranker of(Scorer scorer, Training training) {
        return (user, k) -> top(scorer.scores(user), training.userItems[user], k);
    }

    /** Maps a float to an int with the same order. */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits >= 0 ? bits : bits ^ Integer.MAX_VALUE;
    }
}
