package org.opencxm.feedback.internal;

/** Why an invitation was not sent; every skipped invitation keeps its reason. */
public enum SkipReason {
    /** The customer was invited within the workspace's invitation gap. */
    THROTTLED,
    /** The customer has not consented to (or has refused) the channel. */
    NO_CONSENT,
    /** An e-mail invitation for a customer without an e-mail address. */
    NO_EMAIL,
    /** The survey is a draft or closed. */
    SURVEY_NOT_ACTIVE,
    /** Scheduled, and then the workspace was archived before it was due. */
    WORKSPACE_ARCHIVED;

    public String messageKey() {
        return "invitation.skip." + name();
    }
}
