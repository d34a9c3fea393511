package dev.longtail.core;

/**
 * One taste of a user, taken from an interest summary written by a language model or an
 * offline model.
 *
 * @param label  short human phrase, used in explanations ("noir thrillers")
 * @param weight relative importance, greater than 0
 * @param vector the interest in the items' embedding space, same dimension as the items; a copy
 *               is kept
 */
public record Interest(String label, double weight, float[] vector) {

    /** @throws IllegalArgumentException when the label is blank, the weight not positive or
     *                                   the vector empty */
    public Interest {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("interest label must not be blank, was '"
                    + label + "'");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("interest weight must be positive, was " + weight);
        }
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("interest '" + label + "' has no vector");
        }
        vector = vector.clone();
    }

    /** A copy of the interest vector. */
    @Override
    public float[] vector() {
        return vector.clone();
    }
}
