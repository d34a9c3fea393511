package dev.longtail.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ranks a catalog for one user so that relevant long-tail items get a fair chance.
 *
 * <p>A request runs in four steps: build the user's tastes (clusters of their recent, liked
 * history plus explicit interests), score every item in one brute-force scan over the packed
 * vectors combined with co-consumption and popularity ({@link Relevance}), gather a candidate
 * pool that includes each taste's nearest tail items, then re-rank the pool for the requested
 * tail weight while keeping near-duplicates apart ({@link TailReranker}).
 *
 * <p>Immutable after construction and safe for concurrent calls. Each thread keeps one set of
 * catalog-sized working arrays ({@link Scratch}) that its calls reuse, so a call allocates only
 * small per-candidate objects.
 */
public final class Recommender {

    /** Most recommendations one call returns. */
    public static final int MAX_COUNT = 100;

    private final ItemIndex items;
    private final CoOccurrence co;
    private final RankingSettings settings;
    private final Relevance.Model model;
    private final ThreadLocal<Scratch> scratch;

    /**
     * @throws IllegalArgumentException when the co-occurrence counts cover a different number of
     *                                  items than the index
     */
    public Recommender(ItemIndex items, CoOccurrence co, RankingSettings settings) {
        this.items = Objects.requireNonNull(items, "items");
        this.co = Objects.requireNonNull(co, "co");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (co.items() != items.size()) {
            throw new IllegalArgumentException("co-occurrence covers " + co.items()
                    + " items but the index has " + items.size());
        }
        this.model = model(items, co, settings);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(items.size()));
    }

    private static Relevance.Model model(ItemIndex items, CoOccurrence co,
            RankingSettings settings) {
        int n = items.size();
        float[] prior = new float[n];
        float[] own = new float[n];
        float[] other = new float[n];
        float[] tailRescale = new float[n];
        double top = 0;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, items.popularity(i));
        }
        double balance = settings.neighbourBalance();
        for (int i = 0; i < n; i++) {
            int count = Math.max(1, items.popularity(i));
            prior[i] = top > 0 ? (float) (Math.log1p(items.popularity(i)) / Math.log1p(top)) : 0f;
            own[i] = (float) Math.pow(count, balance);
            other[i] = (float) Math.pow(count, 1 - balance);
            tailRescale[i] = (float) Math.pow(count, settings.tailNeighbourBalance() - balance);
        }
        float[] calibration = TailCalibration.factors(items, co, balance,
                settings.tailCalibration());
        for (int i = 0; i < n; i++) {
            tailRescale[i] *= calibration[i];
        }
        return new Relevance.Model(items, co, settings, prior, own, other, tailRescale,
                hubness(items));
    }

    /**
     * Every item's cosine to the catalog's mean direction. Sentence embeddings share a common
     * direction, so items close to it are near every query ("hubs"); the tail aspect subtracts
     * this so that its picks differ from user to user.
     */
    private static float[] hubness(ItemIndex items) {
        int n = items.size();
        int dimension = items.dimension();
        float[] mean = new float[dimension];
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = items.vector(i);
            for (int k = 0; k < dimension; k++) {
                mean[k] += rows[i][k];
            }
        }
        Vectors.normalise(mean, 0, dimension);
        float[] hubness = new float[n];
        for (int i = 0; i < n; i++) {
            hubness[i] = (float) Vectors.dot(rows[i], 0, mean, 0, dimension);
        }
        return hubness;
    }

    public RankingSettings settings() {
        return settings;
    }

    /**
     * Recommends items for a user.
     *
     * @param history    the user's interactions in any order; empty for a new user, who gets a
     *                   mix of popular and well-liked long-tail items
     * @param interests  explicit interests from an interest summary, may be empty; at most the
     *                   four heaviest are used
     * @param count      list length wanted, 1..100; fewer come back when the catalog runs out
     * @param tailWeight 0..1; 0 ranks by relevance alone, higher values give long-tail items
     *                   more of the list
     * @return recommendations best first, none of them in the history, each with a reason
     * @throws IllegalArgumentException for a count or tail weight out of range, an item position
     *                                  outside the index or an interest of the wrong dimension
     */
    public List<Recommendation> recommend(List<Interaction> history, List<Interest> interests,
            int count, double tailWeight) {
        checkCount(count);
        if (!(tailWeight >= 0 && tailWeight <= 1)) {
            throw new IllegalArgumentException("tailWeight must be 0..1, was " + tailWeight);
        }
        for (Interaction interaction : history) {
            checkItem(interaction.item());
        }
        for (Interest interest : interests) {
            if (interest.vector().length != items.dimension()) {
                throw new IllegalArgumentException("interest '" + interest.label() + "' has "
                        + interest.vector().length + " dimensions, items have "
                        + items.dimension());
            }
        }
        Scratch own = scratch.get();
        try {
            return rank(TasteProfile.ofUser(items, history, interests, settings, own.consumed),
                    own, count, tailWeight);
        } finally {
            for (Interaction interaction : history) {
                own.consumed[interaction.item()] = false;
            }
        }
    }

    /**
     * Items like one item, by meaning and by co-consumption, at the default tail weight.
     *
     * @param item  an {@link ItemIndex} position; it is never in its own list
     * @param count list length wanted, 1..100
     * @throws IllegalArgumentException for a position outside the index or a count out of range
     */
    public List<Recommendation> similar(int item, int count) {
        checkItem(item);
        checkCount(count);
        Scratch own = scratch.get();
        try {
            return rank(TasteProfile.ofItem(items, item, own.consumed), own, count,
                    settings.defaultTailWeight());
        } finally {
            own.consumed[item] = false;
        }
    }

    private List<Recommendation> rank(TasteProfile profile, Scratch own, int count,
            double tailWeight) {
        Relevance relevance = Relevance.of(model, profile, own);
        Pool pool = relevance.pool();
        double tailInterest = Double.isNaN(profile.tailShare)
                ? settings.tailInterestFloor()
                : Math.max(settings.tailInterestFloor(), profile.tailShare);
        int[] order = TailReranker.rerank(pool, count, tailWeight, tailInterest, settings);
        List<Recommendation> list = new ArrayList<>(order.length);
        for (int candidate : order) {
            int item = pool.item(candidate);
            String reason = Reasons.explain(items, co, relevance, profile, item,
                    pool.vector(candidate));
            list.add(new Recommendation(item, pool.relevance(candidate), reason));
        }
        return List.copyOf(list);
    }

    private void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ", was " + count);
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= items.size()) {
            throw new IllegalArgumentException("item " + item + " is outside 0.."
                    + (items.size() - 1));
        }
    }
}
