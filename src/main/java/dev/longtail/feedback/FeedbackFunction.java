package dev.longtail.feedback;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.longtail.config.Components;
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
     * Applies the message's event, or its run of events. In a run with bad events the good ones
     * are applied first; the message then fails, so that it is retried (the good events are not
     * counted again) and finally kept in the dead-letter queue for inspection.
     *
     * @return how many events were applied now and how many had been before
     * @throws InvalidFeedbackException naming the event and field at fault for malformed input
     */
    @Funq("feedback")
    public FeedbackService.Result feedback(SQSMessage message) {
        MDC.put("messageId", message.getMessageId());
        try {
            FeedbackMessage.Parsed parsed = FeedbackMessage.parseAll(message.getBody());
            FeedbackService.Result result = parsed.events().isEmpty()
                    ? new FeedbackService.Result(0, 0)
                    : components.feedback().applyAll(parsed.events());
            LOG.debugf("applied %d events, %d duplicates", result.applied(), result.duplicates());
            if (!parsed.errors().isEmpty()) {
                throw new InvalidFeedbackException(parsed.errors().get(0).field(), parsed.errors().get(0).reason()
                        + (parsed.errors().size() > 1 ? " (and " + (parsed.errors().size() - 1)
                                + " more bad events)" : ""));
            }
            return result;
        } catch (InvalidFeedbackException e) {
            LOG.warnf("rejected message %s: %s", message.getMessageId(), e.getMessage());
            throw e;
        } finally {
            MDC.remove("messageId");
        }
    }
}
