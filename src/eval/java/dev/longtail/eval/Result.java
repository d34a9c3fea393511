package dev.longtail.eval;

/**
 * One system's metrics at cut-off 10. Niche users are the fifth of users whose training
 * history has the largest long-tail share; the rest are mainstream users.
 *
 * @param system          system name as printed
 * @param family          curve the system belongs to in the plot (one line per family)
 * @param ndcg            NDCG@10 over all users
 * @param recall          Recall@10
 * @param tailRecall      TailRecall@10, over users with at least one long-tail test item
 * @param coverage        Coverage@10
 * @param aplt            APLT@10
 * @param gini            Gini@10 of exposure
 * @param novelty         mean self-information, bits
 * @param ndcgMainstream  NDCG@10 of mainstream users
 * @param ndcgNiche       NDCG@10 of niche users
 * @param tailRecallMainstream TailRecall@10 of mainstream users
 * @param tailRecallNiche TailRecall@10 of niche users
 */
record Result(String system, String family, double ndcg, double recall, double tailRecall,
        double coverage, double aplt, double gini, double novelty, double ndcgMainstream,
        double ndcgNiche, double tailRecallMainstream, double tailRecallNiche) {
}
