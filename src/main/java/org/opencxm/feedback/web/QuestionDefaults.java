package org.opencxm.feedback.web;

import java.util.List;
import java.util.Locale;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Choice;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.Question;
import org.opencxm.feedback.internal.SurveyDefinition;
import org.opencxm.feedback.internal.SurveyPage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A new question as the palette adds it: the wording a CX team would start from, in German and
 * English (the NPS question in its standard form, the scales' end labels as the hint), so that
 * a survey can be built by picking types and adjusting texts.
 */
@Component
class QuestionDefaults {

    private final MessageSource messages;

    QuestionDefaults(MessageSource messages) {
        this.messages = messages;
    }

    Question of(QuestionType type, String id) {
        var hint = type.scale() || type == QuestionType.EXPECTATION_GAP ? text("question.default.hint." + type) : null;
        var choices = type.choice()
                ? List.of(
                        new Choice("answer-1", text("question.default.choice.1")),
                        new Choice("answer-2", text("question.default.choice.2")))
                : List.<Choice>of();
        return new Question(
                id, type, text("question.default." + type), hint, type != QuestionType.FREE_TEXT, choices, null);
    }

    /** A survey to build from scratch: one NPS question, which the builder can change or remove. */
    SurveyDefinition blankSurvey() {
        return new SurveyDefinition(
                null, List.of(new SurveyPage(List.of(of(QuestionType.NPS, "nps")))), text("question.default.thankYou"));
    }

    private LocalizedText text(String key) {
        return LocalizedText.of(
                messages.getMessage(key, null, Locale.GERMAN), messages.getMessage(key, null, Locale.ENGLISH));
    }
}
