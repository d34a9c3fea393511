package dev.longtail.interest;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How common each tag is in the catalog: the number of items carrying it and the number of
 * items in all. Tags are compared after {@link #normalise normalisation}, and an item counts
 * once per tag however often the tag is repeated on it.
 */
public final class TagBaseRates {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, Integer> counts;
    private final int itemCount;

    private TagBaseRates(Map<String, Integer> counts, int itemCount) {
        this.counts = Map.copyOf(counts);
        this.itemCount = itemCount;
    }

    /**
     * Counts tags over a catalog.
     *
     * @param itemTags one tag collection per catalog item (an empty one for an untagged item)
     */
    public static TagBaseRates fromItemTags(Collection<? extends Collection<String>> itemTags) {
        Map<String, Integer> counts = new HashMap<>();
        for (Collection<String> tags : itemTags) {
            for (String tag : distinct(tags)) {
                counts.merge(tag, 1, Integer::sum);
            }
        }
        return new TagBaseRates(counts, itemTags.size());
    }

    /**
     * Restores rates from stored counts. Tags are normalised; counts of tags that normalise to
     * the same text are added.
     *
     * @param counts    items per tag, each in {@code 0..itemCount}
     * @param itemCount items in the catalog, 0 or more
     * @throws IllegalArgumentException when a count is negative or above {@code itemCount}
     */
    public static TagBaseRates of(Map<String, Integer> counts, int itemCount) {
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must be 0 or more, was " + itemCount);
        }
        Map<String, Integer> normalised = new HashMap<>();
        counts.forEach((tag, count) -> {
            if (count == null || count < 0 || count > itemCount) {
                throw new IllegalArgumentException("count of tag '" + tag + "' must be in 0.."
                        + itemCount + ", was " + count);
            }
            String key = normalise(tag);
            if (!key.isEmpty()) {
                normalised.merge(key, count, (a, b) -> Math.min(itemCount, a + b));
            }
        });
        return new TagBaseRates(normalised, itemCount);
    }

    /**
     * Canonical form of a tag: unprintable characters dropped, whitespace collapsed, trimmed,
     * lower case, at most {@value WeightedInterest#MAX_PHRASE_LENGTH} code points.
     *
     * @return the canonical tag; empty when nothing printable is left
     */
    public static String normalise(String tag) {
        StringBuilder kept = new StringBuilder(tag.length());
        tag.codePoints().filter(c -> !Text.isUnprintable(c) || Character.isWhitespace(c))
                .forEach(kept::appendCodePoint);
        String canonical = SPACES.matcher(kept).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        int max = WeightedInterest.MAX_PHRASE_LENGTH;
        if (canonical.codePointCount(0, canonical.length()) > max) {
            canonical = canonical.substring(0, canonical.offsetByCodePoints(0, max)).strip();
        }
        return canonical;
    }

    /** @return the distinct non-empty canonical forms of {@code tags}, in first-seen order */
    static Set<String> distinct(Collection<String> tags) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String tag : tags) {
            String canonical = normalise(tag);
            if (!canonical.isEmpty()) {
                distinct.add(canonical);
            }
        }
        return distinct;
    }

    /** @return items in the catalog */
    public int itemCount() {
        return itemCount;
    }

    /** @return items carrying {@code tag} (any spelling that normalises alike); 0 if unknown */
    public int count(String tag) {
        return counts.getOrDefault(normalise(tag), 0);
    }

    /**
     * Laplace-smoothed share of catalog items carrying the tag: {@code (count + 1) /
     * (itemCount + 2)}. Always in {@code (0, 1)}, also for an unknown tag or an empty catalog
     * (where it is 1/2).
     */
    public double baseRate(String tag) {
        return (count(tag) + 1.0) / (itemCount + 2.0);
    }

    /** @return items per canonical tag, unmodifiable */
    public Map<String, Integer> counts() {
        return counts;
    }
}
