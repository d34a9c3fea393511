package dev.longtail.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.testing.LocalSqs;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** {@link SqsQueue} against a real SQS-compatible server (ElasticMQ) on 127.0.0.1. */
class SqsQueueTest {

    /** A body SQS refuses: U+0000 is outside the characters a message may hold. */
    private static final String REFUSED = "refused \u0000";

    private final List<List<String>> sentBatches = new ArrayList<>();
    private LocalSqs sqs;
    private String queueUrl;

    @BeforeEach
    void freshQueue() {
        sqs = LocalSqs.shared();
        queueUrl = sqs.queue("q-" + UUID.randomUUID());
    }

    @Test
    void sendsTwentyThreeMessagesInBatchesOfTenTenAndThree() {
        List<String> bodies = numbered(23);

        new SqsQueue(recording(UnaryOperator.identity()), queueUrl).sendAll(bodies);

        assertEquals(List.of(10, 10, 3), sentBatches.stream().map(List::size).toList());
        assertEquals(bodies, receiveAll().stream().sorted().toList());
    }

    @Test
    void entryTheServerRefusedOnceIsSentAgainAlone() {
        List<String> bodies = numbered(4);
        UnaryOperator<SendMessageBatchRequest> spoilFirstCall = request -> sentBatches.size() == 1
                ? replaceBody(request, "m02", REFUSED) : request;

        new SqsQueue(recording(spoilFirstCall), queueUrl).sendAll(bodies);

        assertEquals(2, sentBatches.size(), "calls: " + sentBatches);
        assertEquals(List.of("m02"), sentBatches.get(1));
        assertEquals(bodies, receiveAll().stream().sorted().toList());
    }

    @Test
    void entryRefusedEveryTimeFailsAfterFiveAttemptsNamingTheQueue() {
        SqsQueue queue = new SqsQueue(recording(UnaryOperator.identity()), queueUrl);

        QueueException e = assertThrows(QueueException.class,
                () -> queue.sendAll(List.of("m0", REFUSED)));

        assertEquals(5, sentBatches.size());
        assertTrue(e.getMessage().startsWith("1 messages to " + queueUrl + " failed after 5 attempts"),
                e.getMessage());
        assertEquals(List.of("m0"), receiveAll());
    }

    private static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("m%02d", i)).toList();
    }

    /** The real client, recording each batch's bodies after {@code change} is applied. */
    private SqsClient recording(UnaryOperator<SendMessageBatchRequest> change) {
        SqsClient real = sqs.client();
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(),
                new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendMessageBatch")) {
                        SendMessageBatchRequest request = request(args[0]);
                        sentBatches.add(request.entries().stream()
                                .map(SendMessageBatchRequestEntry::messageBody).toList());
                        return real.sendMessageBatch(change.apply(request));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The request, whether passed whole or as a consumer of its builder. */
    @SuppressWarnings("unchecked")
    private static SendMessageBatchRequest request(Object argument) {
        if (argument instanceof SendMessageBatchRequest request) {
            return request;
        }
        return SendMessageBatchRequest.builder()
                .applyMutation((Consumer<SendMessageBatchRequest.Builder>) argument).build();
    }

    private static SendMessageBatchRequest replaceBody(SendMessageBatchRequest request, String body,
            String replacement) {
        List<SendMessageBatchRequestEntry> entries = request.entries().stream()
                .map(e -> e.messageBody().equals(body)
                        ? e.toBuilder().messageBody(replacement).build() : e)
                .toList();
        return request.toBuilder().entries(entries).build();
    }

    /** Receives and deletes every message in the queue. */
    private List<String> receiveAll() {
        List<String> bodies = new ArrayList<>();
        for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
            for (Message message : batch) {
                bodies.add(message.body());
                sqs.client().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return bodies;
    }

    private List<Message> receive() {
        return sqs.client().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(0)).messages();
    }
}
