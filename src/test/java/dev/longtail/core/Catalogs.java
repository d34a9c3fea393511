package dev.longtail.core;

/** Small hand-made catalogs for the ranking tests. */
final class Catalogs {

    private Catalogs() {
    }

    /** An index with ids "0".."n-1" and titles "T0".."Tn-1"; rows need not be unit length. */
    static ItemIndex index(int[] popularity, float[][] rows) {
        int n = popularity.length;
        String[] ids = new String[n];
        String[] titles = new String[n];
        float[] packed = new float[n * rows[0].length];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
            titles[i] = "T" + i;
            System.arraycopy(rows[i], 0, packed, i * rows[0].length, rows[0].length);
        }
        return new ItemIndex(ids, titles, popularity, packed, rows[0].length);
    }

    /** A one-hot row of the given dimension. */
    static float[] axis(int dimension, int axis) {
        float[] row = new float[dimension];
        row[axis] = 1;
        return row;
    }

    /** Settings with the given signal weights, tail interest floor and the usual rest. */
    static RankingSettings settings(double collaborative, double semantic, double popularity,
            double tailInterestFloor) {
        return new RankingSettings(0.3, collaborative, semantic, popularity, 0.5, 20, 0.3, 500,
                3, 5, 200, 20, tailInterestFloor, 0.5, 0.95, 0.5, 1.0, 0.3, 0.0, 0.0);
    }

    static Interaction liked(int item, long time) {
        return new Interaction(item, 1.0, time);
    }
}
