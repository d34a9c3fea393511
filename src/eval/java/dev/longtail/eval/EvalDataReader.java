package dev.longtail.eval;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a data set folder into {@link EvalData}. */
public interface EvalDataReader {

    /**
     * @param folder the data set's folder
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a row is malformed, naming the file and line
     */
    EvalData read(Path folder) throws IOException;
}
