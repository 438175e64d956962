package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Throttling, consent and link expiry, with time moved by the injected clock. */
class InvitationRulesTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    FeedbackFixture fixture;
    Survey survey;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("rules");
        fixture = new FeedbackFixture(context, tenant, port);
        survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Rules");
    }

    @Test
    void aCustomerIsInvitedAtMostOncePerGapAcrossAllSurveys() {
        var dora = fixture.customer("rules-throttle", "dora@example.com", "en", true);
        var other = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Other survey");

        assertThat(invite(survey, dora.id()).status()).isEqualTo(InvitationStatus.SENT);
        clock.advance(Duration.ofDays(29));
        var throttled = invite(other, dora.id());
        assertThat(throttled.status()).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(throttled.skipReason()).isEqualTo(SkipReason.THROTTLED);
        assertThat(throttled.link()).isNull();

        clock.advance(Duration.ofDays(2));
        assertThat(invite(other, dora.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(invitations.ofSurvey(tenant.id(), other.id(), 10))
                .extracting(SurveyInvitation::skipReason)
                .containsExactly(null, SkipReason.THROTTLED);
    }

    @Test
    void withoutAGapEveryInvitationGoesOut() {
        var emil = fixture.customer("rules-nogap", "emil@example.com", "en", true);
        invitations.update(tenant.id(), new FeedbackSettings(0, 3, 14, true));

        assertThat(invite(survey, emil.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(invite(survey, emil.id()).status()).isEqualTo(InvitationStatus.SENT);
    }

    @Test
    void emailNeedsConsentAndAnAddress() {
        var asked = fixture.customer("rules-no", "no@example.com", "en", false);
        var neverAsked = fixture.customer("rules-unknown", "unknown@example.com", "en", null);
        var noAddress = fixture.customer("rules-noaddress", null, "en", true);

        assertThat(email(asked).skipReason()).isEqualTo(SkipReason.NO_CONSENT);
        assertThat(email(neverAsked).skipReason()).isEqualTo(SkipReason.NO_CONSENT);
        assertThat(email(noAddress).skipReason()).isEqualTo(SkipReason.NO_EMAIL);

        invitations.update(tenant.id(), new FeedbackSettings(30, 3, 14, false));
        assertThat(email(neverAsked).status()).isEqualTo(InvitationStatus.SCHEDULED);
        assertThat(email(asked).skipReason()).as("a no stays a no").isEqualTo(SkipReason.NO_CONSENT);
    }

    @Test
    void draftsInviteNobody() {
        var fred = fixture.customer("rules-draft", "fred@example.com", "en", true);
        var draft = surveys.create(tenant.id(), SurveyTemplate.CSAT_DELIVERY, "Draft", "en");

        assertThat(invite(draft, fred.id()).skipReason()).isEqualTo(SkipReason.SURVEY_NOT_ACTIVE);
    }

    @Test
    void anUnknownCustomerRefusesTheWholeBatch() {
        var gina = fixture.customer("rules-batch", "gina@example.com", "en", true);
        var unknown = new CustomerId(UUID.randomUUID());

        assertThatThrownBy(() -> invitations.invite(
                        tenant.id(), survey.id(), List.of(gina.id(), unknown), InvitationChannel.LINK))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("customerIds[1]");
        assertThat(invitations.ofSurvey(tenant.id(), survey.id(), 10)).isEmpty();
    }

    @Test
    void aPersonalLinkExpires() {
        var hans = fixture.customer("rules-expiry", "hans@example.com", "de", true);
        var link = invite(survey, hans.id()).link();
        var respondent = BrowserlessSession.on(port);
        assertThat(respondent.get(link).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(14).plusSeconds(1));

        var expired = respondent.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Dieser Link ist abgelaufen");
    }

    private SurveyInvitation invite(Survey target, CustomerId customer) {
        return invitations
                .invite(tenant.id(), target.id(), List.of(customer), InvitationChannel.LINK)
                .get(0);
    }

    private SurveyInvitation email(org.opencxm.customers.Customer customer) {
        clock.advance(Duration.ofDays(31));
        return invitations
                .invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.EMAIL)
                .get(0);
    }
}
