package org.opencxm.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/**
 * Which responses results count: started in [from, to), at a touchpoint, in a lifecycle stage.
 * Every part is optional.
 */
public record ResultFilter(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable TouchpointId touchpoint,
        @Nullable LifecycleStage stage) {

    public static final ResultFilter ALL = new ResultFilter(null, null, null, null);

    /** SQL conditions on {@code survey_response r}, with their parameters appended to {@code params}. */
    String conditions(List<Object> params) {
        var sql = new StringBuilder();
        if (from != null) {
            sql.append(" and r.started_at >= ?");
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and r.started_at < ?");
            params.add(java.sql.Timestamp.from(to));
        }
        if (touchpoint != null) {
            sql.append(" and r.touchpoint_id = ?");
            params.add(touchpoint.value());
        }
        if (stage != null) {
            sql.append(" and r.lifecycle_stage = ?");
            params.add(stage.name());
        }
        return sql.toString();
    }

    static List<Object> params(Object... first) {
        return new ArrayList<>(List.of(first));
    }
}
