package dev.longtail.queue;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** An SQS queue, sent to ten messages at a time; failed entries are retried. */
public final class SqsQueue implements MessageQueue {

    private static final int BATCH = 10;
    private static final int MAX_ATTEMPTS = 5;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void sendAll(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .messageBody(bodies.get(i)).build());
            }
            send(entries);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> batch = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            pending = batch.stream().filter(e -> failedIds.contains(e.id())).toList();
            if (!pending.isEmpty() && attempt >= MAX_ATTEMPTS) {
                throw new QueueException(pending.size() + " messages to " + queueUrl
                        + " failed after " + attempt + " attempts: " + response.failed().get(0).message());
            }
        }
    }
}
