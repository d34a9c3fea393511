package dev.longtail.core;

/**
 * One item a user consumed.
 *
 * @param item            the item's {@link ItemIndex} position
 * @param weight          implicit strength from {@link Signals#weight}; negative means the user
 *                        disliked the item: it is never recommended again and pushes similar
 *                        items down
 * @param timestampMillis when it happened, epoch milliseconds; later interactions count more
 */
public record Interaction(int item, double weight, long timestampMillis) {

    /** @throws IllegalArgumentException when the position is negative or the weight not finite */
    public Interaction {
        if (item < 0) {
            throw new IllegalArgumentException("item position must be 0 or more, was " + item);
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite, was " + weight);
        }
    }
}
