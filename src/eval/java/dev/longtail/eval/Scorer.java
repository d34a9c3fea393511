package dev.longtail.eval;

/**
 * A relevance model that scores the whole catalog for a user; higher is better and
 * {@link Float#NEGATIVE_INFINITY} means the item cannot be recommended.
 */
@FunctionalInterface
interface Scorer {

    float[] scores(int user);
}
