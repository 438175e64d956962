package org.opencxm.cases.internal;

import java.time.Clock;
import java.util.Optional;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseStatusChanged;
import org.opencxm.feedback.FollowUps;
import org.opencxm.feedback.SurveyResponseRecorded;
import org.opencxm.platform.WorkspaceId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closed loop: a resolved case asks its customer, through the feedback module's follow-up
 * survey, how satisfied they are with the solution. The answer is written on the case; a low
 * one (the same thresholds that open cases) reopens it, because the problem is not solved for
 * the customer, whatever the case said.
 */
@Component
class CaseFollowUp {

    static final String PREFIX = "case:";

    private final FollowUps followUps;
    private final CaseStore cases;
    private final CaseEntryStore entries;
    private final CaseChanges changes;
    private final CaseRules rules;
    private final Clock clock;

    CaseFollowUp(
            FollowUps followUps,
            CaseStore cases,
            CaseEntryStore entries,
            CaseChanges changes,
            CaseRules rules,
            Clock clock) {
        this.rules = rules;
        this.followUps = followUps;
        this.cases = cases;
        this.entries = entries;
        this.changes = changes;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseStatusChanged changed) {
        if (changed.to() != CaseStatus.RESOLVED) {
            return;
        }
        var asked = followUps.ask(
                changed.workspaceId(),
                changed.customerId(),
                PREFIX + changed.caseId().value());
        entries.append(
                changed.workspaceId(),
                changed.caseId(),
                new CaseEntry(
                        CaseEntry.Kind.SURVEY,
                        null,
                        null,
                        asked.isPresent() ? "SENT" : "SKIPPED",
                        null,
                        clock.instant()),
                null);
    }

    /** The case a response follows up on, if it does. */
    static Optional<CaseId> of(SurveyResponseRecorded response) {
        var reference = response.reference();
        if (reference == null || !reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CaseId(java.util.UUID.fromString(reference.substring(PREFIX.length()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The customer answered the follow-up: on the case, and a low answer reopens it. */
    @Transactional
    public void answered(WorkspaceId workspace, CaseId id, SurveyResponseRecorded response) {
        var supportCase = cases.find(workspace, id).orElse(null);
        if (supportCase == null) {
            return;
        }
        var score = response.scoreType() == null || response.score() == null
                ? null
                : response.scoreType() + " " + response.score();
        var at = clock.instant();
        entries.append(workspace, id, new CaseEntry(CaseEntry.Kind.SURVEY, score, null, "ANSWERED", null, at), null);
        var low =
                CaseOpening.forAnswer(response.scoreType(), response.score(), rules.of(workspace), response.surveyId())
                        instanceof CaseOpening.Open;
        var current = changes.current(workspace, id);
        if (low && !current.view().status().open()) {
            changes.save(workspace, current, current.move(CaseStatus.IN_PROGRESS, null, at), null);
        }
    }
}
