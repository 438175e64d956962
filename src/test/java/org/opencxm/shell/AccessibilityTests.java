package org.opencxm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.cases.CaseFixture;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.Role;
import org.opencxm.testing.Browser;
import org.opencxm.testing.NpmPackages;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * axe-core, the accessibility engine of Lighthouse and most audit tools, from npm, run in
 * Chromium on the pages staff and respondents use, in German and English: no critical or serious
 * violation of WCAG 2.1 A and AA.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTests {

    private static final String AXE = "axe-core";
    private static final String AXE_VERSION = "4.14.1";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Browser browser;
    Path axe;
    Tenant tenant;

    @BeforeAll
    void setUp() {
        browser = Browser.launch();
        axe = NpmPackages.fetch(AXE, AXE_VERSION).resolve("axe.min.js");
        tenant = TenantFixture.from(context).tenant("a11y");
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theMainPagesHaveNoCriticalOrSeriousViolationInEitherLanguage() {
        var fixture = new FeedbackFixture(context, tenant, port);
        var customer = fixture.customer("K-a11y", "a11y@example.de", "de", true);
        fixture.track("K-a11y", "Order Completed");
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Barrierefrei");
        var supportCase = CaseFixture.complaint(context, tenant, customer.id(), "Paket beschädigt");
        var violations = new ArrayList<String>();
        for (var language : List.of("de-DE", "en-GB")) {
            BrowserContext visitor = browser.newAuditContext(language);
            var page = visitor.newPage();
            audit(page, "/login", violations);
            audit(page, "/password/forgot", violations);
            audit(page, "/s/" + survey.publicKey(), violations);
            signIn(page);
            for (var path : List.of(
                    "/",
                    "/customers",
                    "/customers/" + customer.id(),
                    "/journeys",
                    "/journeys/rules",
                    "/journeys/paths",
                    "/journeys/flow",
                    "/journeys/pain-points",
                    "/journeys/cohorts",
                    "/journeys/funnels?steps=Product%20Viewed&steps=Order%20Completed&breakdown=CHANNEL",
                    "/journeys/customers/" + customer.id(),
                    "/cases",
                    "/cases/" + supportCase.id(),
                    "/cases/new?customer=" + customer.id(),
                    "/feedback",
                    "/feedback/surveys/" + survey.id(),
                    "/feedback/surveys/" + survey.id() + "/results",
                    "/settings/users",
                    "/settings/cases",
                    "/me")) {
                audit(page, path, violations);
            }
            visitor.close();
        }

        assertThat(violations).as("axe-core: critical and serious violations").isEmpty();
    }

    private void audit(Page page, String path, List<String> violations) {
        page.navigate("http://localhost:" + port + path);
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
        @SuppressWarnings("unchecked")
        var found = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
                  // the rules that passed prove axe looked at the page at all
                  return [{ id: 'rules passed', impact: 'none', nodes: String(result.passes.length) }].concat(result.violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') })));
                }
                """);
        assertThat(Integer.parseInt((String) found.get(0).get("nodes")))
                .as("rules axe checked on %s", path)
                .isGreaterThan(10);
        for (var violation : found.subList(1, found.size())) {
            violations.add(page.evaluate("document.documentElement.lang") + " " + path + ": " + violation.get("impact")
                    + " " + violation.get("id") + " at " + violation.get("nodes"));
        }
    }

    private void signIn(Page page) {
        page.navigate("http://localhost:" + port + "/login");
        page.locator("#email").fill(tenant.email(Role.ADMIN));
        page.locator("#password").fill(Tenant.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("http://localhost:" + port + "/");
    }
}
