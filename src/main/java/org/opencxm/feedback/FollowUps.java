package org.opencxm.feedback;

import java.util.Optional;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.internal.InvitationStatus;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up surveys, for the other modules: a resolved case asks its customer how satisfied they
 * are with the solution (the workspace's CSAT survey from {@link SurveyTemplate#CSAT_CASE},
 * made and activated on first use, then the builder's to adapt). The invitation goes out by
 * e-mail under the workspace's rules like any other; the answer's {@link
 * SurveyResponseRecorded#reference()} names what it followed up on.
 */
@Service
public class FollowUps {

    private final Invitations invitations;
    private final Surveys surveys;
    private final Workspaces workspaces;
    private final MessageSource messages;

    FollowUps(Invitations invitations, Surveys surveys, Workspaces workspaces, MessageSource messages) {
        this.invitations = invitations;
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    /**
     * Asks the customer by e-mail.
     *
     * @param reference what is followed up on, for example {@code case:<id>}
     * @return the survey they were invited to; empty if the rules skipped them (no address, no
     *     consent, invited recently)
     */
    @Transactional
    public Optional<SurveyId> ask(WorkspaceId workspace, CustomerId customer, String reference) {
        var survey = invitations.followUpSurvey(workspace, () -> create(workspace));
        var invitation = invitations.followUp(workspace, survey, customer, reference);
        return invitation.status() == InvitationStatus.SKIPPED ? Optional.empty() : Optional.of(survey);
    }

    private SurveyId create(WorkspaceId workspace) {
        var locale = workspaces.get(workspace).defaultLocale();
        var name = messages.getMessage(SurveyTemplate.CSAT_CASE.messageKey(), null, locale);
        return surveys.create(workspace, SurveyTemplate.CSAT_CASE, name, locale.getLanguage(), SurveyStatus.ACTIVE)
                .id();
    }
}
