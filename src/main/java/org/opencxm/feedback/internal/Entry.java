package org.opencxm.feedback.internal;

import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Language;

/**
 * A way into a survey: its anonymous link, or a personal link with its invitation.
 *
 * @param access whether answers are taken, and if not, why
 */
public record Entry(Survey survey, @Nullable SurveyInvitation invitation, Access access) {

    /** Open, or why not: survey not active, link already used, link expired. */
    public enum Access {
        OPEN,
        NOT_ACTIVE,
        ANSWERED,
        EXPIRED
    }

    /**
     * The respondent's language: the one they chose, else the customer's (for a personal link),
     * else the browser's, else the survey's default.
     */
    public String language(@Nullable String chosen, @Nullable String browser) {
        var picked = Language.parse(chosen);
        if (picked.isPresent()) {
            return picked.get().tag();
        }
        if (invitation != null) {
            return invitation.language();
        }
        var browsers = Language.parse(browser);
        if (browsers.isPresent()) {
            return browsers.get().tag();
        }
        return survey.defaultLanguage();
    }
}
