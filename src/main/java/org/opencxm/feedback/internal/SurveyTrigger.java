package org.opencxm.feedback.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.SurveyId;

/**
 * "N days after event X, for customers whose trait Y is Z, send survey S by e-mail."
 *
 * @param traitName with {@code traitValue}, the customers it applies to; empty for all
 */
public record SurveyTrigger(
        TriggerId id,
        SurveyId surveyId,
        String eventName,
        int delayDays,
        @Nullable String traitName,
        @Nullable String traitValue,
        boolean active,
        Instant createdAt) {

    /** What the builder and the API send to create a trigger. */
    public record Draft(
            @NotBlank @Size(max = 200) String eventName,
            @Min(0) @Max(365) int delayDays,
            @Nullable @Size(max = 100) String traitName,
            @Nullable @Size(max = 200) String traitValue) {}
}
