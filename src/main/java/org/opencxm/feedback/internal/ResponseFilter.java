package org.opencxm.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.SqlConditions;
import org.opencxm.touchpoints.TouchpointId;

/**
 * Which responses results and exports count: started from {@code from} up to (not including) {@code to}, at a touchpoint, in a
 * lifecycle stage. Every part is optional.
 */
public record ResponseFilter(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable TouchpointId touchpoint,
        @Nullable LifecycleStage stage) {

    public static final ResponseFilter ALL = new ResponseFilter(null, null, null, null);

    /** The survey's responses this filter admits, as conditions on {@code survey_response r}. */
    SqlConditions of(WorkspaceId workspace, SurveyId survey) {
        return SqlConditions.where("r.workspace_id = ?", workspace.value())
                .and("r.survey_id = ?", survey.value())
                .andIfPresent("r.started_at >= ?", from == null ? null : Timestamp.from(from))
                .andIfPresent("r.started_at < ?", to == null ? null : Timestamp.from(to))
                .andIfPresent("r.touchpoint_id = ?", touchpoint == null ? null : touchpoint.value())
                .andIfPresent("r.lifecycle_stage = ?", stage == null ? null : stage.name());
    }
}
