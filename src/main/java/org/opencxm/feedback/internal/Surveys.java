package org.opencxm.feedback.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.opencxm.feedback.SurveyId;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The survey builder's façade: create (blank or from a template), change, look up. */
@Service
public class Surveys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyStore store;
    private final Touchpoints touchpoints;
    private final Clock clock;

    Surveys(SurveyStore store, Touchpoints touchpoints, Clock clock) {
        this.store = store;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Survey> list(WorkspaceId workspace) {
        return store.list(workspace);
    }

    @Transactional(readOnly = true)
    public Survey get(WorkspaceId workspace, SurveyId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("survey", id));
    }

    /** The survey behind an anonymous link, in whichever workspace it lives. */
    @Transactional(readOnly = true)
    public Optional<Survey> byPublicKey(String publicKey) {
        return store.findByPublicKey(publicKey);
    }

    @Transactional
    public Survey create(WorkspaceId workspace, SurveyDraft draft) {
        var survey = Survey.create(new SurveyId(Ids.next()), workspace, publicKey(), draft, clock.instant());
        checkTouchpoint(workspace, draft);
        store.save(survey);
        return get(workspace, survey.id());
    }

    /** A draft copy of a standard survey, bound to the template's lifecycle stage. */
    @Transactional
    public Survey create(WorkspaceId workspace, SurveyTemplate template, String name, String language) {
        return create(workspace, template, name, language, SurveyStatus.DRAFT);
    }

    /** A copy of a standard survey in the status given: active for one OpenCXM sends itself. */
    @Transactional
    public Survey create(
            WorkspaceId workspace, SurveyTemplate template, String name, String language, SurveyStatus status) {
        return create(
                workspace,
                new SurveyDraft(
                        name,
                        status,
                        language,
                        null,
                        template.stage(),
                        TemplateDefinitions.definition(template),
                        null));
    }

    /** Saves the builder's or the API's changes; the survey itself refuses an invalid definition or status change. */
    @Transactional
    public Survey update(WorkspaceId workspace, SurveyId id, SurveyDraft draft) {
        var revised = get(workspace, id).revise(draft, clock.instant());
        checkTouchpoint(workspace, draft);
        store.save(revised);
        return get(workspace, id);
    }

    private void checkTouchpoint(WorkspaceId workspace, SurveyDraft draft) {
        if (draft.touchpointId() != null) {
            try {
                touchpoints.get(workspace, new TouchpointId(draft.touchpointId()));
            } catch (NotFoundException e) {
                throw new InvalidInputException("touchpointId", "survey.invalid.touchpoint");
            }
        }
    }

    private static String publicKey() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
