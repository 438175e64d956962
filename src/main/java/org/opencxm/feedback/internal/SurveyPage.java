package org.opencxm.feedback.internal;

import java.util.List;

/** One page of questions; the respondent's answers are saved page by page. */
public record SurveyPage(List<Question> questions) {

    public SurveyPage {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
