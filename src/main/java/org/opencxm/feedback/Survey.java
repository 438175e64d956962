package org.opencxm.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;

/**
 * A survey with its questions.
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

    public boolean open() {
        return status == SurveyStatus.ACTIVE;
    }
}
