package org.opencxm.cases;

/** What raised a case. */
public enum CaseSource {
    /** A {@code Complaint Filed} event from the customer's systems. */
    COMPLAINT,
    /** A low answer to a survey. */
    FEEDBACK,
    /** An agent, from the customer's page or the queue. */
    AGENT,
    /** An e-mail to the support address. */
    EMAIL;

    public String messageKey() {
        return "case.source." + name();
    }
}
