/**
 * Cases: a complaint is answered. Every complaint the customer's systems report, every low
 * answer to a survey and every problem an agent notes becomes one case with a customer, a
 * category, a severity and a status that only moves as a case may (new, acknowledged, in
 * progress, waiting for the customer, resolved, closed; reopened). The same customer complaining
 * about the same thing within 90 days is a repeat: linked to the earlier case, and more severe.
 *
 * <p>Public: the façade {@link org.opencxm.cases.Cases} with {@link org.opencxm.cases.CaseId},
 * {@link org.opencxm.cases.CaseView}, {@link org.opencxm.cases.CaseStatus}, {@link
 * org.opencxm.cases.Severity}, {@link org.opencxm.cases.CaseSource}, {@link
 * org.opencxm.cases.CaseQuery}, {@link org.opencxm.cases.CaseEntry}, {@link
 * org.opencxm.cases.CaseFigures} and {@link org.opencxm.cases.NewCase}; the events {@link org.opencxm.cases.CaseOpened} and {@link
 * org.opencxm.cases.CaseStatusChanged}. The aggregate, the
 * opening and transition policies, the intake of complaints and answers, and the stores are
 * internal; {@code web} holds the queue, the case page and REST.
 */
@ApplicationModule(
        displayName = "Cases",
        allowedDependencies = {"platform", "platform :: common", "touchpoints", "customers", "feedback", "journeys"})
@NullMarked
package org.opencxm.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
