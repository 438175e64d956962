package org.opencxm.journeys.internal;

import java.util.List;
import org.opencxm.journeys.ComplaintRecorded;
import org.opencxm.platform.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Complaints among the events the lifecycle has just followed, announced for whoever answers
 * them. Replays do not announce: a complaint is news once.
 */
final class FollowedComplaints {

    private FollowedComplaints() {}

    static void announce(ApplicationEventPublisher events, WorkspaceId workspace, List<JourneyEventStore.Owned> owned) {
        for (var o : owned) {
            var event = o.event();
            if (EventProperties.signal(event) == EventProperties.Signal.COMPLAINT) {
                var properties = EventProperties.of(event);
                events.publishEvent(new ComplaintRecorded(
                        workspace,
                        o.customer(),
                        event.id(),
                        event.touchpoint(),
                        event.occurredAt(),
                        EventProperties.text(properties, "category"),
                        EventProperties.text(properties, "severity"),
                        EventProperties.note(event)));
            }
        }
    }
}
