package org.opencxm.feedback;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A response given before OpenCXM knew of it.
 *
 * @param invitedAt when the personal link that was answered went out; {@code null} for an answer
 *     through the anonymous link
 * @param answeredAt when the respondent answered (or, for a partial response, stopped)
 * @param complete whether the respondent finished; partial responses count in the questions'
 *     figures but not as responses
 */
public record PastResponse(@Nullable Instant invitedAt, Instant answeredAt, List<Answer> answers, boolean complete) {

    public PastResponse {
        answers = List.copyOf(answers);
    }
}
