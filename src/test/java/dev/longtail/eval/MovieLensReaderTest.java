package dev.longtail.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensReaderTest {

    @Test
    void readsTheThreeFiles() throws Exception {
        EvalData data = new MovieLensReader().read(Path.of("src/test/resources/eval/tiny-movielens"));

        assertEquals(24, data.movies().size());
        assertEquals(List.of(), data.movies().get(23).genres());
        assertEquals(83, data.ratings().size());
        assertEquals("dark, moody", data.tags().get(2).tag());
        assertEquals(1500000100000L, data.tags().get(0).timestampMillis());
        assertEquals("1", data.tags().get(0).user());
    }

    @Test
    void rejectedRowStopsTheReadNamingFileAndLine(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n1,,Drama\n");
        Files.writeString(folder.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MovieLensReader().read(folder));

        assertTrue(e.getMessage().contains("movies.csv:2 [title]"), e.getMessage());
    }
}
