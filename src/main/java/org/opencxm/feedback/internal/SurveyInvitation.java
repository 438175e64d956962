package org.opencxm.feedback.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;

/**
 * One customer invited to one survey. Made in the state a rule decided ({@link #skipped},
 * {@link #scheduled} for e-mail, {@link #handedOut} for a personal link) and moved on only by
 * {@link #send}, {@link #skip}, {@link #remind} and {@link #answer}, each of which refuses a
 * move its current state does not allow. The store persists what they return.
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

    public SurveyInvitation {
        if ((status == InvitationStatus.SKIPPED) != (skipReason != null)) {
            throw new IllegalArgumentException("a skipped invitation, and only that, has a reason");
        }
        if ((status == InvitationStatus.SENT || status == InvitationStatus.ANSWERED) && sentAt == null) {
            throw new IllegalArgumentException("a sent invitation has a send time");
        }
        if ((status == InvitationStatus.ANSWERED) != (answeredAt != null)) {
            throw new IllegalArgumentException("an answered invitation, and only that, has an answer time");
        }
        if (status == InvitationStatus.SCHEDULED && channel == InvitationChannel.EMAIL && email == null) {
            throw new IllegalArgumentException("a scheduled e-mail has an address");
        }
    }

    /** A rule forbade the invitation; it is kept with the reason and goes nowhere. */
    static SurveyInvitation skipped(
            InvitationId id,
            Survey survey,
            CustomerId customer,
            InvitationChannel channel,
            String language,
            SkipReason reason,
            Instant now,
            Instant due) {
        return new SurveyInvitation(
                id,
                survey.workspaceId(),
                survey.id(),
                customer,
                channel,
                InvitationStatus.SKIPPED,
                reason,
                language,
                null,
                now,
                due,
                null,
                null,
                null,
                null,
                null);
    }

    /** An e-mail that waits for its send time; the address is the customer's at the time of inviting. */
    static SurveyInvitation scheduled(
            InvitationId id,
            Survey survey,
            CustomerId customer,
            String language,
            String email,
            Instant now,
            Instant due,
            Instant expires) {
        return new SurveyInvitation(
                id,
                survey.workspaceId(),
                survey.id(),
                customer,
                InvitationChannel.EMAIL,
                InvitationStatus.SCHEDULED,
                null,
                language,
                email,
                now,
                due,
                null,
                null,
                expires,
                null,
                null);
    }

    /** A personal link the caller hands out: sent the moment it exists. */
    static SurveyInvitation handedOut(
            InvitationId id,
            Survey survey,
            @Nullable CustomerId customer,
            String language,
            Instant now,
            Instant expires) {
        return new SurveyInvitation(
                id,
                survey.workspaceId(),
                survey.id(),
                customer,
                InvitationChannel.LINK,
                InvitationStatus.SENT,
                null,
                language,
                null,
                now,
                now,
                now,
                null,
                expires,
                null,
                null);
    }

    /** The e-mail went out. */
    SurveyInvitation send(Instant at) {
        require(status == InvitationStatus.SCHEDULED, "send");
        return with(InvitationStatus.SENT, null, at, remindedAt, answeredAt);
    }

    /** A rule objected at send time (say, the customer unsubscribed in between). */
    SurveyInvitation skip(SkipReason reason) {
        require(status == InvitationStatus.SCHEDULED, "skip");
        return with(InvitationStatus.SKIPPED, reason, sentAt, remindedAt, answeredAt);
    }

    /** The one reminder went out (or was let go because a rule objected). */
    SurveyInvitation remind(Instant at) {
        require(status == InvitationStatus.SENT && remindedAt == null, "remind");
        return with(status, skipReason, sentAt, at, answeredAt);
    }

    /**
     * The customer answered through the link. The link is the credential, whoever passed it on:
     * a scheduled e-mail's link handed out early, or that of an e-mail a rule stopped at send
     * time, takes its one answer too, and counts as delivered when it was answered.
     */
    SurveyInvitation answer(Instant at) {
        require(answerable(), "answer");
        return with(InvitationStatus.ANSWERED, null, sentAt == null ? at : sentAt, remindedAt, at);
    }

    /** Every link takes one answer. */
    boolean answerable() {
        return status != InvitationStatus.ANSWERED;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** A personal link staff may still pass on: handed out as a link, not yet answered. */
    public boolean openLink() {
        return channel == InvitationChannel.LINK && status == InvitationStatus.SENT;
    }

    /** The status as staff read it: a personal link that was handed out is "created", not "sent". */
    public String statusKey() {
        return openLink() ? "invitation.status.LINK_CREATED" : status.messageKey();
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

    private SurveyInvitation with(
            InvitationStatus next,
            @Nullable SkipReason reason,
            @Nullable Instant sent,
            @Nullable Instant reminded,
            @Nullable Instant answered) {
        return new SurveyInvitation(
                id,
                workspaceId,
                surveyId,
                customerId,
                channel,
                next,
                reason,
                language,
                email,
                createdAt,
                dueAt,
                sent,
                reminded,
                expiresAt,
                answered,
                null);
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalStateException("cannot " + transition + " invitation " + id + " in status " + status
                    + (remindedAt != null ? " (reminded)" : ""));
        }
    }
}
