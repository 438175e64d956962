package org.opencxm.feedback.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.customers.IdentityKind;
import org.opencxm.platform.LifecycleStage;
import org.springframework.stereotype.Component;

/**
 * The lifecycle stage a response is filed under: the respondent's own stage when they are a
 * known customer (a repeat buyer answering a delivery survey is still a repeat buyer), else the
 * stage the survey asks about.
 */
@Component
class RespondentStages {

    private final Customers customers;

    RespondentStages(Customers customers) {
        this.customers = customers;
    }

    @Nullable
    LifecycleStage of(Survey survey, @Nullable CustomerId customer, @Nullable String anonymousId) {
        var workspace = survey.workspaceId();
        var id = customer;
        if (id == null && anonymousId != null) {
            id = customers
                    .holders(workspace, IdentityKind.ANONYMOUS_ID, List.of(anonymousId))
                    .get(anonymousId);
        }
        if (id == null) {
            return survey.stage();
        }
        var own = customers.byIds(workspace, List.of(id)).get(id);
        return own != null && own.stage() != null ? own.stage() : survey.stage();
    }
}
