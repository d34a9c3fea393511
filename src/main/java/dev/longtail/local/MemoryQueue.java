package dev.longtail.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.longtail.queue.MessageQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A queue in memory for the local demo: what is sent is later taken out as SQS messages shaped
 * as the Lambda runtime delivers them, ten to a batch.
 */
public final class MemoryQueue implements MessageQueue {

    private final String arn;
    private final Deque<String> bodies = new ArrayDeque<>();
    private long sent;

    public MemoryQueue(String name) {
        this.arn = "arn:aws:sqs:us-east-1:000000000000:" + name;
    }

    @Override
    public synchronized void sendAll(List<String> messages) {
        bodies.addAll(messages);
    }

    /** Takes up to ten messages, as one SQS batch; empty when the queue is empty. */
    public synchronized List<SQSMessage> takeBatch() {
        List<SQSMessage> batch = new ArrayList<>();
        while (batch.size() < 10 && !bodies.isEmpty()) {
            SQSMessage message = new SQSMessage();
            message.setMessageId("local-" + (++sent));
            message.setReceiptHandle("local-receipt-" + sent);
            message.setBody(bodies.poll());
            message.setEventSource("aws:sqs");
            message.setEventSourceArn(arn);
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            batch.add(message);
        }
        return batch;
    }

    public synchronized int size() {
        return bodies.size();
    }
}
