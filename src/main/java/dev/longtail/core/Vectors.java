package dev.longtail.core;

/** Small numeric helpers over packed {@code float} vectors. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * Dot product of {@code length} floats of {@code a} from {@code aFrom} and {@code b} from
     * {@code bFrom}.
     */
    public static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        // Four independent sums let the CPU overlap the additions instead of waiting on one.
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 4 <= length; k += 4) {
            s0 += a[aFrom + k] * b[bFrom + k];
            s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
            s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
            s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[aFrom + k] * b[bFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Scales {@code length} floats from {@code from} to unit length; an all-zero row is left as
     * is.
     */
    public static void normalise(float[] v, int from, int length) {
        double norm = Math.sqrt(dot(v, from, v, from, length));
        if (norm == 0) {
            return;
        }
        for (int k = 0; k < length; k++) {
            v[from + k] = (float) (v[from + k] / norm);
        }
    }
}
