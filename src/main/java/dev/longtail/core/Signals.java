package dev.longtail.core;

/**
 * Turns a feedback event into an implicit preference weight, -1..1.
 *
 * <p>Positive weights say how strongly an event shows interest (a purchase more than a view).
 * Ratings are on the 0.5..5 star scale and map linearly around a neutral point of 2.25 stars:
 * 5 stars give 1, 4 stars about 0.64, 3 stars about 0.27, 2 stars and below are negative
 * (disliked).
 */
public final class Signals {

    /** Rating, in stars, that carries no preference either way. */
    public static final double NEUTRAL_RATING = 2.25;

    private Signals() {
    }

    /**
     * @param type  one of view, click, like, rating, purchase, review (lower case)
     * @param value the star rating for {@code rating}, 0.5..5; optional for {@code review}
     *              (a rated review counts as the rating, a bare one as 0.6); ignored otherwise
     * @return the preference weight, -1..1
     * @throws IllegalArgumentException for an unknown type, or a missing or out-of-range rating
     */
    public static double weight(String type, Double value) {
        if (type == null) {
            throw new IllegalArgumentException("signal type must be one of "
                    + "view, click, like, rating, purchase, review; was null");
        }
        return switch (type) {
            case "view" -> 0.3;
            case "click" -> 0.2;
            case "like" -> 0.8;
            case "purchase" -> 1.0;
            case "review" -> value == null ? 0.6 : rating(value);
            case "rating" -> rating(value);
            default -> throw new IllegalArgumentException("signal type must be one of "
                    + "view, click, like, rating, purchase, review; was '" + type + "'");
        };
    }

    private static double rating(Double stars) {
        if (stars == null || !(stars >= 0.5 && stars <= 5)) {
            throw new IllegalArgumentException("rating must be 0.5..5 stars, was " + stars);
        }
        return (stars - NEUTRAL_RATING) / (5 - NEUTRAL_RATING);
    }
}
