package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.feedback.internal.FeedbackExamples.customer;
import static org.opencxm.feedback.internal.FeedbackExamples.survey;

import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.feedback.internal.InvitationPolicy.Decision;

/** The invitation rules one by one, and the order in which they speak. */
class InvitationPolicyTests {

    private static final FeedbackSettings OPT_IN = FeedbackSettings.DEFAULTS;
    private static final FeedbackSettings OPT_OUT = new FeedbackSettings(30, 3, 14, false);

    @Test
    void anActiveSurveyGoesByEmailToACustomerWhoSaidYesAndWasNotInvitedLately() {
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer("a@example.com", true), OPT_IN, false))
                .isEqualTo(new Decision.Invite());
    }

    @Test
    void surveyActive_draftsAndClosedSurveysInviteNobody() {
        for (var status : new SurveyStatus[] {SurveyStatus.DRAFT, SurveyStatus.CLOSED}) {
            assertThat(decide(status, InvitationChannel.LINK, customer(null, null), OPT_IN, false))
                    .isEqualTo(new Decision.Skip(SkipReason.SURVEY_NOT_ACTIVE));
        }
    }

    @Test
    void consented_underOptInOnlyAYesAllowsEmail() {
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer("a@example.com", null), OPT_IN, false))
                .isEqualTo(new Decision.Skip(SkipReason.NO_CONSENT));
        assertThat(decide(
                        SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer("a@example.com", false), OPT_IN, false))
                .isEqualTo(new Decision.Skip(SkipReason.NO_CONSENT));
    }

    @Test
    void consented_underOptOutOnlyANoStopsEmail() {
        assertThat(decide(
                        SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer("a@example.com", null), OPT_OUT, false))
                .isEqualTo(new Decision.Invite());
        assertThat(decide(
                        SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer("a@example.com", false), OPT_OUT, false))
                .isEqualTo(new Decision.Skip(SkipReason.NO_CONSENT));
    }

    @Test
    void consented_aLinkTheCallerHandsOutNeedsNoChannelConsentAndNoAddress() {
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.LINK, customer(null, false), OPT_IN, false))
                .isEqualTo(new Decision.Invite());
    }

    @Test
    void reachable_anEmailNeedsAnAddress() {
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer(null, true), OPT_IN, false))
                .isEqualTo(new Decision.Skip(SkipReason.NO_EMAIL));
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer("  ", true), OPT_IN, false))
                .isEqualTo(new Decision.Skip(SkipReason.NO_EMAIL));
    }

    @Test
    void notInvitedRecently_anInvitationWithinTheGapIsThrottled() {
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.LINK, customer(null, null), OPT_IN, true))
                .isEqualTo(new Decision.Skip(SkipReason.THROTTLED));
    }

    @Test
    void theFirstRuleThatObjectsGivesTheReason() {
        assertThat(decide(SurveyStatus.DRAFT, InvitationChannel.EMAIL, customer(null, false), OPT_IN, true))
                .isEqualTo(new Decision.Skip(SkipReason.SURVEY_NOT_ACTIVE));
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer(null, false), OPT_IN, true))
                .as("consent is asked before the address and the throttle")
                .isEqualTo(new Decision.Skip(SkipReason.NO_CONSENT));
        assertThat(decide(SurveyStatus.ACTIVE, InvitationChannel.EMAIL, customer(null, true), OPT_IN, true))
                .isEqualTo(new Decision.Skip(SkipReason.NO_EMAIL));
    }

    private static Decision decide(
            SurveyStatus status,
            InvitationChannel channel,
            CustomerProfile customer,
            FeedbackSettings settings,
            boolean invitedWithinGap) {
        return InvitationPolicy.decide(
                new InvitationPolicy.Candidate(survey(status), channel, customer, settings, invitedWithinGap));
    }
}
