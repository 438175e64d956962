package org.opencxm.feedback;

import java.time.Instant;
import java.util.List;
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

    /** Personal links that went out at these times and were never answered. */
    void unanswered(WorkspaceId workspace, SurveyId survey, List<Instant> sentAt);

    /**
     * Records the responses, or none of them: answers the survey's questions could not have been
     * given are refused, each named by its path ({@code responses[3].answers[0]}).
     *
     * @return the responses' ids, in order
     */
    List<ResponseId> record(WorkspaceId workspace, SurveyId survey, List<PastResponse> responses);
}
