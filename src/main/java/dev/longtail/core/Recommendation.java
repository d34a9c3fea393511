package dev.longtail.core;

/**
 * One recommended item.
 *
 * @param item   the item's {@link ItemIndex} position
 * @param score  relevance to the user before tail and diversity re-ranking, 0..1; the list
 *               order, not this score, is the final ranking
 * @param reason short sentence naming what the item was found from, for example
 *               "similar to Heat (1995), which you liked"
 */
public record Recommendation(int item, double score, String reason) {
}
