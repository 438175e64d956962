package org.opencxm.feedback.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Consent;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;

/** Surveys, questions and customers as the rules see them, made in memory for plain unit tests. */
public final class FeedbackExamples {

    public static final WorkspaceId WORKSPACE =
            new WorkspaceId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private FeedbackExamples() {}

    public static Survey survey(SurveyStatus status, SurveyDefinition definition) {
        return new Survey(
                new SurveyId(UUID.randomUUID()),
                WORKSPACE,
                "abcdefghijklmnopqrstuv",
                "Example",
                status,
                "en",
                null,
                null,
                definition,
                WidgetSettings.OFF,
                NOW,
                NOW);
    }

    public static Survey survey(SurveyStatus status) {
        return survey(status, definition(List.of(List.of(scale("nps", QuestionType.NPS)))));
    }

    public static SurveyDraft draft(SurveyStatus status, SurveyDefinition definition) {
        return new SurveyDraft("Example", status, "en", null, null, definition, null);
    }

    /** Pages of questions, without introduction, with a thank-you text. */
    public static SurveyDefinition definition(List<List<Question>> pages) {
        return new SurveyDefinition(
                null, pages.stream().map(SurveyPage::new).toList(), LocalizedText.of("Danke", "Thanks"));
    }

    public static Question scale(String id, QuestionType type) {
        return new Question(id, type, LocalizedText.of("Frage", "Question"), null, true, List.of(), null);
    }

    public static Question text(String id, @Nullable Condition showIf) {
        return new Question(
                id, QuestionType.FREE_TEXT, LocalizedText.of("Warum?", "Why?"), null, false, List.of(), showIf);
    }

    public static Question choice(String id, QuestionType type, String... choices) {
        return new Question(
                id,
                type,
                LocalizedText.of("Welche?", "Which?"),
                null,
                false,
                java.util.Arrays.stream(choices)
                        .map(c -> new Choice(c, LocalizedText.of(c, c)))
                        .toList(),
                null);
    }

    /** A known customer; {@code emailConsent} null means the customer never answered for e-mail. */
    public static CustomerProfile customer(@Nullable String email, @Nullable Boolean emailConsent) {
        var customer = new Customer(new CustomerId(UUID.randomUUID()), WORKSPACE, "K-1", email, "Lena", NOW, NOW, null);
        var consents = emailConsent == null
                ? List.<Consent>of()
                : List.of(new Consent(ConsentChannel.EMAIL, emailConsent, "identify", NOW, null));
        return new CustomerProfile(customer, Map.of(), Map.of(), List.of(), consents);
    }
}
