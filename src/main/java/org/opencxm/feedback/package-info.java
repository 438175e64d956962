/**
 * Feedback: surveys (NPS, CSAT, CES, stars, choices, free text, expectation vs. experience),
 * how they reach customers (public and personal links, e-mail invitations with reminder,
 * website widget, event-triggered schedules) under the workspace's throttling and consent
 * rules, the answering pages, and the results with margins of error.
 *
 * <p>Public: the event {@link org.opencxm.feedback.SurveyResponseRecorded}, announced once per
 * completed response, with {@link org.opencxm.feedback.SurveyId}, {@link
 * org.opencxm.feedback.ResponseId} and {@link org.opencxm.feedback.QuestionType}; the standard
 * surveys ({@link org.opencxm.feedback.SurveyTemplate});  follow-up surveys other modules send
 * ({@link org.opencxm.feedback.FollowUps}); the surveys by the scale of their headline question
 * ({@link org.opencxm.feedback.SurveyDirectory}); and survey history from elsewhere
 * ({@link org.opencxm.feedback.ResponseHistory}, {@link org.opencxm.feedback.PastResponse},
 * {@link org.opencxm.feedback.Answer}). Surveys, invitations, answering, results and their
 * stores are internal; {@code web} holds the builder, results, respondent pages and REST.
 */
@ApplicationModule(
        displayName = "Feedback",
        allowedDependencies = {"platform", "platform :: common", "touchpoints", "customers"})
@NullMarked
package org.opencxm.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
