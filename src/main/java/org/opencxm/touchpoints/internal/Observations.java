package org.opencxm.touchpoints.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.feeds.IdentityObservation;

/**
 * Reduces stored events to the identity observations profiles need: each identify and alias,
 * and of the other events per pair of ids the earliest and the latest, so that a profile's
 * first and last seen times are those of its events.
 */
final class Observations {

    private Observations() {}

    static List<IdentityObservation> of(List<CollectedEvent> stored, Sender sender) {
        var result = new ArrayList<IdentityObservation>();
        var earliestPerPair = new LinkedHashMap<String, IdentityObservation>();
        var latestPerPair = new LinkedHashMap<String, IdentityObservation>();
        for (var event : stored) {
            var observation = new IdentityObservation(
                    event.type(),
                    event.anonymousId(),
                    event.userId(),
                    event.previousId(),
                    event.type() == EventType.IDENTIFY ? event.traits() : null,
                    event.occurredAt(),
                    sender.writeKey(),
                    sender.trusted());
            if (event.type() == EventType.IDENTIFY || event.type() == EventType.ALIAS) {
                result.add(observation);
            } else {
                var pair = Objects.toString(event.anonymousId()) + '\u0000' + Objects.toString(event.userId());
                earliestPerPair.merge(
                        pair, observation, (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? b : a);
                latestPerPair.merge(pair, observation, (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? a : b);
            }
        }
        earliestPerPair.forEach((pair, earliest) -> {
            result.add(earliest);
            var latest = latestPerPair.get(pair);
            if (!latest.occurredAt().equals(earliest.occurredAt())) {
                result.add(latest);
            }
        });
        return result;
    }
}
