package dev.longtail.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes the evaluation as {@code report.md} with a table and {@code tradeoff.png}. */
final class Report {

    static final String MARKDOWN = "report.md";
    static final String PLOT = "tradeoff.png";
    private static final String HEADER = "| System | NDCG@10 | Recall@10 | TailRecall@10 | Coverage@10 "
            + "| APLT@10 | Gini@10 | Novelty | NDCG@10 mainstream | NDCG@10 niche "
            + "| TailRecall@10 mainstream | TailRecall@10 niche |";

    private Report() {
    }

    /** The results table as Markdown. */
    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder(HEADER).append('\n')
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT,
                    "| %s | %.4f | %.4f | %.4f | %.3f | %.3f | %.3f | %.2f | %.4f | %.4f | %.4f "
                    + "| %.4f |%n",
                    r.system(), r.ndcg(), r.recall(), r.tailRecall(), r.coverage(), r.aplt(), r.gini(),
                    r.novelty(), r.ndcgMainstream(), r.ndcgNiche(), r.tailRecallMainstream(),
                    r.tailRecallNiche()));
        }
        return table.toString();
    }

    static void write(Path folder, Evaluation.Outcome outcome) throws IOException {
        Files.createDirectories(folder);
        StringBuilder md = new StringBuilder("# Longtail offline evaluation\n\n");
        for (Map.Entry<String, String> fact : outcome.facts().entrySet()) {
            md.append("- **").append(fact.getKey()).append("**: ").append(fact.getValue())
                    .append('\n');
        }
        md.append("\n").append(PROTOCOL).append("\n## Results\n\n").append(table(outcome.results()))
                .append("\n").append(targets(outcome.results())).append("\n")
                .append(dominance(outcome.results()))
                .append("\n![NDCG@10 against TailRecall@10](").append(PLOT).append(")\n");
        Files.writeString(folder.resolve(MARKDOWN), md.toString(), StandardCharsets.UTF_8);
        plot(outcome.results(), folder.resolve(PLOT));
    }

    private static final String PROTOCOL = """
            ## Protocol

            - Split: per user, the latest 20% of interactions (rounded, at least one) are held out;
              every held-out item is relevant. Tuning uses the same split carved again from the
              training part (validation), never the held-out part.
            - Ranking: over the whole catalog, no sampled negatives; a user's training items are
              excluded; lists of 10.
            - Long tail: items outside the most popular 20% of the catalog by training interactions
              (ties with the threshold count as head).
            - TailRecall@10 averages over users with at least one long-tail held-out item.
              Coverage@10 is the share of the catalog in any list; APLT@10 the mean tail share of a
              list; Gini@10 the inequality of exposure over the whole catalog; novelty the mean
              self-information -log2((n_i + 1) / (users + 1)) of recommended items.
            - Niche users: the fifth of users with the largest tail share in training; the others
              are mainstream.
            - Peers: popularity penalty re-scores a system's top 100 as score / (1 + n_i)^a;
              RankSys 0.4.3 xQuAD (head/tail aspects) and PC novelty re-rank the top 100 of EASE
              and of Longtail's own relevance ranking (tail weight 0).
            """;

    private static String targets(List<Result> results) {
        Result ease = find(results, "EASE");
        Result zero = find(results, "Longtail w=0.00");
        Result byDefault = results.stream().filter(r -> r.family().equals("Longtail default"))
                .findFirst().orElse(null);
        if (ease == null || zero == null || byDefault == null) {
            return "";
        }
        return String.format(Locale.ROOT, """
                ## Targets

                | Target | Value | Met |
                |---|---:|---|
                | tail weight 0 NDCG@10 >= EASE (%.4f) | %.4f | %s |
                | default NDCG@10 >= 0.9 x EASE (%.4f) | %.4f | %s |
                | default TailRecall@10 >= 0.01 | %.4f | %s |
                | default APLT@10 >= 0.2 | %.3f | %s |
                | default Coverage@10 >= 0.25 | %.3f | %s |
                """, ease.ndcg(), zero.ndcg(), yes(zero.ndcg() >= ease.ndcg()), 0.9 * ease.ndcg(),
                byDefault.ndcg(), yes(byDefault.ndcg() >= 0.9 * ease.ndcg()), byDefault.tailRecall(),
                yes(byDefault.tailRecall() >= 0.01), byDefault.aplt(), yes(byDefault.aplt() >= 0.2),
                byDefault.coverage(), yes(byDefault.coverage() >= 0.25));
    }

    /** Peer points for which no Longtail tail weight reaches both their NDCG and TailRecall. */
    static List<Result> undominated(List<Result> results) {
        List<Result> longtail = results.stream().filter(r -> r.family().equals("Longtail")).toList();
        return results.stream()
                .filter(r -> !r.family().startsWith("Longtail"))
                .filter(p -> longtail.stream().noneMatch(l -> l.ndcg() >= p.ndcg()
                        && l.tailRecall() >= p.tailRecall()))
                .toList();
    }

    private static String dominance(List<Result> results) {
        List<Result> open = undominated(results);
        if (open.isEmpty()) {
            return "Every peer point is matched: for each, some Longtail tail weight reaches at least "
                    + "its NDCG@10 and its TailRecall@10.\n";
        }
        StringBuilder text = new StringBuilder("Peer points no Longtail tail weight matches on both "
                + "NDCG@10 and TailRecall@10:\n\n");
        for (Result r : open) {
            text.append(String.format(Locale.ROOT, "- %s (NDCG@10 %.4f, TailRecall@10 %.4f)%n",
                    r.system(), r.ndcg(), r.tailRecall()));
        }
        return text.toString();
    }

    /** RankSys curves start from the list they re-rank. */
    private static final Map<String, String> CURVE_STARTS = Map.of(
            "RankSys xQuAD on EASE", "EASE",
            "RankSys PC on EASE", "EASE",
            "RankSys xQuAD on Longtail relevance", "Longtail w=0.00",
            "RankSys PC on Longtail relevance", "Longtail w=0.00");

    private static void plot(List<Result> results, Path file) throws IOException {
        Map<String, XYSeries> curves = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.family().equals("MostPopular") || r.family().equals("Longtail default")) {
                continue;
            }
            XYSeries curve = curves.computeIfAbsent(r.family(), f -> startOf(f, results));
            curve.add(r.ndcg(), r.tailRecall());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        new ArrayList<>(curves.values()).forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Relevance against long-tail recall",
                "NDCG@10", "TailRecall@10", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            boolean ours = data.getSeriesKey(s).toString().equals("Longtail");
            renderer.setSeriesStroke(s, new BasicStroke(ours ? 3.5f : 1.5f));
            if (ours) {
                renderer.setSeriesPaint(s, Color.BLACK);
            }
        }
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 750);
    }

    private static XYSeries startOf(String family, List<Result> results) {
        XYSeries curve = new XYSeries(family, false);
        Result start = CURVE_STARTS.containsKey(family) ? find(results, CURVE_STARTS.get(family)) : null;
        if (start != null) {
            curve.add(start.ndcg(), start.tailRecall());
        }
        return curve;
    }

    private static Result find(List<Result> results, String system) {
        return results.stream().filter(r -> r.system().equals(system)).findFirst().orElse(null);
    }

    private static String yes(boolean met) {
        return met ? "yes" : "no";
    }
}
