package dev.longtail.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time from a stream, so a file of any size is never held
 * whole. Fields may be quoted; a quoted field may hold commas, doubled quotes and line breaks.
 * Each record knows the line on which it started, for error messages.
 */
final class CsvReader implements AutoCloseable {

    /** One record: its fields and the 1-based line number where it starts. */
    record Row(long line, List<String> fields) {
    }

    private final Reader in;
    private long line = 1;
    private int pending = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * @return the next record, or {@code null} at the end of the stream
     * @throws MalformedRowException when a quoted field is not closed before the end of the stream
     */
    Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedRowException(start, "a quoted field is not closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    countLine(c);
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pending = after;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Row(start, fields);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private void countLine(int c) {
        if (c == '\n') {
            line++;
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
