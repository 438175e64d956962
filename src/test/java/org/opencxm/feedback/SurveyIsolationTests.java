package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencxm.platform.Role;
import org.opencxm.testing.ApiClient;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Another workspace's surveys, results, invitations and customers are not found, never shown. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SurveyIsolationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void anotherWorkspacesSurveyIsNotFoundEverywhere() {
        var tenants = TenantFixture.from(context).two();
        var fixture = new FeedbackFixture(context, tenants.a(), port);
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Only for A");
        var customer = fixture.customer("isolated-1", "a-only@example.com", "en", true);
        var otherSurvey = new FeedbackFixture(context, tenants.b(), port)
                .activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "B's own");
        var b = ApiClient.bearer(port, tenants.b().token(Role.CX_MANAGER));

        assertThat(b.get("/api/v1/surveys/" + survey.id()).status()).isEqualTo(404);
        assertThat(b.get("/api/v1/surveys/" + survey.id() + "/results").status())
                .isEqualTo(404);
        assertThat(b.get("/api/v1/surveys/" + survey.id() + "/responses.csv").status())
                .isEqualTo(404);
        assertThat(b.post(
                                "/api/v1/surveys/" + survey.id() + "/invitations",
                                "{\"customerIds\": [\"" + customer.id() + "\"], \"channel\": \"LINK\"}")
                        .status())
                .isEqualTo(404);
        var foreignCustomer = b.post(
                "/api/v1/surveys/" + otherSurvey.id() + "/invitations",
                "{\"customerIds\": [\"" + customer.id() + "\"], \"channel\": \"LINK\"}");
        assertThat(foreignCustomer.status()).isEqualTo(400);
        assertThat(foreignCustomer.json().get("errors").findValuesAsString("field"))
                .containsExactly("customerIds[0]");
        assertThat(b.get("/api/v1/surveys").body()).doesNotContain("Only for A");

        var pages = BrowserlessSession.on(port);
        pages.signIn(tenants.b().email(Role.CX_MANAGER), Tenant.PASSWORD);
        assertThat(pages.get("/feedback/surveys/" + survey.id()).statusCode()).isEqualTo(404);
        assertThat(pages.get("/feedback/surveys/" + survey.id() + "/results").statusCode())
                .isEqualTo(404);
        assertThat(pages.get("/feedback").body()).doesNotContain("Only for A");
    }
}
