package dev.longtail.interest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the log records reaching the JUL root logger while open (JBoss Logging and SLF4J
 * both end there under the JBoss LogManager), with the project's and LangChain4j's loggers
 * opened to every level.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger project = Logger.getLogger("dev.longtail");
    private final Logger langchain = Logger.getLogger("dev.langchain4j");

    LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
        project.setLevel(Level.ALL);
        langchain.setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(record.getLevel()).append(' ')
                .append(record.getLoggerName()).append(' ')
                .append(record.getMessage());
        if (record.getParameters() != null) {
            line.append(' ').append(Arrays.toString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(line.toString());
    }

    /** @return every record so far as one line: level, logger, message, parameters, trace */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        project.setLevel(null);
        langchain.setLevel(null);
    }
}
