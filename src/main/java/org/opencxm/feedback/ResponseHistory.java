package org.opencxm.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Language;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;

/**
 * Survey history kept elsewhere until now (another survey tool, a paper campaign, the demo):
 * active surveys made from the standard templates, and responses given in the past together
 * with the invitations they answered, so that response rates and trends come out right. History
 * is not announced: it raises no cases and lands on no timeline, since it happened long ago.
 * Each call joins the caller's transaction, or runs in one of its own.
 */
public interface ResponseHistory {

    /** An active survey from the template, bound to a touchpoint if one is given. */
    SurveyId openSurvey(
            WorkspaceId workspace,
            SurveyTemplate template,
            String name,
            Language language,
            @Nullable TouchpointId touchpoint);

    /** A personal link that went out at {@code sentAt} and was never answered. */
    void unanswered(WorkspaceId workspace, SurveyId survey, Instant sentAt);

    /**
     * Records the response; refuses answers the survey's questions could not have been given.
     *
     * @return the response's id
     */
    ResponseId record(WorkspaceId workspace, SurveyId survey, PastResponse response);
}
