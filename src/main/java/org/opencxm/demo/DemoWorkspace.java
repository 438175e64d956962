package org.opencxm.demo;

import org.opencxm.platform.DemoWorkspaceCreated;
import org.opencxm.platform.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the demo workspace once the first start has committed it: customers first (their
 * touchpoints are what the surveys are about), then surveys, in one transaction in the
 * background. A restart that re-delivers the event finds the work done, or none of it.
 */
@Component
class DemoWorkspace {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private final DemoCustomers customers;
    private final DemoSurveys surveys;

    DemoWorkspace(DemoCustomers customers, DemoSurveys surveys) {
        this.customers = customers;
        this.surveys = surveys;
    }

    @ApplicationModuleListener
    void on(DemoWorkspaceCreated created) {
        fill(created.workspaceId());
    }

    void fill(WorkspaceId workspace) {
        if (customers.generated(workspace)) {
            log.info("Demo data exists already");
            return;
        }
        customers.generate(workspace);
        surveys.generate(workspace);
    }
}
