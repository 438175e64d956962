package org.opencxm.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.cases.internal.BusinessCalendarTests.local;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CaseAlarms.Kind;
import org.opencxm.platform.Department;

/** The deadline sweep's rules, on Berlin's working time: docs/cases.md, "Deadlines and alarms". */
class CaseAlarmsTests {

    static final CaseAlarms ALARMS = new CaseAlarms(SupportCaseTests.LEVELS);

    // a high case opened Monday 7 June 2027, 9:00: answer due 13:00, resolution due Thursday 9:00
    static final CaseView HIGH = SupportCaseTests.opened(local("2027-06-07T09:00"), Severity.HIGH);

    @Test
    void aNewCaseWarnsAfterThreeQuartersOfItsFirstResponseTimeAndEscalatesAtTheDueTime() {
        var early = ALARMS.decide(HIGH, null, List.of(), Set.of(), local("2027-06-07T11:00"));
        assertThat(early.due()).isEmpty();
        assertThat(early.next()).as("three of four hours").isEqualTo(local("2027-06-07T12:00"));

        var warned = ALARMS.decide(HIGH, null, List.of(), Set.of(), local("2027-06-07T12:00"));
        assertThat(kinds(warned)).containsExactly(Kind.FIRST_RESPONSE_WARNING);
        assertThat(warned.next()).isEqualTo(local("2027-06-07T13:00"));

        var breached =
                ALARMS.decide(HIGH, null, List.of(), Set.of("first-response-warning"), local("2027-06-07T13:00"));
        assertThat(kinds(breached)).containsExactly(Kind.FIRST_RESPONSE_BREACH);
    }

    @Test
    void anOccasionRaisedAlreadyIsNotRaisedAgain() {
        var raised = new HashSet<String>();
        var at = local("2027-06-07T12:30");
        ALARMS.decide(HIGH, null, List.of(), raised, at).due().forEach(a -> raised.add(a.occasion()));
        assertThat(ALARMS.decide(HIGH, null, List.of(), raised, at).due()).isEmpty();
    }

    @Test
    void aSweepThatDidNotRunForAWhileSaysOnlyTheBreachNotTheWarningBeforeIt() {
        var late = ALARMS.decide(HIGH, null, List.of(), Set.of(), local("2027-06-07T14:00"));
        assertThat(late.due())
                .extracting(CaseAlarms.Alarm::kind, CaseAlarms.Alarm::quiet)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.FIRST_RESPONSE_WARNING, true),
                        org.assertj.core.groups.Tuple.tuple(Kind.FIRST_RESPONSE_BREACH, false));
    }

    @Test
    void theResolutionWarnsAfterThreeQuartersOfItsWorkingDaysAndNotWhileTheCustomerIsToAnswer() {
        var answered = SupportCase.of(HIGH, SupportCaseTests.LEVELS);
        answered.move(CaseStatus.IN_PROGRESS, "Jana", local("2027-06-07T09:30"));
        var working = answered.view();
        // 27 working hours, three quarters of them 20:15 h: Monday 9:00 → Wednesday 11:15
        var plan = ALARMS.decide(working, local("2027-06-07T09:01"), List.of(), Set.of(), local("2027-06-07T10:00"));
        assertThat(plan.next()).isEqualTo(local("2027-06-09T11:15"));
        assertThat(kinds(ALARMS.decide(
                        working, local("2027-06-07T09:01"), List.of(), Set.of(), local("2027-06-09T11:15"))))
                .containsExactly(Kind.RESOLUTION_WARNING);

        answered.move(CaseStatus.WAITING_FOR_CUSTOMER, "Jana", local("2027-06-07T10:00"));
        var waiting = ALARMS.decide(answered.view(), null, List.of(), Set.of(), local("2027-06-21T10:00"));
        assertThat(waiting.due())
                .as("the customer's turn: no deadline, no silence")
                .isEmpty();
        assertThat(waiting.next()).isNull();
    }

    @Test
    void aCustomerWhoHeardNothingForThreeWorkingDaysGetsAnUpdate() {
        var low = SupportCaseTests.opened(local("2027-06-04T16:00"), Severity.LOW);
        var answered = SupportCase.of(low, SupportCaseTests.LEVELS);
        answered.move(CaseStatus.IN_PROGRESS, "Jana", local("2027-06-04T16:30"));
        // last heard Friday 16:30; three working days of nine hours: Wednesday 16:30
        var plan = ALARMS.decide(
                answered.view(), local("2027-06-04T16:30"), List.of(), Set.of(), local("2027-06-05T10:00"));
        assertThat(plan.next()).isEqualTo(local("2027-06-09T16:30"));
        var silence = ALARMS.decide(
                answered.view(), local("2027-06-04T16:30"), List.of(), Set.of(), local("2027-06-09T16:30"));
        assertThat(kinds(silence)).containsExactly(Kind.SILENCE);
        // once they heard from us, the next silence counts from then
        var after = ALARMS.decide(
                answered.view(),
                local("2027-06-09T16:31"),
                List.of(),
                Set.of(silence.due().get(0).occasion()),
                local("2027-06-09T16:32"));
        assertThat(after.next()).isEqualTo(local("2027-06-14T16:31"));
    }

    @Test
    void aPromiseIsRemindedAnHourBeforeAndOverdueAtItsTimeUnlessKept() {
        var promise = promise(local("2027-06-07T09:10"), local("2027-06-08T12:00"), null);
        var remind = ALARMS.decide(
                HIGH,
                local("2027-06-07T09:00"),
                List.of(promise),
                Set.of("first-response-warning", "first-response-breach", "resolution-warning-0"),
                local("2027-06-08T11:00"));
        assertThat(kinds(remind)).containsExactly(Kind.PROMISE_REMINDER);
        var overdue = ALARMS.decide(
                HIGH,
                local("2027-06-07T09:00"),
                List.of(promise),
                Set.of(
                        "first-response-warning",
                        "first-response-breach",
                        "resolution-warning-0",
                        remind.due().get(0).occasion()),
                local("2027-06-08T12:00"));
        assertThat(kinds(overdue)).containsExactly(Kind.PROMISE_OVERDUE);

        var kept = promise(local("2027-06-07T09:10"), local("2027-06-08T12:00"), local("2027-06-08T10:00"));
        assertThat(ALARMS.decide(
                                HIGH,
                                local("2027-06-07T09:00"),
                                List.of(kept),
                                Set.of("first-response-warning", "first-response-breach", "resolution-warning-0"),
                                local("2027-06-08T13:00"))
                        .due())
                .isEmpty();
        assertThat(kept.state(local("2027-06-09T00:00"))).isEqualTo(CasePromise.State.KEPT);
        assertThat(promise.state(local("2027-06-08T12:01"))).isEqualTo(CasePromise.State.OVERDUE);
    }

    @Test
    void aPromiseDueWithinTheHourNeedsNoReminder() {
        var soon = promise(local("2027-06-07T09:10"), local("2027-06-07T09:40"), null);
        var plan = ALARMS.decide(HIGH, local("2027-06-07T09:00"), List.of(soon), Set.of(), local("2027-06-07T09:11"));
        assertThat(plan.due()).isEmpty();
        assertThat(plan.next()).isEqualTo(local("2027-06-07T09:40"));
    }

    @Test
    void aResolvedCaseRaisesNothing() {
        var resolved = SupportCase.of(HIGH, SupportCaseTests.LEVELS);
        resolved.move(CaseStatus.RESOLVED, "Jana", local("2027-06-07T10:00"));
        var plan = ALARMS.decide(
                resolved.view(),
                null,
                List.of(promise(local("2027-06-07T09:10"), local("2027-06-08T12:00"), null)),
                Set.of(),
                local("2027-07-01T10:00"));
        assertThat(plan.due()).isEmpty();
        assertThat(plan.next()).isNull();
    }

    private static CasePromise promise(Instant made, Instant due, Instant kept) {
        return new CasePromise(new UUID(0, 9), HIGH.id(), "Rückruf", due, null, "Jana", Department.SERVICE, made, kept);
    }

    private static List<Kind> kinds(CaseAlarms.Decision decision) {
        return decision.due().stream().map(CaseAlarms.Alarm::kind).toList();
    }
}
