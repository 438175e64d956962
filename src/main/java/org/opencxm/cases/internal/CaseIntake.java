package org.opencxm.cases.internal;

import java.time.Clock;
import org.opencxm.cases.CaseSource;
import org.opencxm.cases.Cases;
import org.opencxm.customers.CustomersMerged;
import org.opencxm.feedback.SurveyResponseRecorded;
import org.opencxm.journeys.ComplaintRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Raises cases from what other modules report: a complaint followed into a customer's journey,
 * and a survey answer at or below the threshold. Each reaction is durable (Spring Modulith's event
 * registry) and keyed by its source, so a redelivered event opens nothing twice. Anonymous answers
 * open no case: there is nobody to answer; nor do complaints that arrive as history (older than
 * two weeks), such as an import of last year's.
 */
@Component
class CaseIntake {

    private final Cases cases;
    private final CaseStore store;
    private final CaseFollowUp followUp;
    private final CaseRules rules;
    private final Clock clock;

    CaseIntake(Cases cases, CaseStore store, CaseFollowUp followUp, CaseRules rules, Clock clock) {
        this.rules = rules;
        this.cases = cases;
        this.store = store;
        this.followUp = followUp;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ComplaintRecorded complaint) {
        if (!CaseOpening.news(complaint.occurredAt(), clock.instant())) {
            return;
        }
        cases.raise(
                complaint.workspaceId(),
                complaint.customerId(),
                complaint.note() == null ? "" : complaint.note(),
                complaint.category(),
                CaseOpening.forComplaint(complaint.severity()),
                CaseSource.COMPLAINT,
                complaint.eventId().toString(),
                complaint.touchpointId());
    }

    /** Two profiles turned out to be one person: their cases are the survivor's. */
    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        store.reassign(merged.workspaceId(), merged.merged(), merged.survivor());
    }

    @ApplicationModuleListener
    void on(SurveyResponseRecorded response) {
        var followed = CaseFollowUp.of(response);
        if (followed.isPresent()) {
            // the answer to a resolved case's follow-up goes onto that case, not into a new one
            followUp.answered(response.workspaceId(), followed.get(), response);
            return;
        }
        if (response.customerId() == null) {
            return;
        }
        var rules = this.rules.of(response.workspaceId());
        if (CaseOpening.forAnswer(response.scoreType(), response.score(), rules, response.surveyId())
                instanceof CaseOpening.Open open) {
            cases.raise(
                    response.workspaceId(),
                    response.customerId(),
                    response.scoreType() + " " + response.score(),
                    null,
                    open.severity(),
                    CaseSource.FEEDBACK,
                    response.responseId().toString(),
                    response.touchpointId());
        }
    }
}
