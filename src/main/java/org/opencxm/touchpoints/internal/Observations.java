package org.opencxm.touchpoints.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.IdentityObservation;

/** Reduces stored events to the identity observations profiles need. */
final class Observations {

    private Observations() {}

    static List<IdentityObservation> of(List<CollectedEvent> stored, Sender sender) {
        var result = new ArrayList<IdentityObservation>();
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
                latestPerPair.merge(
                        Objects.toString(event.anonymousId()) + '\u0000' + Objects.toString(event.userId()),
                        observation,
                        (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? a : b);
            }
        }
        result.addAll(latestPerPair.values());
        return result;
    }
}
