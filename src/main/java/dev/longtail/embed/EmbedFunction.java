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
     */
    @Funq("embed")
    public EmbedService.Result embed(SQSMessage message) {
        MDC.put("messageId", message.getMessageId());
        try {
            EmbedMessage request = parse(message);
            if (request.userId() != null) {
                // Interest summaries are refreshed by the profile step of this function.
                LOG.infof("profile refresh for a user is not handled by this deployment; skipped");
                return new EmbedService.Result(0, 0, 0, 0);
            }
            EmbedService.Result result = components.embed().embedItems(request.itemIds());
            LOG.infof("embedded %d of %d items (%d unchanged, %d unknown)", result.embedded(),
                    result.requested(), result.unchanged(), result.unknown());
            return result;
        } finally {
            MDC.remove("messageId");
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
