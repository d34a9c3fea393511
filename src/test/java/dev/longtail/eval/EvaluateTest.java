package dev.longtail.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {

    @Test
    void writesReportAndPlotForATinyDataSet(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("report");

        Evaluate.main(new String[] {"--data", "src/test/resources/eval/tiny-movielens",
            "--out", out.toString(), "--cache", folder.resolve("cache").toString(),
            "--threads", "1", "--ease-min-count", "2", "--sample-users", "6"});

        String report = Files.readString(out.resolve(Report.MARKDOWN));
        assertTrue(Files.size(out.resolve(Report.PLOT)) > 1000);
        for (String row : new String[] {"| MostPopular |", "| ItemKNN |", "| EASE |", "| Content |",
            "| EASE / pop^0.50 |", "| RankSys xQuAD(EASE) l=0.50 |", "| RankSys PC(EASE) l=0.50 |",
            "| Longtail w=0.00 |", "| Longtail w=1.00 |", "| Longtail default (w="}) {
            assertTrue(report.contains(row), "missing row " + row);
        }
        assertTrue(report.contains("users**: 6 (sample)"), report);
        assertTrue(Files.exists(folder.resolve("cache").resolve("all-minilm-l6-v2-q.vectors")));
    }
}
