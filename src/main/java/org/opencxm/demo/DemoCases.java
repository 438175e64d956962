package org.opencxm.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseOpened;
import org.opencxm.cases.CaseSource;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.Cases;
import org.opencxm.cases.Severity;
import org.opencxm.journeys.ComplaintRecorded;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's service team: the past year's complaints are its worked cases, with real service
 * times; the recent complaints open cases like anyone's, and this works them on as a team would,
 * so that the queue shows cases in every status (new, acknowledged, in progress, waiting for the
 * customer, resolved, closed), by the case's number.
 * Only in the demo workspace; a case someone changed meanwhile is left to them.
 */
@Component
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private static final List<List<CaseStatus>> WORK = List.of(
            List.of(),
            List.of(CaseStatus.ACKNOWLEDGED),
            List.of(CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS),
            List.of(CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_CUSTOMER),
            List.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED),
            List.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED));

    /**
     * Complaints younger than 14 days open cases as anyone's do (the cases module's rule); this
     * takes those older than a little less, so that none falls between the two (a complaint's
     * case is opened once either way).
     */
    static final Duration NEWS = Duration.ofDays(14).minusHours(1);

    static final List<String> AGENTS = List.of("Clara Weber", "Jonas Becker");

    private final Cases cases;
    private final Clock clock;
    private final Workspaces workspaces;
    private final TransactionTemplate eachMove;

    DemoCases(Cases cases, Workspaces workspaces, PlatformTransactionManager transactions, Clock clock) {
        this.cases = cases;
        this.clock = clock;
        this.workspaces = workspaces;
        // a refused move must not take the listener's transaction down with it
        this.eachMove = new TransactionTemplate(transactions);
        this.eachMove.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A complaint of the past year, too old to open a case now, becomes the case the team worked
     * back then: most answered and solved within their service times, some late, a few reopened,
     * by one of two agents. Drawn from the complaint's id, so a replay draws the same.
     */
    @ApplicationModuleListener
    void on(ComplaintRecorded complaint) {
        var workspace = workspaces.get(complaint.workspaceId());
        if (!workspace.demo() || complaint.occurredAt().isAfter(clock.instant().minus(NEWS))) {
            return;
        }
        // a time-ordered id's high half is mostly its millisecond: mixed with the random half
        var random = new Random(complaint.eventId().getMostSignificantBits()
                ^ complaint.eventId().getLeastSignificantBits());
        var severity = severity(complaint.severity());
        int level = severity.ordinal(); // LOW 0 … CRITICAL 3
        // the defaults' targets: 18, 9, 4 and 1 working hours to answer; 10, 5, 3 and 1 days to solve
        double answerHours = new double[] {18, 9, 4, 1}[level] * (0.15 + random.nextDouble() * 1.1);
        // at most 70 working hours: a complaint two weeks old is solved (and perhaps reopened) by now
        double solveHours = Math.min(70, new double[] {90, 45, 27, 9}[level] * (0.25 + random.nextDouble() * 1.05));
        cases.recordPast(
                workspace.id(),
                new Cases.PastCase(
                        complaint.customerId(),
                        complaint.note() == null ? "" : complaint.note(),
                        complaint.category(),
                        severity,
                        CaseSource.COMPLAINT,
                        complaint.eventId().toString(),
                        complaint.touchpointId(),
                        complaint.occurredAt(),
                        Duration.ofMinutes(Math.round(answerHours * 60)),
                        Duration.ofMinutes(Math.round(Math.max(answerHours + 1, solveHours) * 60)),
                        random.nextInt(100) < 8,
                        AGENTS.get(random.nextInt(AGENTS.size()))));
    }

    private static Severity severity(@Nullable String said) {
        for (var severity : Severity.values()) {
            if (severity.name().equalsIgnoreCase(said == null ? "" : said.strip())) {
                return severity;
            }
        }
        return Severity.MEDIUM;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        var workspace = workspaces.get(opened.workspaceId());
        if (!workspace.demo()) {
            return;
        }
        var team = new Actor(
                workspace.id(), null, "Demo-Team", Role.AGENT, Department.SERVICE, Locale.GERMAN, workspace.timeZone());
        int version = 0;
        try {
            for (var status : WORK.get((int) (opened.number() % WORK.size()))) {
                int current = version;
                version = java.util.Objects.requireNonNull(eachMove.execute(
                                transaction -> cases.move(workspace.id(), opened.caseId(), status, current, team)))
                        .version();
            }
        } catch (InvalidInputException changedMeanwhile) {
            log.info("Demo case {} was changed by someone; left as it is", opened.number());
        }
    }
}
