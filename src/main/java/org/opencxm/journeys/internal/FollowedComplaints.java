package org.opencxm.journeys.internal;

import java.util.List;
import java.util.Map;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.ComplaintRecorded;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.feeds.StoredEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Complaints among the events the lifecycle has just taken from the feed (followed step by step
 * or sent to a replay), announced for whoever answers them. Replays of histories announce
 * nothing: a complaint is news once.
 */
final class FollowedComplaints {

    private FollowedComplaints() {}

    static void announce(
            ApplicationEventPublisher events, WorkspaceId workspace, Map<CustomerId, List<StoredEvent>> byCustomer) {
        byCustomer.forEach((customer, list) -> {
            for (var event : list) {
                announce(events, workspace, customer, event);
            }
        });
    }

    private static void announce(
            ApplicationEventPublisher events, WorkspaceId workspace, CustomerId customer, StoredEvent event) {
        if (EventProperties.signal(event) != EventProperties.Signal.COMPLAINT) {
            return;
        }
        var properties = EventProperties.of(event);
        events.publishEvent(new ComplaintRecorded(
                workspace,
                customer,
                event.id(),
                event.touchpoint(),
                event.occurredAt(),
                EventProperties.text(properties, "category"),
                EventProperties.text(properties, "severity"),
                EventProperties.note(event)));
    }
}
