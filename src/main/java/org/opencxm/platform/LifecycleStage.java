package org.opencxm.platform;

/**
 * The eight stages of the customer lifecycle (DESIGN.md §3), in order. Surveys, KPIs and
 * dashboards are sliced by them; the journeys module moves customers between them.
 */
public enum LifecycleStage {
    AWARENESS(Phase.ACQUISITION),
    CONSIDERATION(Phase.ACQUISITION),
    DECISION(Phase.ACQUISITION),
    ONBOARDING(Phase.ACTIVE),
    USAGE(Phase.ACTIVE),
    REPEAT(Phase.ACTIVE),
    INACTIVE(Phase.PASSIVE),
    CHURNED(Phase.PASSIVE);

    private final Phase phase;

    LifecycleStage(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }

    public String messageKey() {
        return "stage." + name();
    }

    /** Acquisition, active and passive: the three phases of the lifecycle. */
    public enum Phase {
        ACQUISITION,
        ACTIVE,
        PASSIVE
    }
}
