package org.opencxm.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

    private void signIn(Page page, String heading, String email) {
        page.navigate("http://localhost:" + port + "/login");
        assertThat(page.locator("h1")).hasText(heading);
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(Tenant.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL("http://localhost:" + port + "/");
    }
}
