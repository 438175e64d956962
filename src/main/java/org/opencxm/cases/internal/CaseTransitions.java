package org.opencxm.cases.internal;

import static org.opencxm.cases.CaseStatus.ACKNOWLEDGED;
import static org.opencxm.cases.CaseStatus.CLOSED;
import static org.opencxm.cases.CaseStatus.IN_PROGRESS;
import static org.opencxm.cases.CaseStatus.NEW;
import static org.opencxm.cases.CaseStatus.RESOLVED;
import static org.opencxm.cases.CaseStatus.WAITING_FOR_CUSTOMER;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.opencxm.cases.CaseStatus;

/**
 * Which move a case may make. Work goes forward (acknowledged, in progress, waiting for the
 * customer, resolved, closed) and may wait for the customer and come back; a resolved or closed
 * case can only be reopened, into work. A case is never closed unresolved: closing means the
 * customer's problem was solved and they were told.
 */
public final class CaseTransitions {

    /** The outcome of asking for a move. */
    sealed interface Decision permits Allowed, Refused {}

    /**
     * @param reopens a resolved or closed case goes back to work
     */
    record Allowed(boolean reopens) implements Decision {}

    /** @param messageKey why, for the person who asked */
    record Refused(String messageKey) implements Decision {}

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            NEW, EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED),
            ACKNOWLEDGED, EnumSet.of(IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED),
            IN_PROGRESS, EnumSet.of(WAITING_FOR_CUSTOMER, RESOLVED),
            WAITING_FOR_CUSTOMER, EnumSet.of(IN_PROGRESS, RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.of(IN_PROGRESS));

    private CaseTransitions() {}

    static Decision decide(CaseStatus from, CaseStatus to) {
        if (from == to) {
            return new Refused("case.invalid.sameStatus");
        }
        if (!NEXT.get(from).contains(to)) {
            return new Refused(to == CLOSED ? "case.invalid.closeUnresolved" : "case.invalid.transition");
        }
        return new Allowed(!from.open() && to.open());
    }

    /** The moves open from here, in the lifecycle's order, for the buttons a case page offers. */
    public static Set<CaseStatus> next(CaseStatus from) {
        return NEXT.get(from);
    }
}
