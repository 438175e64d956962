package org.opencxm.journeys.internal;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.TransitionCause;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.LifecycleStage.Phase;

/**
 * Which moves between stages a rule may make. Stages only move forward within a phase (a repeat
 * buyer who looks at a product again is no prospect); any stage may end in churn; only the sweep
 * makes a customer inactive; and a passive customer returns to the active phase only by buying,
 * which is a win-back.
 */
final class TransitionPolicy {

    private TransitionPolicy() {}

    /** What a rule that points to {@code target} does to a customer in {@code current}. */
    sealed interface Decision {}

    record Enter(TransitionCause cause) implements Decision {}

    record Stay(Reason reason) implements Decision {}

    enum Reason {
        ALREADY_THERE,
        NO_STEP_BACK,
        INACTIVE_ONLY_BY_SWEEP,
        PASSIVE_NEEDS_PURCHASE
    }

    static Decision decide(@Nullable LifecycleStage current, LifecycleStage target, boolean purchase) {
        if (target == LifecycleStage.INACTIVE) {
            return new Stay(Reason.INACTIVE_ONLY_BY_SWEEP);
        }
        if (current == null) {
            return new Enter(TransitionCause.EVENT);
        }
        if (current == target) {
            return new Stay(Reason.ALREADY_THERE);
        }
        if (target == LifecycleStage.CHURNED) {
            return new Enter(TransitionCause.EVENT);
        }
        if (current.phase() == Phase.PASSIVE) {
            return purchase && target.phase() == Phase.ACTIVE
                    ? new Enter(TransitionCause.WIN_BACK)
                    : new Stay(Reason.PASSIVE_NEEDS_PURCHASE);
        }
        boolean forward = target.phase() == current.phase()
                ? target.ordinal() > current.ordinal()
                : target.phase().ordinal() > current.phase().ordinal();
        return forward ? new Enter(TransitionCause.EVENT) : new Stay(Reason.NO_STEP_BACK);
    }

    /** Whether the sweep may make this customer inactive: only from the active phase. */
    static boolean mayFallInactive(@Nullable LifecycleStage current) {
        return current != null && current.phase() == Phase.ACTIVE;
    }
}
