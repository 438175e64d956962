package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencxm.feedback.internal.FeedbackExamples.NOW;
import static org.opencxm.feedback.internal.FeedbackExamples.survey;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;

/** An invitation is made in the state its rule decided and moves on only the ways that state allows. */
class SurveyInvitationTests {

    private final Survey survey = survey(SurveyStatus.ACTIVE);
    private final CustomerId customer = new CustomerId(UUID.randomUUID());
    private final java.time.Instant due = NOW.plus(Duration.ofDays(3));
    private final java.time.Instant expires = due.plus(Duration.ofDays(14));

    @Test
    void aScheduledEmailIsSentThenAnswered() {
        var scheduled = scheduled();

        var sent = scheduled.send(due);
        var answered = sent.answer(due.plusSeconds(3600));

        assertThat(scheduled.status()).isEqualTo(InvitationStatus.SCHEDULED);
        assertThat(sent.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(due);
        assertThat(answered.status()).isEqualTo(InvitationStatus.ANSWERED);
        assertThat(answered.answeredAt()).isEqualTo(due.plusSeconds(3600));
        assertThat(answered.id()).isEqualTo(scheduled.id());
    }

    @Test
    void aScheduledEmailMayBeSkippedAtSendTime() {
        var skipped = scheduled().skip(SkipReason.NO_CONSENT);

        assertThat(skipped.status()).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(skipped.skipReason()).isEqualTo(SkipReason.NO_CONSENT);
        assertThatThrownBy(() -> skipped.send(due)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandedOutLinkIsSentAtOnceAndRemindedOnlyOnce() {
        var link = SurveyInvitation.handedOut(id(), survey, customer, "de", NOW, expires);

        var reminded = link.remind(NOW.plus(Duration.ofDays(3)));

        assertThat(link.status()).isEqualTo(InvitationStatus.SENT);
        assertThat(link.sentAt()).isEqualTo(NOW);
        assertThat(reminded.remindedAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> reminded.remind(NOW.plus(Duration.ofDays(4))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reminded");
    }

    @Test
    void everyLinkTakesOneAnswerAndAnEarlyOneCountsAsDeliveredThen() {
        var early = scheduled().answer(NOW);
        var afterObjection = scheduled().skip(SkipReason.NO_CONSENT).answer(NOW);

        assertThat(early.status()).isEqualTo(InvitationStatus.ANSWERED);
        assertThat(early.sentAt()).as("handed out before its e-mail went").isEqualTo(NOW);
        assertThat(afterObjection.skipReason()).isNull();
        assertThatThrownBy(() -> early.answer(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> early.send(NOW)).isInstanceOf(IllegalStateException.class);
        var late = SurveyInvitation.handedOut(id(), survey, customer, "de", NOW, expires)
                .answer(due);
        assertThat(late.sentAt()).as("a delivered link keeps its send time").isEqualTo(NOW);
    }

    @Test
    void aSkippedInvitationKeepsItsReasonAndGoesNowhere() {
        var skipped = SurveyInvitation.skipped(
                id(), survey, customer, InvitationChannel.EMAIL, "en", SkipReason.THROTTLED, NOW, due);

        assertThat(skipped.skipReason()).isEqualTo(SkipReason.THROTTLED);
        assertThat(skipped.sentAt()).isNull();
        assertThat(skipped.expiresAt()).isNull();
        assertThatThrownBy(() -> skipped.remind(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLinkExpiresAtItsExpiryTime() {
        var link = SurveyInvitation.handedOut(id(), survey, customer, "de", NOW, expires);

        assertThat(link.expiredAt(expires.minusSeconds(1))).isFalse();
        assertThat(link.expiredAt(expires)).isTrue();
    }

    @Test
    void statesThatContradictThemselvesCannotBeMade() {
        assertThatThrownBy(() -> new SurveyInvitation(
                        id(),
                        survey.workspaceId(),
                        survey.id(),
                        customer,
                        InvitationChannel.EMAIL,
                        InvitationStatus.SCHEDULED,
                        null,
                        "en",
                        null,
                        NOW,
                        due,
                        null,
                        null,
                        expires,
                        null,
                        null))
                .as("a scheduled e-mail without an address")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SurveyInvitation scheduled() {
        return SurveyInvitation.scheduled(id(), survey, customer, "en", "lena@example.com", NOW, due, expires);
    }

    private static InvitationId id() {
        return new InvitationId(UUID.randomUUID());
    }
}
