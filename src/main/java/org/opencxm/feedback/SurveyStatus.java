package org.opencxm.feedback;

/** Draft surveys can be previewed only; active ones take answers; closed ones no longer do. */
public enum SurveyStatus {
    DRAFT,
    ACTIVE,
    CLOSED;

    public String messageKey() {
        return "survey.status." + name();
    }
}
