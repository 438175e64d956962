package org.opencxm.feedback;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A way into a survey: its anonymous link, or a personal link with its invitation.
 *
 * @param access whether answers are taken, and if not, why
 */
public record Entry(Survey survey, @Nullable SurveyInvitation invitation, Access access) {

    private static final Set<String> LANGUAGES = Set.of("de", "en");

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
        if (chosen != null && LANGUAGES.contains(chosen)) {
            return chosen;
        }
        if (invitation != null) {
            return invitation.language();
        }
        if (browser != null && LANGUAGES.contains(browser)) {
            return browser;
        }
        return survey.defaultLanguage();
    }
}
