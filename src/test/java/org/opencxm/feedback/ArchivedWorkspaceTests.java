package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.SurveyTrigger;
import org.opencxm.feedback.internal.Triggers;
import org.opencxm.platform.Workspaces;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** An archived workspace sends nothing more on its own: no triggered or scheduled survey e-mails. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArchivedWorkspaceTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Triggers triggers;

    @Autowired
    Invitations invitations;

    @Test
    void archivingStopsTriggersAndSkipsWhatWasScheduled() {
        var tenant = TenantFixture.from(context).tenant("archiving");
        var feedback = new FeedbackFixture(context, tenant, port);
        var survey = feedback.activeSurvey(SurveyTemplate.CSAT_DELIVERY, "Delivery");
        var customer = feedback.customer("archived-1", "kundin@example.com", "de", true);
        triggers.create(tenant.id(), survey.id(), new SurveyTrigger.Draft("Order Delivered", 3, "", ""));
        var scheduled = invitations.invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.EMAIL);
        assertThat(scheduled)
                .singleElement()
                .satisfies(i -> assertThat(i.status().name()).isEqualTo("SCHEDULED"));

        workspaces.archive(tenant.id());

        assertThat(triggers.ofSurvey(tenant.id(), survey.id()))
                .allSatisfy(t -> assertThat(t.active()).isFalse());
        assertThat(invitations.ofSurvey(tenant.id(), survey.id(), 10))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.status().name()).isEqualTo("SKIPPED");
                    assertThat(i.skipReason().name()).isEqualTo("WORKSPACE_ARCHIVED");
                });
    }
}
