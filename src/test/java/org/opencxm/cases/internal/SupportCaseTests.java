package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencxm.cases.internal.BusinessCalendarTests.local;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseSource;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Severity;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.Department;
import org.opencxm.platform.common.InvalidInputException;

/** A case's due dates as it is worked: docs/cases.md, "Service times". */
class SupportCaseTests {

    static final ServiceLevels LEVELS = new ServiceLevels(BusinessCalendarTests.BERLIN);

    @Test
    void aHighCaseIsDueInFourHoursAndThreeWorkingDays() {
        var opened = opened(local("2027-06-07T09:00"), Severity.HIGH);
        assertThat(opened.firstResponseDue()).isEqualTo(local("2027-06-07T13:00"));
        // three days of nine working hours: Monday 9:00 to Thursday 9:00
        assertThat(opened.resolutionDue()).isEqualTo(local("2027-06-10T09:00"));
        assertThat(opened.nextDue()).isEqualTo(opened.firstResponseDue());
    }

    @Test
    void waitingForTheCustomerStopsTheClock() {
        var supportCase = SupportCase.of(opened(local("2027-06-07T09:00"), Severity.HIGH), LEVELS);
        supportCase.move(CaseStatus.IN_PROGRESS, "Jana", local("2027-06-07T09:30"));
        supportCase.move(CaseStatus.WAITING_FOR_CUSTOMER, "Jana", local("2027-06-07T10:00"));
        assertThat(supportCase.view().nextDue()).as("paused").isNull();

        // the customer answers a working day later: nine working hours waited
        supportCase.move(CaseStatus.IN_PROGRESS, "Jana", local("2027-06-08T10:00"));
        var view = supportCase.view();
        assertThat(view.waitedSeconds()).isEqualTo(9 * 3600);
        assertThat(view.resolutionDue()).isEqualTo(local("2027-06-11T09:00"));
        assertThat(view.nextDue()).isEqualTo(view.resolutionDue());
        assertThat(view.firstResponseAt()).isEqualTo(local("2027-06-07T09:30"));
    }

    @Test
    void aReopenedCaseDoesNotCountTheTimeItWasResolved() {
        var supportCase = SupportCase.of(opened(local("2027-06-07T09:00"), Severity.HIGH), LEVELS);
        supportCase.move(CaseStatus.RESOLVED, "Jana", local("2027-06-07T11:00"));
        // reopened the next morning at 11:00: nine working hours were the customer's
        supportCase.move(CaseStatus.IN_PROGRESS, "Jana", local("2027-06-08T11:00"));
        var view = supportCase.view();
        assertThat(view.reopened()).isEqualTo(1);
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.waitedSeconds()).isEqualTo(9 * 3600);
        assertThat(view.resolutionDue()).isEqualTo(local("2027-06-11T09:00"));
    }

    @Test
    void aNewSeverityBringsItsOwnServiceTimes() {
        var supportCase = SupportCase.of(opened(local("2027-06-07T09:00"), Severity.LOW), LEVELS);
        supportCase.rate(Severity.CRITICAL, "Jana", local("2027-06-07T09:10"));
        assertThat(supportCase.view().firstResponseDue()).isEqualTo(local("2027-06-07T10:00"));
        assertThat(supportCase.view().resolutionDue()).isEqualTo(local("2027-06-08T09:00"));
        assertThat(supportCase.view().overdue(local("2027-06-07T10:01"))).isTrue();
    }

    @Test
    void aRefusedMoveChangesNothing() {
        var supportCase = SupportCase.of(opened(local("2027-06-07T09:00"), Severity.LOW), LEVELS);
        assertThatThrownBy(() -> supportCase.move(CaseStatus.CLOSED, "Jana", local("2027-06-07T09:10")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(supportCase.view().status()).isEqualTo(CaseStatus.NEW);
        assertThat(supportCase.view().firstResponseAt()).isNull();
    }

    static CaseView opened(java.time.Instant at, Severity severity) {
        return SupportCase.scheduled(
                new CaseView(
                        new CaseId(new UUID(0, 1)),
                        1,
                        new CustomerId(new UUID(0, 2)),
                        "Paket beschädigt",
                        "delivery",
                        severity,
                        CaseStatus.NEW,
                        CaseSource.COMPLAINT,
                        null,
                        null,
                        Department.SERVICE,
                        null,
                        null,
                        null,
                        at,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        0,
                        0),
                LEVELS);
    }
}
