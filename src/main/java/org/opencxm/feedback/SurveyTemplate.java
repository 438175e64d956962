package org.opencxm.feedback;

import org.opencxm.platform.LifecycleStage;

/**
 * Ready-made surveys for the standard cases, each bound to the lifecycle stage it asks about;
 * a survey made from one is an ordinary draft to adapt.
 */
public enum SurveyTemplate {
    /** How likely customers are to recommend us, with a follow-up question by score. */
    NPS_RELATIONSHIP(LifecycleStage.USAGE),
    /** Satisfaction with the delivery, punctuality as expectation vs. experience. */
    CSAT_DELIVERY(LifecycleStage.ONBOARDING),
    /** How easy the service made it to solve the customer's issue. */
    CES_SERVICE(LifecycleStage.USAGE),
    /** Satisfaction with how a complaint was solved: the follow-up a resolved case sends. */
    CSAT_CASE(LifecycleStage.USAGE),
    /** Why a customer cancelled, and whether we may make an offer. */
    CANCELLATION_REASON(LifecycleStage.CHURNED);

    private final LifecycleStage stage;

    SurveyTemplate(LifecycleStage stage) {
        this.stage = stage;
    }

    public LifecycleStage stage() {
        return stage;
    }

    public String messageKey() {
        return "survey.template." + name();
    }
}
