package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** "3 days after Order Delivered, for premium customers, send the delivery CSAT", end to end. */
class SurveyTriggerTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    TriggerScanner scanner;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    Invitations invitations;

    Tenant tenant;
    FeedbackFixture fixture;
    CollectionClient collect;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("trigger");
        fixture = new FeedbackFixture(context, tenant, port);
        var key = context.getBean(ApiKeyManagement.class)
                .create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null, true), null);
        collect = new CollectionClient(port, key.token());
    }

    @Test
    void anEventSchedulesTheSurveyForMatchingCustomersDaysLater() throws Exception {
        fixture.customer("trigger-premium", "premium@example.com", "en", true);
        fixture.customer("trigger-basic", "basic@example.com", "en", true);
        identify("trigger-premium", "premium");
        identify("trigger-basic", "basic");
        var survey = fixture.activeSurvey(SurveyTemplate.CSAT_DELIVERY, "Delivery CSAT");
        var created = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER))
                .post(
                        "/api/v1/surveys/" + survey.id() + "/triggers",
                        "{\"eventName\": \"Order Delivered\", \"delayDays\": 3, \"traitName\": \"plan\", \"traitValue\": \"premium\"}");
        assertThat(created.status()).isEqualTo(201);

        delivered("trigger-premium");
        delivered("trigger-basic");
        clock.advance(Duration.ofMinutes(2));
        assertThat(scanner.scan()).isEqualTo(1);
        assertThat(scanner.scan()).as("each event once").isZero();

        // the mail job sends what is due in every workspace: this test looks at its own customers'
        mailer.sendDue();
        assertThat(ours()).isEmpty();

        clock.advance(Duration.ofDays(3));
        mailer.sendDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !ours().isEmpty());
        assertThat(ours()).containsExactly("premium@example.com");
        assertThat(invitations.ofSurvey(tenant.id(), survey.id(), 10))
                .singleElement()
                .extracting(SurveyInvitation::status)
                .isEqualTo(InvitationStatus.SENT);
    }

    @Test
    void invalidTriggersAreRefusedWithFieldErrors() {
        var survey = fixture.activeSurvey(SurveyTemplate.CSAT_DELIVERY, "Invalid trigger");

        var refused = ApiClient.bearer(port, tenant.token(Role.CX_MANAGER))
                .post("/api/v1/surveys/" + survey.id() + "/triggers", "{\"eventName\": \"\", \"delayDays\": 400}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("eventName", "delayDays");
    }

    private static java.util.List<String> ours() throws Exception {
        var found = new java.util.ArrayList<String>();
        for (var message : smtp.getReceivedMessages()) {
            var to = message.getAllRecipients()[0].toString();
            if (to.equals("premium@example.com") || to.equals("basic@example.com")) {
                found.add(to);
            }
        }
        return found;
    }

    private void identify(String userId, String plan) {
        assertThat(collect.post(
                                "/v1/identify",
                                "{\"userId\": \"" + userId + "\", \"traits\": {\"plan\": \"" + plan + "\"}}")
                        .status())
                .isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> context.getBean(org.opencxm.customers.Customers.class)
                        .byIdentity(tenant.id(), userId, null)
                        .map(profile -> plan.equals(profile.traits().get("plan")))
                        .orElse(false));
    }

    private void delivered(String userId) {
        assertThat(collect.post("/v1/track", "{\"userId\": \"" + userId + "\", \"event\": \"Order Delivered\"}")
                        .status())
                .isEqualTo(200);
    }
}
