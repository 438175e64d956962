package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.cases.CaseStatus.ACKNOWLEDGED;
import static org.opencxm.cases.CaseStatus.CLOSED;
import static org.opencxm.cases.CaseStatus.IN_PROGRESS;
import static org.opencxm.cases.CaseStatus.NEW;
import static org.opencxm.cases.CaseStatus.RESOLVED;
import static org.opencxm.cases.CaseStatus.WAITING_FOR_CUSTOMER;

import org.junit.jupiter.api.Test;

class CaseTransitionsTests {

    @Test
    void workGoesForwardAndMayWaitForTheCustomer() {
        assertThat(CaseTransitions.decide(NEW, ACKNOWLEDGED)).isEqualTo(new CaseTransitions.Allowed(false));
        assertThat(CaseTransitions.decide(ACKNOWLEDGED, IN_PROGRESS)).isEqualTo(new CaseTransitions.Allowed(false));
        assertThat(CaseTransitions.decide(IN_PROGRESS, WAITING_FOR_CUSTOMER))
                .isEqualTo(new CaseTransitions.Allowed(false));
        assertThat(CaseTransitions.decide(WAITING_FOR_CUSTOMER, IN_PROGRESS))
                .isEqualTo(new CaseTransitions.Allowed(false));
        assertThat(CaseTransitions.decide(IN_PROGRESS, RESOLVED)).isEqualTo(new CaseTransitions.Allowed(false));
        assertThat(CaseTransitions.decide(RESOLVED, CLOSED)).isEqualTo(new CaseTransitions.Allowed(false));
    }

    @Test
    void aResolvedOrClosedCaseCanOnlyBeReopened() {
        assertThat(CaseTransitions.decide(RESOLVED, IN_PROGRESS)).isEqualTo(new CaseTransitions.Allowed(true));
        assertThat(CaseTransitions.decide(CLOSED, IN_PROGRESS)).isEqualTo(new CaseTransitions.Allowed(true));
        assertThat(CaseTransitions.decide(CLOSED, NEW))
                .isEqualTo(new CaseTransitions.Refused("case.invalid.transition"));
        assertThat(CaseTransitions.decide(RESOLVED, WAITING_FOR_CUSTOMER))
                .isEqualTo(new CaseTransitions.Refused("case.invalid.transition"));
    }

    @Test
    void nothingIsClosedUnresolvedNorMovedBackToNew() {
        assertThat(CaseTransitions.decide(NEW, CLOSED))
                .isEqualTo(new CaseTransitions.Refused("case.invalid.closeUnresolved"));
        assertThat(CaseTransitions.decide(IN_PROGRESS, CLOSED))
                .isEqualTo(new CaseTransitions.Refused("case.invalid.closeUnresolved"));
        assertThat(CaseTransitions.decide(IN_PROGRESS, NEW))
                .isEqualTo(new CaseTransitions.Refused("case.invalid.transition"));
        assertThat(CaseTransitions.decide(NEW, NEW)).isEqualTo(new CaseTransitions.Refused("case.invalid.sameStatus"));
    }
}
