package dev.longtail.catalog;

/** A record of an upload that cannot be read at all, for example an unterminated quote. */
public final class MalformedRowException extends RuntimeException {

    private final long line;

    public MalformedRowException(long line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
