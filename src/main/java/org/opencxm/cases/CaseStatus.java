package org.opencxm.cases;

/** Where a case stands; which move is allowed from where is the aggregate's to decide. */
public enum CaseStatus {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    /** The next move is the customer's: their reply brings the case back to work. */
    WAITING_FOR_CUSTOMER,
    RESOLVED,
    CLOSED;

    /** Still to be worked on: not resolved and not closed. */
    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }

    public String messageKey() {
        return "case.status." + name();
    }
}
