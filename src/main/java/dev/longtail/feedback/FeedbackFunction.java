package dev.longtail.feedback;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.longtail.config.Components;
import dev.longtail.store.UserEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The feedback function: one call per message of the feedback queue. A malformed message fails
 * alone (a batch item failure); a redelivered event is recognised and not counted again.
 */
public class FeedbackFunction {

    private static final Logger LOG = Logger.getLogger(FeedbackFunction.class);

    private final Components components;

    @Inject
    public FeedbackFunction(Components components) {
        this.components = components;
    }

    /**
     * @return {@code APPLIED} or {@code DUPLICATE}
     * @throws InvalidFeedbackException naming the field at fault for a malformed message
     */
    @Funq("feedback")
    public String feedback(SQSMessage message) {
        MDC.put("messageId", message.getMessageId());
        try {
            UserEvent event = FeedbackMessage.parse(message.getBody());
            FeedbackService.Outcome outcome = components.feedback().apply(event);
            LOG.debugf("event %s of user %s: %s", event.eventId(), event.userId(), outcome);
            return outcome.name();
        } catch (InvalidFeedbackException e) {
            LOG.warnf("rejected message %s: %s", message.getMessageId(), e.getMessage());
            throw e;
        } finally {
            MDC.remove("messageId");
        }
    }
}
