package dev.longtail.embed;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.longtail.config.Components;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The embed function: one call per message of the embed queue (the SQS batch is split by the
 * runtime, and a message whose call throws is reported as a batch item failure and retried).
 * Item messages embed items; profile messages refresh a user's interest summary.
 */
public class EmbedFunction {

    private static final Logger LOG = Logger.getLogger(EmbedFunction.class);

    private final Components components;

    @Inject
    public EmbedFunction(Components components) {
        this.components = components;
    }

    /**
     * @throws IllegalArgumentException for a malformed message (it goes to the dead-letter queue
     *     after its retries)
     * @throws InterestRefreshException when a hosted interest model failed for now (the message
     *     is delivered again later; the stored summary stays)
     */
    @Funq("embed")
    public EmbedService.Result embed(SQSMessage message) {
        MDC.put("messageId", message.getMessageId());
        try {
            EmbedMessage request = parse(message);
            if (request.userId() != null) {
                return refreshInterests(request.userId());
            }
            EmbedService.Result result = components.embed().embedItems(request.itemIds());
            LOG.infof("embedded %d of %d items (%d unchanged, %d unknown)", result.embedded(),
                    result.requested(), result.unchanged(), result.unknown());
            return result;
        } finally {
            MDC.remove("messageId");
        }
    }

    private EmbedService.Result refreshInterests(String userId) {
        long started = System.nanoTime();
        try {
            InterestService.Outcome outcome = components.interests().refresh(userId);
            LOG.infof("interest summary of user %s: %s in %d ms", userId, outcome,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbedService.Result(0, 0, 0, 0);
        } catch (InterestRefreshException e) {
            LOG.warnf("interest summary of user %s: %s after %d ms, message will be retried",
                    userId, e.kind(), (System.nanoTime() - started) / 1_000_000);
            throw e;
        }
    }

    private static EmbedMessage parse(SQSMessage message) {
        try {
            return EmbedMessage.parse(message.getBody());
        } catch (IllegalArgumentException e) {
            LOG.warnf("rejected message %s: %s", message.getMessageId(), e.getMessage());
            throw e;
        }
    }
}
