/**
 * Feedback: surveys (NPS, CSAT, CES, stars, choices, free text, expectation vs. experience),
 * how they reach customers (public and personal links, e-mail invitations with reminder,
 * website widget, event-triggered schedules) under the workspace's throttling and consent
 * rules, the answering pages, and the results with margins of error. Each completed response
 * lands on the customer's timeline and is announced as {@link
 * org.opencxm.feedback.SurveyResponseRecorded}.
 */
@ApplicationModule(
        displayName = "Feedback",
        allowedDependencies = {"platform", "touchpoints", "customers"})
@NullMarked
package org.opencxm.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
