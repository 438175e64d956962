package org.opencxm.feedback.internal;

import java.time.Clock;
import java.util.List;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event-triggered surveys: a trigger follows the events received after it was created; {@link
 * TriggerScanner} turns each matching event into an invitation scheduled for its send time.
 * Both the watermark and the scheduled invitations live in the database, so they survive
 * restarts and any node can continue.
 */
@Service
public class Triggers {

    private final TriggerStore store;
    private final SurveyStore surveys;
    private final Clock clock;

    Triggers(TriggerStore store, SurveyStore surveys, Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Transactional
    public SurveyTrigger create(WorkspaceId workspace, SurveyId survey, SurveyTrigger.Draft draft) {
        surveys.find(workspace, survey).orElseThrow(() -> new NotFoundException("survey", survey));
        var traitName = blankToNull(draft.traitName());
        var trigger = new SurveyTrigger(
                new TriggerId(Ids.next()),
                survey,
                draft.eventName().strip(),
                draft.delayDays(),
                traitName,
                traitName == null ? null : blankToNull(draft.traitValue()),
                true,
                clock.instant());
        store.insert(workspace, trigger);
        return trigger;
    }

    /** @throws NotFoundException for a survey of another workspace, rather than an empty list that says it exists */
    @Transactional(readOnly = true)
    public List<SurveyTrigger> ofSurvey(WorkspaceId workspace, SurveyId survey) {
        surveys.find(workspace, survey).orElseThrow(() -> new NotFoundException("survey", survey));
        return store.ofSurvey(workspace, survey);
    }

    @Transactional
    public void stop(WorkspaceId workspace, SurveyId survey, TriggerId id) {
        if (store.deactivate(workspace, survey, id) == 0) {
            throw new NotFoundException("trigger", id);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
