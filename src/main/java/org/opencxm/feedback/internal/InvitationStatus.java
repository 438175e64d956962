package org.opencxm.feedback.internal;

/** Scheduled (waiting for its send time), sent, answered, or skipped by a rule. */
public enum InvitationStatus {
    SCHEDULED,
    SENT,
    ANSWERED,
    SKIPPED;

    public String messageKey() {
        return "invitation.status." + name();
    }
}
