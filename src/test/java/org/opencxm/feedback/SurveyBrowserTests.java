package org.opencxm.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.internal.Condition;
import org.opencxm.feedback.internal.InvitationChannel;
import org.opencxm.feedback.internal.Invitations;
import org.opencxm.feedback.internal.SurveyDraft;
import org.opencxm.feedback.internal.SurveyStatus;
import org.opencxm.feedback.internal.Surveys;
import org.opencxm.feedback.internal.WidgetSettings;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.Browser;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Surveys in a real Chromium: a customer answers on a phone through a personal link, a hostile
 * answer stays inert text wherever staff read it, and the website widget asks a visitor once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBrowserTests {

    private static final String PAYLOAD =
            "<img src=x onerror=\"window.__xss='img'\"><script>window.__xss='script'</script> Lieferung zu spät";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @Autowired
    Customers customers;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    Tenant tenant;
    FeedbackFixture fixture;

    @BeforeAll
    void setUp() {
        browser = Browser.launch();
        tenant = TenantFixture.from(context).tenant("survey-browser");
        fixture = new FeedbackFixture(context, tenant, port);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCustomerAnswersOnAPhoneThroughTheirPersonalLink() {
        var customer = fixture.customer("phone-1", "lena@example.de", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Phone NPS");
        var link = url(invitations
                .invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.LINK)
                .get(0)
                .link());
        var page = browser.newPhoneContext("de-DE").newPage();

        page.navigate(link);
        assertThat(page.locator("legend").first().textContent())
                .contains("Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(390);
        var tops = (java.util.List<?>) page.evaluate(
                "[...document.querySelectorAll('.scale-11 .option')].map(o => o.getBoundingClientRect().top)");
        assertThat(new java.util.HashSet<>(tops)).as("0 to 10 on one row").hasSize(1);
        assertThat(page.locator("h1").count()).isEqualTo(1);
        page.locator("label.option:has-text('10')").tap();
        page.locator("button[type=submit]").tap();

        assertThat(page.locator("label.question-text").textContent()).contains("Was gefällt Ihnen am besten?");
        assertThat(page.content()).doesNotContain("Was sollten wir vor allem besser machen?");
        page.locator("textarea").fill("Der freundliche Service");
        page.locator("button[type=submit]").tap();

        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                .hasText("Vielen Dank");
        assertThat(page.locator(".thank-you").textContent()).contains("Vielen Dank für Ihre Antwort!");

        page.navigate(link);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                .hasText("Sie haben bereits geantwortet");

        var staff = signedIn(Role.AGENT);
        staff.navigate(url("/customers/" + customer.id()));
        assertThat(staff.locator(".timeline").textContent())
                .contains("Survey Responded")
                .contains("Der freundliche Service");
    }

    @Test
    void hostileFreeTextStaysInertOnTheResultsPageAndTheTimeline() {
        var customer = fixture.customer("xss-1", "mallory@example.com", "de", true);
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "XSS NPS");
        var link = url(invitations
                .invite(tenant.id(), survey.id(), List.of(customer.id()), InvitationChannel.LINK)
                .get(0)
                .link());
        var respondent = browser.newContext("de-DE").newPage();
        respondent.navigate(link);
        respondent.locator("label.option:has-text('2')").click();
        respondent.locator("button[type=submit]").click();
        respondent.locator("textarea").fill(PAYLOAD);
        respondent.locator("button[type=submit]").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(respondent.locator("h1"))
                .hasText("Vielen Dank");

        var staff = signedIn(Role.CX_MANAGER);
        staff.navigate(url("/feedback/surveys/" + survey.id() + "/results"));
        assertThat(staff.locator(".comments").textContent()).contains(PAYLOAD);
        assertThat(staff.evaluate("window.__xss === undefined")).isEqualTo(true);
        assertThat(staff.locator(".comments img").count()).isZero();

        staff.navigate(url("/customers/" + customer.id()));
        assertThat(staff.locator(".timeline").textContent()).contains("Lieferung zu spät");
        assertThat(staff.evaluate("window.__xss === undefined")).isEqualTo(true);
        assertThat(staff.locator(".timeline img").count()).isZero();
    }

    @Test
    void theWebsiteWidgetAsksAVisitorOnceAndRecordsTheAnswer() throws IOException {
        var survey = fixture.activeSurvey(SurveyTemplate.CES_SERVICE, "Widget CES");
        surveys.update(
                tenant.id(),
                survey.id(),
                SurveyDraft.of(survey).withWidget(new WidgetSettings(true, "/help/*", 0, 100, 30)));
        var writeKey = context.getBean(ApiKeyManagement.class)
                .create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "site", null, null), null)
                .token();
        var shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            var html = """
                    <!DOCTYPE html><html lang="en"><head><title>Help</title></head><body><h1>Help</h1>
                    <script src="http://localhost:%d/js/opencxm.js" data-write-key="%s" data-surveys="on"></script>
                    </body></html>""".formatted(port, writeKey).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        shop.start();
        try {
            var base = "http://127.0.0.1:" + shop.getAddress().getPort();
            var visitor = browser.newContext("en-GB").newPage();
            visitor.navigate(base + "/shop/cart");
            visitor.waitForTimeout(1000);
            assertThat(visitor.locator("[data-opencxm-survey]").count())
                    .as("not on other pages")
                    .isZero();

            visitor.navigate(base + "/help/returns");
            var prompt = visitor.locator("[data-opencxm-survey]");
            prompt.waitFor();
            assertThat(prompt.textContent()).contains("The company made it easy for me to handle my issue.");
            prompt.locator("button:text-is('6')").click();
            prompt.locator("textarea").fill("Quick answer");
            prompt.locator("button:text-is('Send')").click();
            assertThat(prompt.textContent()).contains("Thank you for your feedback!");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql(
                                            "select count(*) from survey_response r join survey_answer a on a.response_id = r.id"
                                                    + " where r.survey_id = ? and r.channel = 'WIDGET' and r.completed_at is not null"
                                                    + " and r.anonymous_id is not null and a.value = 6")
                                    .param(survey.id().value())
                                    .query(Long.class)
                                    .single()
                            == 1);

            visitor.navigate(base + "/help/shipping");
            visitor.waitForTimeout(1000);
            assertThat(visitor.locator("[data-opencxm-survey]").count())
                    .as("not again within 30 days")
                    .isZero();
        } finally {
            shop.stop(0);
        }
    }

    /**
     * A CX manager builds an NPS survey in German: no template, a follow-up question from the
     * palette, its skip logic picked from a list; no id typed anywhere. Then a respondent with
     * a low score gets the follow-up and one with a high score does not.
     */
    @Test
    void aManagerBuildsAnNpsSurveyWithSkipLogicWithoutTypingAnId() {
        var page = browser.newContext("de-DE").newPage();
        page.navigate(url("/login"));
        page.fill("#email", tenant.email(Role.CX_MANAGER));
        page.fill("#password", Tenant.PASSWORD);
        page.click("main button[type=submit]");
        page.waitForURL(url("/"));
        page.navigate(url("/feedback"));
        page.getByLabel("Vorlage").selectOption("");
        page.locator("#name").fill("Weiterempfehlung");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Umfrage anlegen"))
                .click();
        page.waitForURL("**/feedback/surveys/**");
        var builder = page.url().replaceFirst("\\?.*$", "");

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Freitext").setExact(true))
                .click();
        page.waitForURL("**edit=comment**");
        var form = page.locator("#q-comment");
        form.getByLabel("Frage (Deutsch)").fill("Was sollten wir besser machen?");
        form.getByLabel("Frage (Englisch)").fill("What should we improve?");
        form.getByLabel("Nur zeigen, wenn die Antwort auf eine frühere Frage lautet")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Kritiker (0–6)"));
        form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Speichern"))
                .click();
        page.waitForURL("**saved**");

        var survey = surveys.list(tenant.id()).stream()
                .filter(s -> s.name().equals("Weiterempfehlung"))
                .findFirst()
                .orElseThrow();
        var followUp = survey.definition().question("comment").orElseThrow();
        assertThat(followUp.showIf()).isEqualTo(Condition.between("nps", 0, 6));
        assertThat(survey.definition().pageOf("comment")).isEqualTo(1);

        page.navigate(builder + "/preview?page=1&language=de&device=phone");
        assertThat(page.locator("main.survey.device-phone").count()).isEqualTo(1);
        assertThat(page.locator("main").textContent())
                .contains(
                        "Wird nur gezeigt, wenn die Antwort auf „Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?“ 0–6 ist.");
        page.getByText("Zurück zum Editor").click();
        page.waitForURL(builder);

        surveys.update(
                tenant.id(),
                survey.id(),
                new SurveyDraft(
                        survey.name(),
                        SurveyStatus.ACTIVE,
                        survey.defaultLanguage(),
                        null,
                        null,
                        surveys.get(tenant.id(), survey.id()).definition(),
                        null));
        var respondent = browser.newPhoneContext("de-DE").newPage();
        respondent.navigate(url("/s/" + survey.publicKey()));
        respondent.locator("label.option:has-text('3')").first().tap();
        respondent.locator("button[type=submit]").tap();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(respondent.locator("label.question-text"))
                .containsText("Was sollten wir besser machen?");
    }

    private Page signedIn(Role role) {
        var page = browser.newContext("en-GB").newPage();
        page.navigate(url("/login"));
        page.fill("#email", tenant.email(role));
        page.fill("#password", Tenant.PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(url("/"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
