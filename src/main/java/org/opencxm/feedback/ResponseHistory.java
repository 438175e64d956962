package org.opencxm.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.internal.HistoricalResponses;
import org.opencxm.platform.Language;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey history kept elsewhere until now (another survey tool, a paper campaign, the demo):
 * active surveys made from the standard templates, and responses given in the past together
 * with the invitations they answered, so that response rates and trends come out right. History
 * is not announced: it raises no cases and lands on no timeline, since it happened long ago.
 */
@Service
public class ResponseHistory {

    private final HistoricalResponses history;

    ResponseHistory(HistoricalResponses history) {
        this.history = history;
    }

    /** An active survey from the template, bound to a touchpoint if one is given. */
    @Transactional
    public SurveyId openSurvey(
            WorkspaceId workspace,
            SurveyTemplate template,
            String name,
            Language language,
            @Nullable TouchpointId touchpoint) {
        return history.openSurvey(workspace, template, name, language, touchpoint);
    }

    /** A personal link that went out at {@code sentAt} and was never answered. */
    @Transactional
    public void unanswered(WorkspaceId workspace, SurveyId survey, Instant sentAt) {
        history.unanswered(workspace, survey, sentAt);
    }

    /**
     * Records the response; refuses answers the survey's questions could not have been given.
     *
     * @return the response's id
     */
    @Transactional
    public ResponseId record(WorkspaceId workspace, SurveyId survey, PastResponse response) {
        return history.record(workspace, survey, response);
    }
}
