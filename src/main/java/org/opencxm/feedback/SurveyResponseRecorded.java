package org.opencxm.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;

/**
 * A respondent finished a survey. Published once per response, in the transaction that
 * completes it.
 *
 * @param scoreType the type of the survey's headline question (NPS, CSAT, CES or stars), if any
 * @param score the answer to that question, if given
 * @param reference what the invitation answered followed up on ({@code case:<id>} for a resolved
 *     case), if anything
 */
public record SurveyResponseRecorded(
        WorkspaceId workspaceId,
        ResponseId responseId,
        SurveyId surveyId,
        @Nullable CustomerId customerId,
        @Nullable TouchpointId touchpointId,
        @Nullable LifecycleStage stage,
        @Nullable QuestionType scoreType,
        @Nullable Integer score,
        Instant completedAt,
        @Nullable String reference) {}
