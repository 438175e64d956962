package org.opencxm.feedback.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.TouchpointId;

/**
 * A survey with its questions. It changes only through {@link #revise}, which checks the
 * definition and the status transition ({@link SurveyStatus#canTransitionTo}); the store saves
 * what comes back.
 *
 * @param publicKey the anonymous link is {@code /s/{publicKey}}
 * @param touchpointId the touchpoint its responses are about, e.g. delivery or hotline
 * @param stage the lifecycle stage its responses are about
 */
public record Survey(
        SurveyId id,
        WorkspaceId workspaceId,
        String publicKey,
        String name,
        SurveyStatus status,
        String defaultLanguage,
        @Nullable TouchpointId touchpointId,
        @Nullable LifecycleStage stage,
        SurveyDefinition definition,
        WidgetSettings widget,
        Instant createdAt,
        Instant updatedAt) {

    /** A new survey as drafted; it starts out as a draft, so it may be created active or closed as well. */
    static Survey create(SurveyId id, WorkspaceId workspace, String publicKey, SurveyDraft draft, Instant now) {
        var blank = new Survey(
                id,
                workspace,
                publicKey,
                draft.name(),
                SurveyStatus.DRAFT,
                draft.defaultLanguage(),
                null,
                null,
                draft.definition(),
                WidgetSettings.OFF,
                now,
                now);
        return blank.revise(draft, now);
    }

    /** The survey as the builder or the API changed it; refuses an invalid definition or status change. */
    Survey revise(SurveyDraft draft, Instant now) {
        draft.definition().validate();
        if (!status.canTransitionTo(draft.status())) {
            throw new InvalidInputException("status", "survey.invalid.transition");
        }
        return new Survey(
                id,
                workspaceId,
                publicKey,
                draft.name().strip(),
                draft.status(),
                draft.defaultLanguage(),
                draft.touchpointId() == null ? null : new TouchpointId(draft.touchpointId()),
                draft.stage(),
                draft.definition(),
                draft.widgetOrOff(),
                createdAt,
                now);
    }

    public boolean open() {
        return status == SurveyStatus.ACTIVE;
    }
}
