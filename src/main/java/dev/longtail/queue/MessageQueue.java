package dev.longtail.queue;

import java.util.List;

/** Somewhere to send work for another function: the embed or the feedback queue. */
public interface MessageQueue {

    /**
     * Sends each body as one message, in batches where the queue allows.
     *
     * @throws QueueException when some messages could not be sent after retries; none of the
     *     bodies is reported as sent then, and sending all of them again is safe because every
     *     consumer ignores what it has already done
     */
    void sendAll(List<String> bodies);
}
