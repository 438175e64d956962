package org.opencxm.feedback.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;

/**
 * A survey's results under a filter.
 *
 * @param invitationsDelivered personal links handed out and e-mails sent (the response rate's base)
 * @param invitationsSkipped invitations a throttling or consent rule stopped
 * @param responses completed responses
 * @param partialResponses responses left half-way; their answers count in the questions' figures
 * @param responseRate completed responses to invitations / invitations delivered, in %
 */
public record SurveyResults(
        SurveyId surveyId,
        long invitationsDelivered,
        long invitationsSkipped,
        long responses,
        long partialResponses,
        @Nullable Double responseRate,
        List<QuestionResult> questions) {

    /** One question's figures. */
    public record QuestionResult(
            String questionId,
            QuestionType type,
            LocalizedText text,
            long answered,
            @Nullable Score score,
            List<Bucket> distribution,
            @Nullable Gap gap,
            List<Comment> comments) {

        public long maxCount() {
            return distribution.stream().mapToLong(Bucket::count).max().orElse(0);
        }
    }

    /** How many answers gave this value or choice. */
    public record Bucket(String value, LocalizedText label, long count) {}

    /** Expectation vs. experience: mean importance, mean performance, and the gap between them. */
    public record Gap(double importance, double performance, long n) {

        public double difference() {
            return performance - importance;
        }
    }

    /** A free-text answer. */
    public record Comment(String text, Instant at) {}
}
