package org.opencxm.demo;

import java.util.List;
import java.util.Locale;
import org.opencxm.cases.CaseOpened;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.Cases;
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
 * The demo's service team: the demo's recent complaints open cases like anyone's, and this
 * works them on as a team would, so that the queue shows cases in every status (new,
 * acknowledged, in progress, waiting for the customer, resolved, closed), by the case's number.
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

    private final Cases cases;
    private final Workspaces workspaces;
    private final TransactionTemplate eachMove;

    DemoCases(Cases cases, Workspaces workspaces, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.workspaces = workspaces;
        // a refused move must not take the listener's transaction down with it
        this.eachMove = new TransactionTemplate(transactions);
        this.eachMove.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
