package org.opencxm.feedback.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The workspace's rules for inviting customers to surveys.
 *
 * @param invitationGapDays at most one invitation per customer within this many days, across all
 *     surveys (0 switches throttling off)
 * @param reminderAfterDays one reminder this many days after an unanswered e-mail (0: none)
 * @param linkValidDays how long a personal link can be used
 * @param requireEmailOptIn e-mail only customers who said yes (otherwise: all who did not say no)
 */
public record FeedbackSettings(
        @Min(0) @Max(365) int invitationGapDays,
        @Min(0) @Max(60) int reminderAfterDays,
        @Min(1) @Max(365) int linkValidDays,
        boolean requireEmailOptIn) {

    public static final FeedbackSettings DEFAULTS = new FeedbackSettings(30, 3, 14, true);
}
