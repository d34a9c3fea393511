package dev.longtail.core;

/** Small numeric helpers over packed {@code float} vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product of {@code length} floats of {@code a} from {@code aFrom} and {@code b} from {@code bFrom}. */
    public static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        float sum = 0f;
        for (int k = 0; k < length; k++) {
            sum += a[aFrom + k] * b[bFrom + k];
        }
        return sum;
    }

    /** Scales {@code length} floats from {@code from} to unit length; an all-zero row is left as is. */
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
