package org.opencxm.feedback.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Draft surveys can be previewed only; active ones take answers; closed ones no longer do. A
 * survey that has taken answers never becomes a draft again (its answers would belong to
 * questions still being written); it closes, and may reopen.
 */
public enum SurveyStatus {
    DRAFT,
    ACTIVE,
    CLOSED;

    public boolean canTransitionTo(SurveyStatus next) {
        return next == this || successors().contains(next);
    }

    private Set<SurveyStatus> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE, CLOSED);
            case ACTIVE -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(ACTIVE);
        };
    }

    public String messageKey() {
        return "survey.status." + name();
    }
}
