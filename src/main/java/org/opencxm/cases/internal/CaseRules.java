package org.opencxm.cases.internal;

import java.time.Clock;
import org.opencxm.feedback.SurveyDirectory;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workspace's {@link CaseIntakeRules}: what its admin set, else the built-in categories and
 * thresholds. A change never deletes a category (cases may be filed under it): one left out is
 * kept, retired.
 */
@Component
public class CaseRules {

    private final CaseIntakeStore store;
    private final SurveyDirectory surveys;
    private final Clock clock;

    CaseRules(CaseIntakeStore store, SurveyDirectory surveys, Clock clock) {
        this.store = store;
        this.surveys = surveys;
        this.clock = clock;
    }

    public CaseIntakeRules of(WorkspaceId workspace) {
        return store.find(workspace).orElse(CaseIntakeRules.DEFAULTS);
    }

    public CaseCategories categories(WorkspaceId workspace) {
        return of(workspace).categories();
    }

    /** Checks and keeps the workspace's rules; answers and complaints from now on are judged by them. */
    @Transactional
    public CaseIntakeRules save(WorkspaceId workspace, CaseIntakeRules changed) {
        var checked = changed.check(surveys.scored(workspace));
        var kept = new CaseIntakeRules(
                checked.categories().keeping(of(workspace).categories()), checked.thresholds(), checked.surveys());
        store.save(workspace, kept, clock.instant());
        return kept;
    }
}
