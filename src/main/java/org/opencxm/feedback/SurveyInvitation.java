package org.opencxm.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.WorkspaceId;

/**
 * One customer invited to one survey.
 *
 * @param link the personal link's path ({@code /i/…}); only on the invitation as created, never
 *     read back from the database (which keeps only the token's hash)
 */
public record SurveyInvitation(
        InvitationId id,
        WorkspaceId workspaceId,
        SurveyId surveyId,
        @Nullable CustomerId customerId,
        InvitationChannel channel,
        InvitationStatus status,
        @Nullable SkipReason skipReason,
        String language,
        @Nullable String email,
        Instant createdAt,
        Instant dueAt,
        @Nullable Instant sentAt,
        @Nullable Instant remindedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant answeredAt,
        @Nullable String link) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    SurveyInvitation withLink(String path) {
        return new SurveyInvitation(
                id,
                workspaceId,
                surveyId,
                customerId,
                channel,
                status,
                skipReason,
                language,
                email,
                createdAt,
                dueAt,
                sentAt,
                remindedAt,
                expiresAt,
                answeredAt,
                path);
    }
}
