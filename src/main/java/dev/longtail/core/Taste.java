package dev.longtail.core;

/**
 * One direction of a user's taste that gets its own retrieval: a cluster of consumed items or
 * an explicit {@link Interest}.
 *
 * @param query   unit vector in the items' space
 * @param weight  total preference weight behind it, greater than 0
 * @param label   the interest's label, or null for a cluster of consumed items
 * @param anchors consumed items the cluster was formed from, strongest first (empty for an
 *                explicit interest); explanations name the one closest to a recommendation
 * @param anchorVectors the anchors' unit vectors, in the same order
 */
record Taste(float[] query, double weight, String label, int[] anchors, float[][] anchorVectors) {
}
