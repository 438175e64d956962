package org.opencxm.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.SurveyTemplate;
import org.opencxm.platform.Role;
import org.opencxm.testing.Browser;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** In a real Chromium: sign in, see the shell in English, switch to German, and keep it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Browser browser;
    Tenant tenant;

    @BeforeAll
    void setUp() {
        browser = Browser.launch();
        tenant = TenantFixture.from(context).tenant("browser");
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signsInAndSwitchesTheShellBetweenEnglishAndGerman() {
        var page = browser.newContext("en-US").newPage();
        var consoleErrors = new java.util.ArrayList<String>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400) {
                consoleErrors.add(response.status() + " " + response.url());
            }
        });
        signIn(page, "Sign in", tenant.email(Role.ADMIN));

        var navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"));
        assertThat(navigation).containsText("Customers");
        assertThat(navigation).containsText("Settings");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/shell-en.png")));
        org.assertj.core.api.Assertions.assertThat(consoleErrors)
                .as("nothing on the page breaks the Content-Security-Policy")
                .isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deutsch"))
                .click();

        var hauptnavigation =
                page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hauptnavigation"));
        assertThat(hauptnavigation).containsText("Kunden");
        assertThat(hauptnavigation).containsText("Einstellungen");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abmelden")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/shell-de.png")));

        hauptnavigation.getByText("Einstellungen").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Einstellungen");
    }

    @Test
    void theChosenLanguageFollowsTheUserToAnotherBrowser() {
        var first = browser.newContext("en-US").newPage();
        signIn(first, "Sign in", tenant.email(Role.VIEWER));
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deutsch"))
                .click();
        assertThat(first.locator("h1")).containsText("Hallo");

        var elsewhere = browser.newContext("en-GB").newPage();
        signIn(elsewhere, "Sign in", tenant.email(Role.VIEWER));

        assertThat(elsewhere.locator("h1")).containsText("Hallo");
        assertThat(elsewhere.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hauptnavigation")))
                .not()
                .containsText("Einstellungen");
    }

    @Test
    void aGermanBrowserGetsTheSignInPageInGerman() {
        var page = browser.newContext("de-DE").newPage();
        page.navigate("http://localhost:" + port + "/");

        assertThat(page).hasURL("http://localhost:" + port + "/login");
        assertThat(page.locator("h1")).hasText("Anmelden");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.locator("h1")).hasText("Sign in");
    }

    /** On a 390 × 844 phone the menu folds behind a button, and no main page is wider than the screen. */
    @Test
    void onAPhoneTheMenuFoldsAndNoMainPageScrollsSideways() {
        var fixture = new FeedbackFixture(context, tenant, port);
        var customer = fixture.customer("K-phone", "phone@example.de", "de", true);
        fixture.track("K-phone", "Order Completed");
        var survey = fixture.activeSurvey(SurveyTemplate.NPS_RELATIONSHIP, "Phone NPS");
        var page = browser.newPhoneContext("de-DE").newPage();
        signIn(page, "Anmelden", "E-Mail", "Passwort", "Anmelden", tenant.email(Role.ADMIN));

        var menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menü"));
        assertThat(menu).isVisible();
        assertThat(menu).hasAttribute("aria-expanded", "false");
        assertThat(page.locator("#sidebar")).isHidden();
        org.assertj.core.api.Assertions.assertThat(page.locator("header.topbar").boundingBox().height)
                .as("the top bar is one row: its account controls are in the menu")
                .isLessThan(80);
        menu.click();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#sidebar")).containsText("Kunden");
        assertThat(page.locator("#sidebar")).containsText("Abmelden");
        page.keyboard().press("Escape");
        assertThat(page.locator("#sidebar")).isHidden();

        for (var path : List.of(
                "/",
                "/customers",
                "/customers/" + customer.id(),
                "/feedback",
                "/feedback/surveys/" + survey.id(),
                "/feedback/surveys/" + survey.id() + "/results",
                "/settings/users",
                "/me")) {
            page.navigate("http://localhost:" + port + path);
            var width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            org.assertj.core.api.Assertions.assertThat(width)
                    .as("width of %s", path)
                    .isLessThanOrEqualTo(390);
            var heading = page.locator("h1").boundingBox();
            org.assertj.core.api.Assertions.assertThat(heading.x + heading.width)
                    .as("heading of %s", path)
                    .isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/phone" + path.replaceAll("[^a-z]+", "-") + ".png")));
        }
    }

    /** Switching the language stays on the page with its filters, and numbers and dates follow the language. */
    @Test
    void theLanguageSwitchKeepsThePageAndItsFiltersAndFormatsFollowTheLanguage() {
        var fixture = new FeedbackFixture(context, tenant, port);
        fixture.customer("K-format-1", "one@format.example", "de", true);
        fixture.customer("K-format-2", "two@format.example", "de", true);
        var page = browser.newContext("de-DE").newPage();
        signIn(page, "Anmelden", "E-Mail", "Passwort", "Anmelden", tenant.email(Role.MARKETING));
        page.navigate("http://localhost:" + port + "/customers?q=%40format.example");
        assertThat(page.locator("main")).containsText("2 Kunden");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English"))
                .click();

        assertThat(page).hasURL("http://localhost:" + port + "/customers?q=%40format.example");
        assertThat(page.locator("main")).containsText("2 customers");
        org.assertj.core.api.Assertions.assertThat(page.locator("main table").textContent())
                .as("dates in the English format too, not the German browser's")
                .containsPattern("[A-Z][a-z]{2} \\d{1,2}, \\d{4}")
                .doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
        page.navigate("http://localhost:" + port + "/customers?q=one%40format.example");
        assertThat(page.locator("main")).containsText("one customer");
    }

    private void signIn(Page page, String heading, String email) {
        signIn(page, heading, "E-mail", "Password", "Sign in", email);
    }

    private void signIn(
            Page page, String heading, String emailLabel, String passwordLabel, String button, String email) {
        page.navigate("http://localhost:" + port + "/login");
        assertThat(page.locator("h1")).hasText(heading);
        page.getByLabel(emailLabel).fill(email);
        page.getByLabel(passwordLabel).fill(Tenant.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))
                .click();
        assertThat(page).hasURL("http://localhost:" + port + "/");
    }
}
