package dev.longtail.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovieLensReaderTest {

    @Test
    void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
        assertArrayEquals(new String[] {"3", "Lantern, The (1983)", "Sci-Fi"},
                MovieLensReader.split("3,\"Lantern, The (1983)\",Sci-Fi"));
        assertArrayEquals(new String[] {"5", "Comet \"Blue\" (1985)", ""},
                MovieLensReader.split("5,\"Comet \"\"Blue\"\" (1985)\","));
    }

    @Test
    void readsTheThreeFiles() throws Exception {
        EvalData data = new MovieLensReader().read(Path.of("src/test/resources/eval/tiny-movielens"));

        assertEquals(24, data.movies().size());
        assertEquals(List.of(), data.movies().get(23).genres());
        assertEquals(83, data.ratings().size());
        assertEquals("dark, moody", data.tags().get(2).tag());
        assertEquals(1500000100000L, data.tags().get(0).timestampMillis());
    }
}
