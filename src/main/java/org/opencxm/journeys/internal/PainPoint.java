package org.opencxm.journeys.internal;

import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/**
 * One cell of the pain-point map: what happened at a touchpoint while customers were in a stage.
 * The score (docs/journeys.md) weighs three signs of a bad experience, each a share from 0 to 1:
 * <ul>
 *   <li>drop-off: of the customers seen here, those whose last step in the period was here and
 *       who then fell passive, or stayed in this stage for the last {@value #STALLED_DAYS} days;
 *   <li>negative feedback: of the survey responses given here, the detractors (NPS 0–6), CSAT 1–2,
 *       CES 1–3 and stars 1–2;
 *   <li>complaints: of the contacts here, the complaints filed.
 * </ul>
 * score = 100 × (0.4 × drop-off + 0.3 × negative feedback + 0.3 × complaints). Cells with fewer
 * than {@value #MIN_CUSTOMERS} customers get a score but no rank: a few people are an anecdote.
 */
public record PainPoint(
        TouchpointId touchpoint,
        LifecycleStage stage,
        long customers,
        long contacts,
        long responses,
        long negative,
        long complaints,
        long dropped) {

    public static final int MIN_CUSTOMERS = 10;
    public static final int STALLED_DAYS = 30;
    static final double DROP_OFF_WEIGHT = 0.4;
    static final double FEEDBACK_WEIGHT = 0.3;
    static final double COMPLAINT_WEIGHT = 0.3;

    public double dropOffRate() {
        return customers == 0 ? 0 : (double) dropped / customers;
    }

    public double negativeShare() {
        return responses == 0 ? 0 : (double) negative / responses;
    }

    public double complaintShare() {
        return contacts == 0 ? 0 : (double) complaints / contacts;
    }

    public double score() {
        return 100
                * (DROP_OFF_WEIGHT * dropOffRate()
                        + FEEDBACK_WEIGHT * negativeShare()
                        + COMPLAINT_WEIGHT * complaintShare());
    }

    public boolean ranked() {
        return customers >= MIN_CUSTOMERS;
    }
}
