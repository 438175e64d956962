package org.opencxm.feedback.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.internal.ResponseFilter;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/**
 * The result filters as request parameters ({@code from}, {@code to}, {@code touchpointId},
 * {@code stage}): days are whole days in the user's time zone, both ends included.
 */
public record ResponseFilterParams(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable UUID touchpointId,
        @Nullable LifecycleStage stage) {

    ResponseFilter filter(Actor actor) {
        var zone = actor.timeZone();
        return new ResponseFilter(
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                touchpointId == null ? null : new TouchpointId(touchpointId),
                stage);
    }
}
