package dev.longtail.store;

/** A store operation that could not complete; the caller's input may be retried as a whole. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }
}
