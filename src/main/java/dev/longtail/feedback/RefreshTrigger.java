package dev.longtail.feedback;

import dev.longtail.embed.EmbedMessage;
import dev.longtail.queue.MessageQueue;
import dev.longtail.store.ProfileStore;
import java.util.List;

/**
 * Asks for a user's interest summary to be refreshed once enough new feedback has arrived: a
 * profile message on the embed queue when the events counted since the last refresh reach
 * {@code firstAfter} (before any refresh was attempted for the user) or {@code refreshAfter}.
 *
 * <p>A message is sent only by the run of events that takes the counter across the threshold, so
 * a burst of events crossing it sends one; the refresh resets the counter whatever its outcome.
 */
public final class RefreshTrigger {

    private final MessageQueue embedQueue;
    private final int firstAfter;
    private final int refreshAfter;

    /**
     * @param embedQueue   where profile messages go; {@code null} sends none
     * @param firstAfter   events before a user's first summary, 1 or more
     * @param refreshAfter events between later refreshes, 1 or more
     * @throws IllegalArgumentException naming a threshold below 1
     */
    public RefreshTrigger(MessageQueue embedQueue, int firstAfter, int refreshAfter) {
        if (firstAfter < 1 || refreshAfter < 1) {
            throw new IllegalArgumentException("refresh thresholds must be 1 or more, were first "
                    + firstAfter + " and then " + refreshAfter);
        }
        this.embedQueue = embedQueue;
        this.firstAfter = firstAfter;
        this.refreshAfter = refreshAfter;
    }

    /** A trigger that never asks: for deployments without an embed queue. */
    public static RefreshTrigger none() {
        return new RefreshTrigger(null, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * @param noted what noting the user's latest run of events found
     * @return whether a profile message was sent
     * @throws dev.longtail.queue.QueueException when the message could not be sent
     */
    public boolean afterEvents(String userId, ProfileStore.Noted noted) {
        long threshold = noted.refreshed() ? refreshAfter : firstAfter;
        long before = noted.sinceSummary() - noted.added();
        if (embedQueue == null || before >= threshold || noted.sinceSummary() < threshold) {
            return false;
        }
        embedQueue.sendAll(List.of(EmbedMessage.forProfile(userId)));
        return true;
    }
}
