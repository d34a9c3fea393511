package dev.longtail.queue;

/** Messages that could not be handed to a queue. */
public final class QueueException extends RuntimeException {

    public QueueException(String message) {
        super(message);
    }
}
