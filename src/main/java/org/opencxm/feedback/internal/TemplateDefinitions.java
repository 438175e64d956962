package org.opencxm.feedback.internal;

import static org.opencxm.feedback.internal.LocalizedText.of;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyTemplate;

/** The questions of each standard survey, in German and English. */
final class TemplateDefinitions {

    private TemplateDefinitions() {}

    static SurveyDefinition definition(SurveyTemplate template) {
        return switch (template) {
            case NPS_RELATIONSHIP -> npsRelationship();
            case CSAT_DELIVERY -> csatDelivery();
            case CES_SERVICE -> cesService();
            case CSAT_CASE -> csatCase();
            case CANCELLATION_REASON -> cancellationReason();
        };
    }

    private static SurveyDefinition npsRelationship() {
        var nps = question(
                "nps",
                QuestionType.NPS,
                of(
                        "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?",
                        "How likely are you to recommend us to a friend or colleague?"),
                of("0 = unwahrscheinlich, 10 = äußerst wahrscheinlich", "0 = not at all likely, 10 = extremely likely"),
                true,
                null);
        return new SurveyDefinition(
                null,
                List.of(
                        new SurveyPage(List.of(nps)),
                        new SurveyPage(List.of(
                                text(
                                        "improve",
                                        of("Was sollten wir vor allem besser machen?", "What should we improve most?"),
                                        Condition.between("nps", 0, 6)),
                                text(
                                        "missing",
                                        of("Was fehlt Ihnen zu einer 10?", "What would it take for a 10?"),
                                        Condition.between("nps", 7, 8)),
                                text(
                                        "like",
                                        of("Was gefällt Ihnen am besten?", "What do you like most?"),
                                        Condition.between("nps", 9, 10))))),
                thanks());
    }

    private static SurveyDefinition csatCase() {
        return new SurveyDefinition(
                null,
                List.of(
                        new SurveyPage(List.of(question(
                                "csat",
                                QuestionType.CSAT,
                                of(
                                        "Wie zufrieden sind Sie damit, wie wir Ihr Anliegen gelöst haben?",
                                        "How satisfied are you with how we solved your request?"),
                                of(
                                        "1 = sehr unzufrieden, 5 = sehr zufrieden",
                                        "1 = very dissatisfied, 5 = very satisfied"),
                                true,
                                null))),
                        new SurveyPage(List.of(text(
                                "what_is_missing",
                                of("Was ist noch nicht in Ordnung?", "What is still not right?"),
                                Condition.between("csat", 1, 3))))),
                thanks());
    }

    private static SurveyDefinition csatDelivery() {
        return new SurveyDefinition(
                null,
                List.of(
                        new SurveyPage(List.of(
                                question(
                                        "csat",
                                        QuestionType.CSAT,
                                        of(
                                                "Wie zufrieden sind Sie mit der Lieferung?",
                                                "How satisfied are you with the delivery?"),
                                        of(
                                                "1 = sehr unzufrieden, 5 = sehr zufrieden",
                                                "1 = very dissatisfied, 5 = very satisfied"),
                                        true,
                                        null),
                                question(
                                        "on_time",
                                        QuestionType.EXPECTATION_GAP,
                                        of("Pünktliche Lieferung", "Delivery on time"),
                                        null,
                                        false,
                                        null))),
                        new SurveyPage(List.of(text(
                                "what_went_wrong",
                                of("Was ist schiefgelaufen?", "What went wrong?"),
                                Condition.between("csat", 1, 3))))),
                thanks());
    }

    private static SurveyDefinition cesService() {
        return new SurveyDefinition(
                null,
                List.of(new SurveyPage(List.of(
                        question(
                                "ces",
                                QuestionType.CES,
                                of(
                                        "Unser Service hat es mir leicht gemacht, mein Anliegen zu lösen.",
                                        "The company made it easy for me to handle my issue."),
                                of(
                                        "1 = stimme überhaupt nicht zu, 7 = stimme voll zu",
                                        "1 = strongly disagree, 7 = strongly agree"),
                                true,
                                null),
                        text(
                                "comment",
                                of("Möchten Sie uns noch etwas sagen?", "Anything else you want to tell us?"),
                                null)))),
                thanks());
    }

    private static SurveyDefinition cancellationReason() {
        var reasons = List.of(
                new Choice("price", of("Preis", "Price")),
                new Choice("quality", of("Qualität", "Quality")),
                new Choice("service", of("Service", "Service")),
                new Choice("competitor", of("Angebot eines Wettbewerbers", "An offer from a competitor")),
                new Choice("no_need", of("Kein Bedarf mehr", "No longer needed")),
                new Choice("other", of("Anderer Grund", "Another reason")));
        var reason = new Question(
                "reason",
                QuestionType.SINGLE_CHOICE,
                of("Was ist der Hauptgrund für Ihre Kündigung?", "What is the main reason you cancelled?"),
                null,
                true,
                reasons,
                null);
        return new SurveyDefinition(
                null,
                List.of(
                        new SurveyPage(List.of(reason)),
                        new SurveyPage(List.of(
                                text(
                                        "details",
                                        of(
                                                "Was hätten wir anders machen können?",
                                                "What could we have done differently?"),
                                        null),
                                new Question(
                                        "come_back",
                                        QuestionType.SINGLE_CHOICE,
                                        of(
                                                "Dürfen wir Ihnen ein Angebot machen, um Sie zurückzugewinnen?",
                                                "May we make you an offer to win you back?"),
                                        null,
                                        false,
                                        List.of(new Choice("yes", of("Ja", "Yes")), new Choice("no", of("Nein", "No"))),
                                        null)))),
                thanks());
    }

    private static Question question(
            String id,
            QuestionType type,
            LocalizedText text,
            @Nullable LocalizedText hint,
            boolean required,
            @Nullable Condition showIf) {
        return new Question(id, type, text, hint, required, List.of(), showIf);
    }

    private static Question text(String id, LocalizedText text, @Nullable Condition showIf) {
        return new Question(id, QuestionType.FREE_TEXT, text, null, false, List.of(), showIf);
    }

    private static LocalizedText thanks() {
        return of(
                "Vielen Dank für Ihre Antwort! Sie hilft uns, besser zu werden.",
                "Thank you for your answer! It helps us get better.");
    }
}
