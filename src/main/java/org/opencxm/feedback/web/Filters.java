package org.opencxm.feedback.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.ResultFilter;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/** Result filters from request parameters: days are whole days in the user's time zone, both ends included. */
final class Filters {

    private Filters() {}

    static ResultFilter of(
            Actor actor,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable UUID touchpoint,
            @Nullable LifecycleStage stage) {
        var zone = actor.timeZone();
        return new ResultFilter(
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                touchpoint == null ? null : new TouchpointId(touchpoint),
                stage);
    }
}
