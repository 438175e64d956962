package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.internal.Survey;
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

/** Results from answers given over HTTP: the NPS with its margin of error, comments, the CSV export. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SurveyResultsTests {

    private static final int[] SCORES = {10, 10, 9, 8, 7, 6, 3, 0, 9, 10};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Tenant tenant;
    Survey survey;

    @BeforeEach
    void answerTenTimes() {
        tenant = TenantFixture.from(context).tenant("results");
        survey = new FeedbackFixture(context, tenant, port).activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Results");
        for (int score : SCORES) {
            var respondent = BrowserlessSession.on(port);
            var start = respondent.get("/s/" + survey.publicKey()).body();
            var action = start.replaceAll("(?s).*<form method=\"post\" action=\"([^\"]+)\".*", "$1")
                    .replace("&amp;", "&");
            respondent.postRaw(action, Map.of("q.nps", Integer.toString(score)));
            if (score <= 6) {
                var comment = score == 0
                        ? "=HYPERLINK(\"http://evil.example\")"
                        : score == 3 ? "slow;=1+1;" : "<script>alert('x')</script> too slow";
                respondent.postRaw(action.replace("/0?", "/1?"), Map.of("q.improve", comment));
            } else {
                respondent.postRaw(action.replace("/0?", "/1?"), Map.of());
            }
        }
    }

    @Test
    void theApiReportsTheNpsWithItsMarginOfError() {
        var results = ApiClient.bearer(port, tenant.token(Role.VIEWER))
                .get("/api/v1/surveys/" + survey.id() + "/results")
                .json();

        assertThat(results.get("responses").asLong()).isEqualTo(10);
        var nps = results.get("questions").get(0);
        assertThat(nps.get("answered").asLong()).isEqualTo(10);
        var score = nps.get("score");
        assertThat(score.get("kpi").asString()).isEqualTo("NPS");
        // 5 promoters, 3 detractors of 10: 50 % − 30 % = 20; 1.96·√((0.5 + 0.3 − 0.2²)/10)·100 = 54.03
        assertThat(score.get("value").asDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(score.get("marginOfError").asDouble()).isCloseTo(54.03, within(0.01));
        assertThat(score.get("share").asDouble()).as("promoters").isCloseTo(50.0, within(1e-9));
        assertThat(score.get("detractors").asDouble()).isCloseTo(30.0, within(1e-9));
        assertThat(nps.get("distribution").get(10).get("count").asLong()).isEqualTo(3);
    }

    @Test
    void filtersNarrowTheResultsAndABadDateIsRefused() {
        var api = ApiClient.bearer(port, tenant.token(Role.VIEWER));
        var base = "/api/v1/surveys/" + survey.id() + "/results";

        assertThat(api.get(base + "?stage=USAGE").json().get("responses").asLong())
                .isEqualTo(10);
        assertThat(api.get(base + "?stage=CHURNED").json().get("responses").asLong())
                .isZero();
        assertThat(api.get(base + "?from=2000-01-01&to=2000-12-31")
                        .json()
                        .get("responses")
                        .asLong())
                .isZero();
        var refused = api.get(base + "?from=yesterday");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("from");
    }

    @Test
    void theCsvExportNeutralizesFormulas() {
        var manager = BrowserlessSession.on(port);
        manager.signIn(tenant.email(Role.CX_MANAGER), Tenant.PASSWORD);

        var csv = manager.get("/feedback/surveys/" + survey.id() + "/responses.csv");

        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(11);
        assertThat(csv.body()).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        assertThat(csv.body())
                .as("quoted, so that German Excel, which splits at semicolons, keeps it one cell")
                .contains("\"slow;=1+1;\"");
    }

    @Test
    void theGermanExcelExportHasABomSemicolonsAndLocalTimes() {
        var manager = BrowserlessSession.on(port);
        manager.signIn(tenant.email(Role.CX_MANAGER), Tenant.PASSWORD);

        var csv = manager.get("/feedback/surveys/" + survey.id() + "/responses.csv?format=excel-de");

        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("-excel.csv");
        assertThat(csv.body()).startsWith("\uFEFF\"response_id\";\"started_at\";");
        assertThat(csv.body().lines().skip(1))
                .hasSize(10)
                .allMatch(
                        line -> line.matches("\"[0-9a-f-]{36}\";\"\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d\";.*"));
        assertThat(csv.body()).contains("'=HYPERLINK").contains("\"slow;=1+1;\"");
    }

    @Test
    void theResultsPageShowsCommentsAsText() {
        var viewer = BrowserlessSession.on(port);
        viewer.signIn(tenant.email(Role.VIEWER), Tenant.PASSWORD);

        var page = viewer.get("/feedback/surveys/" + survey.id() + "/results").body();

        assertThat(page)
                .contains("NPS 20.0")
                .contains("promoters 50.0 %, passives 20.0 %, detractors 30.0 %")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; too slow");
        assertThat(page).doesNotContain("<script>alert");
    }
}
