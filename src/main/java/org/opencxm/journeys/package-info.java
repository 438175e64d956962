/**
 * Journeys: where every customer stands in the lifecycle (awareness, consideration, decision;
 * onboarding, usage, repeat; inactive, churned), how they got there, and where customers get
 * stuck. Stages are state, not a report: events move customers as they arrive, by transition
 * rules each workspace can edit; a durable sweep notices who stopped buying against their own
 * rhythm; a change of rules replays every history.
 *
 * <p>Public: {@link org.opencxm.journeys.Journeys} (stage histories, summaries, the stage
 * distribution) with {@link org.opencxm.journeys.StageTransition}, {@link
 * org.opencxm.journeys.TransitionCause} and {@link org.opencxm.journeys.JourneySummary}; the events
 * {@link org.opencxm.journeys.StageChanged} and {@link org.opencxm.journeys.ComplaintRecorded}. The current stage itself is written to the customer
 * profile, where lists filter by it. Rules, the lifecycle machine, the intake of events, the sweep,
 * re-derivation and the stores are internal; {@code web} holds the pages and REST.
 */
@ApplicationModule(
        displayName = "Journeys",
        allowedDependencies = {"platform", "platform :: common", "touchpoints", "touchpoints :: feeds", "customers"})
@NullMarked
package org.opencxm.journeys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
