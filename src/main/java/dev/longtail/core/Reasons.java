package dev.longtail.core;

/**
 * Writes the one-sentence reason of a recommendation from the signal that contributed most:
 * the consumed item with the strongest co-consumption link, the interest or the consumed item
 * closest in meaning, or popularity when nothing personal is known.
 */
final class Reasons {

    private Reasons() {
    }

    /**
     * @param vector the item's unit vector
     */
    static String explain(ItemIndex items, CoOccurrence co, Relevance relevance,
            TasteProfile profile, int item, float[] vector) {
        double collaborative = relevance.collaborativePart(item);
        if (collaborative > 0 && collaborative >= relevance.semanticPart(item)) {
            int source = strongestLink(co, profile, item);
            if (source >= 0) {
                return "popular with people who liked " + items.title(source);
            }
        }
        if (!profile.tastes.isEmpty()) {
            return closestTaste(items, profile, vector);
        }
        if (items.popularity(item) == 0) {
            return "new in the catalog";
        }
        return items.isTail(item) ? "a lesser-known pick with a loyal audience" : "popular now";
    }

    private static int strongestLink(CoOccurrence co, TasteProfile profile, int item) {
        int best = -1;
        double bestStrength = 0;
        for (int h = 0; h < profile.history.length; h++) {
            double strength = profile.historyWeights[h] * co.count(profile.history[h], item);
            if (strength > bestStrength) {
                best = profile.history[h];
                bestStrength = strength;
            }
        }
        return best;
    }

    private static String closestTaste(ItemIndex items, TasteProfile profile, float[] vector) {
        Taste closest = profile.tastes.get(0);
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (Taste taste : profile.tastes) {
            double similarity = Vectors.dot(vector, 0, taste.query(), 0, vector.length);
            if (similarity > bestSimilarity) {
                closest = taste;
                bestSimilarity = similarity;
            }
        }
        if (closest.label() != null) {
            return "matches your interest in " + closest.label();
        }
        String title = items.title(closestAnchor(closest, vector));
        return profile.personal ? "similar to " + title + ", which you liked"
                : "similar to " + title;
    }

    private static int closestAnchor(Taste taste, float[] vector) {
        int best = taste.anchors()[0];
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < taste.anchors().length; a++) {
            double similarity = Vectors.dot(vector, 0, taste.anchorVectors()[a], 0, vector.length);
            if (similarity > bestSimilarity) {
                best = taste.anchors()[a];
                bestSimilarity = similarity;
            }
        }
        return best;
    }
}
